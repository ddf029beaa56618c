import { z } from 'zod';
import { countedByTheUseCase, markCounted, portalLimits } from '../../platform/http/portal-limits.js';
import type { App } from '../../platform/http/types.js';
import { castBallot, openBallot } from './cast-ballot.js';
import { ballotIn, ballotOpenIn, ballotOpenOut } from './contract.js';

/**
 * 民主测评 on the public portal: no account, the one-time code is the key. Limited per address like
 * the petitions' portal; a wrong or used code counts as a wrong code and gets the same neutral answer.
 */
const SCOPE = 'assessments';

export async function ballotPortalRoutes(app: App) {
  const { ctx } = app;
  const tags = ['portal'];
  await portalLimits(app, SCOPE);
  const config = { access: 'public' } as const;
  app.post(
    '/api/v1/portal/ballots/open',
    { schema: { tags, body: ballotOpenIn, response: { 200: ballotOpenOut } }, config },
    (req) => openBallot(ctx, req.ip, req.body.code),
  );
  // the hot route (a meeting votes at once): its use case counts the address's hit itself
  app.post(
    '/api/v1/portal/ballots',
    {
      schema: { tags, body: ballotIn, response: { 200: z.object({ ok: z.literal(true) }) } },
      ...countedByTheUseCase(ctx, SCOPE),
    },
    (req) =>
      castBallot(ctx, req.ip, req.body.code, req.body.answers, {
        scope: SCOPE,
        counted: () => markCounted(req),
      }),
  );
}
