import rateLimit from '@fastify/rate-limit';
import { z } from 'zod';
import { tooMany } from '../../platform/http/errors.js';
import type { App } from '../../platform/http/types.js';
import { castBallot, openBallot } from './cast-ballot.js';
import { ballotIn, ballotOpenIn, ballotOpenOut } from './contract.js';

/**
 * 民主测评 on the public portal: no account, the one-time code is the key. Limited per address like
 * the petitions' portal; a wrong or used code counts as a wrong code and gets the same neutral answer.
 */
export async function ballotPortalRoutes(app: App) {
  const { ctx } = app;
  const tags = ['portal'];
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
  const config = { access: 'public' } as const;
  app.post(
    '/api/v1/portal/ballots/open',
    { schema: { tags, body: ballotOpenIn, response: { 200: ballotOpenOut } }, config },
    (req) => openBallot(ctx, req.ip, req.body.code),
  );
  app.post(
    '/api/v1/portal/ballots',
    { schema: { tags, body: ballotIn, response: { 200: z.object({ ok: z.literal(true) }) } }, config },
    (req) => castBallot(ctx, req.ip, req.body.code, req.body.answers),
  );
}
