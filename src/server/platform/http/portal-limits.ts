import rateLimit from '@fastify/rate-limit';
import { dbRateStore } from './db-rate-store.js';
import { tooMany } from './errors.js';
import type { App } from './types.js';

/**
 * What every public-portal plugin starts with: 60 requests a minute per address, refused with a
 * Chinese message, and no actor — a session the browser happens to carry is ignored, so nothing
 * on the portal is tied to a user. Register it inside the plugin that holds only portal routes;
 * `scope` names the plugin (its own counters). The counters are in the database, so the limits
 * hold across every server instance behind the proxy.
 */
export async function portalLimits(app: App, scope: string): Promise<void> {
  await app.register(rateLimit, {
    global: true,
    max: 60,
    timeWindow: '1 minute',
    store: dbRateStore(app.ctx, scope) as any,
    errorResponseBuilder: (_req, c) =>
      tooMany(`访问过于频繁，请 ${Math.max(1, Math.ceil(c.ttl / 60_000))} 分钟后再试`),
  });
  app.addHook('onRequest', async (req) => {
    req.actor = null;
  });
}
