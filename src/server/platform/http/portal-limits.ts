import rateLimit from '@fastify/rate-limit';
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../context.js';
import { countHit, dbRateStore, scopeKey } from './db-rate-store.js';
import { tooMany } from './errors.js';
import type { App } from './types.js';

/** Requests a minute per address on each portal plugin. */
export const PORTAL_MAX = 60;
export const PORTAL_WINDOW_MS = 60_000;

/** The 429 of the portal limit, `ttl` milliseconds before the window ends. */
export const portalTooMany = (ttl: number) =>
  tooMany(`访问过于频繁，请 ${Math.max(1, Math.ceil(ttl / 60_000))} 分钟后再试`);

/**
 * What every public-portal plugin starts with: 60 requests a minute per address, refused with a
 * Chinese message, and no actor — a session the browser happens to carry is ignored, so nothing
 * on the portal is tied to a user (nor read, nor touched, nor its cached copies dropped). Register it inside the plugin that holds only portal routes;
 * `scope` names the plugin (its own counters). The counters are in the database, so the limits
 * hold across every server instance behind the proxy.
 */
export async function portalLimits(app: App, scope: string): Promise<void> {
  await app.register(rateLimit, {
    global: true,
    max: PORTAL_MAX,
    timeWindow: PORTAL_WINDOW_MS,
    store: dbRateStore(app.ctx, scope) as any,
    errorResponseBuilder: (_req, c) => portalTooMany(c.ttl),
  });
  app.addHook('onRequest', async (req) => {
    req.actor = null;
  });
  // and the access hook does not even read it: a portal request costs no session look-up
  app.addHook('onRoute', (route) => {
    route.config = { ...route.config, portal: true };
  });
}

/** Per request of a `countedByTheUseCase` route: its hit's count, done (by the use case) or under way. */
const counts = new WeakMap<FastifyRequest, Promise<void>>();
const done = Promise.resolve();

/**
 * For a hot portal route whose use case counts the address's hit itself, inside its own statement
 * (`hitUpsert` on `scopeKey(ctx, scope, req.ip)`, refusing with `portalTooMany` past `PORTAL_MAX`),
 * so the request makes one round trip instead of two. Spread into the route's options: the
 * plugin's hook is off for the route, and a request the use case never counted (a body refused
 * by the schema, an error before the statement) is counted before its answer is sent — every request to the
 * route still counts once, against the same counter as the plugin's other routes.
 */
export function countedByTheUseCase(ctx: AppContext, scope: string) {
  return {
    config: { access: 'public', rateLimit: false } as const,
    // before the answer leaves (onSend, not onResponse): the caller's next request finds it
    // counted. An error's reply can pass onSend twice: both passes wait for the one count.
    onSend: async (req: FastifyRequest, _reply: unknown, payload: unknown) => {
      let hit = counts.get(req);
      if (!hit) {
        hit = countHit(ctx, scopeKey(ctx, scope, req.ip), PORTAL_WINDOW_MS).then(
          () => {},
          (e) => req.log.error({ err: e }, 'counting the portal hit failed'),
        );
        counts.set(req, hit);
      }
      await hit;
      return payload;
    },
  };
}

/** Tells `countedByTheUseCase` that the use case counted this request's hit. */
export const markCounted = (req: FastifyRequest) => {
  counts.set(req, done);
};
