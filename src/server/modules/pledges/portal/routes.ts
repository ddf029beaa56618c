import { portalLimits } from '../../../platform/http/portal-limits.js';
import type { App } from '../../../platform/http/types.js';
import { villagePledgeBoard } from './board.js';
import { pledgeBoardOut, villageParam } from './contract.js';

/** 任期承诺 on the public portal (no account): each village's pledge board with progress and 兑现率. */
export async function pledgePortalRoutes(app: App) {
  const { ctx } = app;
  const tags = ['portal'];
  await portalLimits(app);
  const config = { access: 'public' } as const;
  app.get(
    '/api/v1/portal/pledges/villages/:id',
    { schema: { tags, params: villageParam, response: { 200: pledgeBoardOut } }, config },
    (req) => villagePledgeBoard(ctx, req.params.id),
  );
}
