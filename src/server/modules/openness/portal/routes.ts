import { portalLimits } from '../../../platform/http/portal-limits.js';
import type { App } from '../../../platform/http/types.js';
import { publicUnits, unitBoard } from './board.js';
import {
  boardOut,
  itemOut,
  itemPageOut,
  itemParam,
  leadersOut,
  searchPageOut,
  searchQuery,
  unitItemsQuery,
  unitParam,
  unitsOut,
} from './contract.js';
import { publicItem, searchItems, unitItems } from './items.js';
import { publicLeaders } from './leaders.js';

/**
 * 政务公开/村务公开 on the public portal (no account): each unit's board, its items a page at a
 * time, one item, the search over published items and the leaders directory. Only what
 * `visible.ts` lets through is read; the response schemas carry nothing else.
 */
export async function opennessPortalRoutes(app: App) {
  const { ctx } = app;
  const tags = ['portal'];
  await portalLimits(app, 'openness');
  const config = { access: 'public' } as const;
  const base = '/api/v1/portal/openness';
  app.get(`${base}/units`, { schema: { tags, response: { 200: unitsOut } }, config }, () => publicUnits(ctx));
  app.get(
    `${base}/units/:id`,
    { schema: { tags, params: unitParam, response: { 200: boardOut } }, config },
    (req) => unitBoard(ctx, req.params.id),
  );
  app.get(
    `${base}/units/:id/items`,
    {
      schema: { tags, params: unitParam, querystring: unitItemsQuery, response: { 200: itemPageOut } },
      config,
    },
    (req) => unitItems(ctx, req.params.id, req.query),
  );
  app.get(
    `${base}/units/:id/leaders`,
    { schema: { tags, params: unitParam, response: { 200: leadersOut } }, config },
    (req) => publicLeaders(ctx, req.params.id),
  );
  app.get(
    `${base}/items/:id`,
    { schema: { tags, params: itemParam, response: { 200: itemOut } }, config },
    (req) => publicItem(ctx, req.params.id),
  );
  app.get(
    `${base}/search`,
    { schema: { tags, querystring: searchQuery, response: { 200: searchPageOut } }, config },
    (req) => searchItems(ctx, req.query),
  );
}
