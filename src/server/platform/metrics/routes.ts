import { timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { notFound, unauthenticated } from '../http/errors.js';
import type { App } from '../http/types.js';
import { checkHealth, failedRunGauges, sharedGauges } from './health.js';
import { metricsOf } from './registry.js';

export const healthOut = z.object({
  status: z.enum(['ok', 'degraded', 'down']),
  database: z.object({ kind: z.enum(['pglite', 'postgres']), ok: z.boolean() }),
  scheduler: z.object({
    ok: z.boolean(),
    lastTickAt: z.string().nullable(),
    secondsSinceTick: z.number().nullable(),
  }),
});

/** The Prometheus text exposition. */
export const metricsTextOut = z.string();

const tokenMatches = (given: string, expected: string) => {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

/**
 * Monitoring. `/api/health` for the proxy and the monitor (no session, no secret): 200 while the
 * database answers, 503 when it does not. `/api/metrics` in the Prometheus text format, for a
 * scraper holding `METRICS_TOKEN` as a bearer token: 404 when no token is configured (the route
 * does not exist), 401 for a missing or wrong token.
 */
export async function monitoringRoutes(app: App) {
  const { ctx } = app;
  app.get(
    '/api/health',
    {
      schema: { tags: ['monitoring'], response: { 200: healthOut, 503: healthOut } },
      config: { access: 'public' },
    },
    async (_req, reply) => {
      const health = await checkHealth(ctx);
      return reply.status(health.status === 'down' ? 503 : 200).send(health);
    },
  );
  app.get(
    '/api/metrics',
    {
      schema: {
        tags: ['monitoring'],
        description: 'Prometheus text format; Authorization: Bearer METRICS_TOKEN.',
        response: { 200: metricsTextOut },
      },
      config: { access: 'public' },
    },
    async (req, reply) => {
      const expected = ctx.config.metricsToken;
      if (!expected) throw notFound('请求的地址不存在');
      const header = req.headers.authorization ?? '';
      const given = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
      if (!given || !tokenMatches(given, expected)) {
        reply.header('www-authenticate', 'Bearer');
        throw unauthenticated('缺少或错误的监控令牌');
      }
      const lines = [
        ...metricsOf(ctx).render(),
        ...(await sharedGauges(ctx)),
        ...(await failedRunGauges(ctx)),
      ];
      return reply.type('text/plain; version=0.0.4; charset=utf-8').send(`${lines.join('\n')}\n`);
    },
  );
}
