import { z } from 'zod';
import { portalLimits } from '../../platform/http/portal-limits.js';
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
  await portalLimits(app, 'assessments');
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
