import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Writable } from 'node:stream';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import Fastify from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { recordAudit } from './platform/audit/record.js';
import { accessHook, SAFE_METHODS } from './platform/auth/authenticate.js';
import { markSessionWrite, WROTE_COOKIE } from './platform/auth/session-store.js';
import type { AppContext } from './platform/context.js';
import { errorHandler } from './platform/http/error-handler.js';
import { loggerOptions } from './platform/http/safe-log.js';
import { unsafeRequestStrings } from './platform/http/text.js';
import type { App } from './platform/http/types.js';
import { metricsOf } from './platform/metrics/registry.js';
import { monitoringRoutes } from './platform/metrics/routes.js';
import { projectRoot } from './platform/paths.js';
import { registerRoutes } from './routes.js';

z.config(z.locales.zhCN());

export const webDist = path.join(projectRoot, 'dist', 'web');
const UNGUARDED = new Set(['/api/openapi.json']);

/** Builds the HTTP application around an already-open context. Listening is the caller's business. */
export async function buildApp(
  ctx: AppContext,
  opts: {
    logger?: boolean /** Where the log goes instead of stdout (tests read it). */;
    logStream?: Writable;
  } = {},
): Promise<App> {
  const app = Fastify({
    logger: loggerOptions(opts),
    trustProxy: process.env.TRUST_PROXY === '1',
    bodyLimit: 2 * 1024 * 1024,
    // on SIGTERM the listener closes and a request already on an accepted connection is answered
    // in full, not refused with 503: the proxy does not resend a refused POST (bench/results-cluster.md)
    return503OnClosing: false,
    // long path parameters reach the route's schema, which refuses them in Chinese
    routerOptions: { maxParamLength: 1000 },
    frameworkErrors: (_err, _req, reply) => {
      (reply as any)
        .status(400)
        .send({ error: { code: 'bad_request', message: '请求地址或参数格式不正确' } });
    },
  }).withTypeProvider<import('fastify-type-provider-zod').ZodTypeProvider>() as unknown as App;
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('ctx', ctx);
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionRow', null);

  // Deny by default: an /api route without a declared access level is a programming error.
  app.decorate('routeTable', []);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD')
        app.routeTable.push({ method, url: route.url, access: route.config?.access, schema: route.schema });
    }
    if (!route.url.startsWith('/api/') || UNGUARDED.has(route.url)) return;
    if (!route.config?.access) throw new Error(`route ${route.method} ${route.url} declares no access`);
    // Every string a caller sends goes through `text()`, so NUL and lone surrogates never reach the database.
    const unsafe = unsafeRequestStrings(route.schema);
    if (unsafe.length)
      throw new Error(`route ${route.method} ${route.url}: use text() for ${unsafe.join(', ')}`);
  });

  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        upgradeInsecureRequests: ctx.config.secureCookies ? [] : null,
      },
    },
    hsts: ctx.config.secureCookies,
  });
  // uploads: one file per request, size-limited; routes check the content, not the name
  await app.register(multipart, { limits: { fileSize: 30 * 1024 * 1024, files: 1, fields: 10 } });
  await app.register(swagger, {
    openapi: { info: { title: 'Jiandu API', version: '1' } },
    transform: jsonSchemaTransform,
  });

  // stale in-memory copies (rules, calendar) reload here, before any handler opens a transaction
  app.addHook('onRequest', async (req) => {
    await ctx.caches.refreshStale().catch((e) => req.log.warn({ err: e }, 'cache refresh failed'));
  });
  app.addHook('onRequest', accessHook(ctx));
  app.addHook('onSend', async (req, reply, payload) => {
    if (req.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
    // a request that may have changed a session, a user or a role: this instance's next reads load
    // their sessions afresh (before this answer leaves, so the caller's next request sees the change)
    // (a portal request changes none: a meeting voting at once does not empty the cache)
    if (!SAFE_METHODS.has(req.method) && !req.routeOptions.config?.portal) ctx.sessions.clear();
    return payload;
  });
  // With a read replica, a session that changed something reads on the primary for a while
  // (read-context.ts); marked before the answer leaves, so the caller's next request sees it.
  if (ctx.database.replica) {
    app.addHook('onSend', async (req, reply, payload) => {
      const actor = req.actor;
      if (!actor || reply.statusCode >= 400 || SAFE_METHODS.has(req.method)) return payload;
      await markSessionWrite(ctx, actor.sessionId).catch((e) =>
        req.log.error({ err: e }, 'marking the session write failed'),
      );
      // and the browser carries it to whichever instance answers next, whose copy of the session
      // row may be older than this write (WROTE_COOKIE)
      reply.header(
        'set-cookie',
        app.serializeCookie(WROTE_COOKIE, String(ctx.clock.now().getTime()), {
          path: '/',
          httpOnly: true,
          sameSite: 'strict',
          secure: ctx.config.secureCookies,
        }),
      );
      return payload;
    });
  }
  // request counts and latencies by route pattern (an unknown path counts as one series)
  const metrics = metricsOf(ctx);
  app.addHook('onResponse', async (req, reply) => {
    const route = req.routeOptions.url ?? (req.url.startsWith('/api/') ? 'unmatched' : 'static');
    metrics.observeRequest(req.method, route, reply.statusCode, reply.elapsedTime / 1000);
  });
  // Audit by construction: a successful change that wrote no record of its own gets one here,
  // and routes that show protected data record each viewing.
  app.addHook('onResponse', async (req, reply) => {
    const cfg = req.routeOptions.config ?? {};
    const actor = req.actor;
    if (!actor || actor.audited || reply.statusCode >= 400) return;
    const action =
      req.method === 'GET'
        ? cfg.auditView
        : req.method === 'HEAD'
          ? undefined
          : (cfg.audit ?? `${req.method} ${req.routeOptions.url}`);
    if (!action) return;
    await recordAudit(ctx.db, ctx.clock, actor, {
      action,
      objectType: (req.params as any)?.id ? cfg.audit?.split('.')[0] : undefined,
      objectId: (req.params as any)?.id ?? null,
      detail: req.method === 'GET' ? { url: req.url } : undefined,
    }).catch((e) => req.log.error({ err: e, route: req.routeOptions.url }, 'audit record failed'));
  });
  app.setErrorHandler(errorHandler(ctx));
  app.setNotFoundHandler((req, reply) => {
    // an unknown API path or asset is a 404, never the SPA's HTML in place of a script
    if (
      req.url.startsWith('/api/') ||
      req.url.startsWith('/assets/') ||
      !existsSync(path.join(webDist, 'index.html'))
    ) {
      return reply.status(404).send({ error: { code: 'not_found', message: '请求的地址不存在' } });
    }
    const entry = req.url.startsWith('/portal') ? 'portal.html' : 'index.html';
    return reply.type('text/html').header('cache-control', 'no-cache').sendFile(entry);
  });

  await app.register(monitoringRoutes);
  app.get('/api/openapi.json', { config: { access: 'public' } }, async () => app.swagger());
  await registerRoutes(app);

  if (existsSync(webDist)) {
    await app.register(fastifyStatic, {
      root: webDist,
      wildcard: false,
      index: false,
      setHeaders: (res, file) => {
        if (file.includes(`${path.sep}assets${path.sep}`))
          res.header('cache-control', 'public, max-age=31536000, immutable');
      },
    });
  }
  return app;
}
