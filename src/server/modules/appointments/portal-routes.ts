import { portalLimits } from '../../platform/http/portal-limits.js';
import type { App } from '../../platform/http/types.js';
import { idParam } from './contract.js';
import { getPublicNotice, listPublicNotices } from './public-notices.js';
import { publicNoticeListOut, publicNoticeOut } from './responses.js';

/**
 * 任前公示 on the public portal: no account, open notices only, nothing internal. Limited per
 * address like the rest of the portal (its own plugin, so the officers' routes are not).
 */
export async function noticePortalRoutes(app: App) {
  const { ctx } = app;
  const tags = ['portal'];
  await portalLimits(app, 'appointments');
  const config = { access: 'public' } as const;
  app.get(
    '/api/v1/portal/notices',
    { schema: { tags, response: { 200: publicNoticeListOut } }, config },
    () => listPublicNotices(ctx),
  );
  app.get(
    '/api/v1/portal/notices/:id',
    { schema: { tags, params: idParam, response: { 200: publicNoticeOut } }, config },
    (req) => getPublicNotice(ctx, req.params.id),
  );
}
