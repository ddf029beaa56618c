import { portalLimits } from '../../../platform/http/portal-limits.js';
import type { App } from '../../../platform/http/types.js';
import { villagePledgeBoard } from './board.js';
import {
  followCodeIn,
  followedOut,
  followIn,
  followOut,
  pledgeBoardOut,
  pledgeParam,
  villageParam,
} from './contract.js';
import { followedPledge, followPledge, unfollowPledge } from './follow.js';

/** 任期承诺 on the public portal (no account): each village's pledge board with progress and 兑现率, and following a pledge. */
export async function pledgePortalRoutes(app: App) {
  const { ctx } = app;
  const tags = ['portal'];
  await portalLimits(app, 'pledges');
  const config = { access: 'public' } as const;
  app.get(
    '/api/v1/portal/pledges/villages/:id',
    { schema: { tags, params: villageParam, response: { 200: pledgeBoardOut } }, config },
    (req) => villagePledgeBoard(ctx, req.params.id),
  );
  app.post(
    '/api/v1/portal/pledges/:id/follow',
    {
      schema: { tags, params: pledgeParam, body: followIn, response: { 200: followOut } },
      config: { ...config, rateLimit: { max: 10, timeWindow: '10 minutes' } },
    },
    (req) => followPledge(ctx, req.params.id, req.body),
  );
  app.post(
    '/api/v1/portal/pledges/followed',
    { schema: { tags, body: followCodeIn, response: { 200: followedOut } }, config },
    (req) => followedPledge(ctx, req.ip, req.body.code),
  );
  app.post('/api/v1/portal/pledges/unfollow', { schema: { tags, body: followCodeIn }, config }, (req) =>
    unfollowPledge(ctx, req.ip, req.body.code),
  );
}
