import rateLimit from '@fastify/rate-limit';
import { tooMany } from './errors.js';
import type { App } from './types.js';

/**
 * What every public-portal plugin starts with: 60 requests a minute per address, refused with a
 * Chinese message, and no actor — a session the browser happens to carry is ignored, so nothing
 * on the portal is tied to a user. Register it inside the plugin that holds only portal routes.
 */
export async function portalLimits(app: App): Promise<void> {
  await app.register(rateLimit, {
    global: true,
    max: 60,
    timeWindow: '1 minute',
    errorResponseBuilder: (_req, c) =>
      tooMany(`访问过于频繁，请 ${Math.max(1, Math.ceil(c.ttl / 60_000))} 分钟后再试`),
  });
  app.addHook('onRequest', async (req) => {
    req.actor = null;
  });
}
