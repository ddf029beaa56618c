import { asc, desc, eq } from 'drizzle-orm';
import { chinaDate } from '../../../domain/calendar.js';
import type { Actor } from '../../platform/access/actor.js';
import type { AppContext } from '../../platform/context.js';
import { readContext } from '../../platform/db/read-context.js';
import { countUpToCap } from '../../platform/http/capped-count.js';
import { offsetOf, type Page } from '../../platform/http/pagination.js';
import { orgLabels } from '../../platform/orgs/org-labels.js';
import { orgs } from '../../platform/orgs/schema.js';
import type { CadreRowOut } from './cadre-out.js';
import { ageOn, type RosterQuery, rosterWhere } from './roster-query.js';
import { cadres } from './schema.js';
import { currentPosts } from './tenures/current-posts.js';

/**
 * Sort keys of the roster; by default by unit, then name in pinyin order. Each order follows an
 * index (cadres_org_pinyin_idx, cadres_pinyin_order_idx, cadres_birth_idx), so a page of a large
 * scope is read, not sorted.
 */
function rosterOrder(query: RosterQuery) {
  const dir = query.order === 'asc' ? asc : desc;
  switch (query.sort) {
    case 'name':
      return [dir(cadres.namePinyin)];
    case 'birthDate':
      return [dir(cadres.birthDate)];
    case 'org':
      return [dir(cadres.orgId), dir(cadres.namePinyin)];
    default:
      return [asc(cadres.orgId), asc(cadres.namePinyin)];
  }
}

/**
 * The roster page: filtered, sorted and paged in the database; ID numbers masked. The count stops at
 * COUNT_CAP (a district's whole roster, or a common surname, is "超过 10000 人").
 */
export async function listCadres(opts: {
  ctx: AppContext;
  actor: Actor;
  query: RosterQuery;
}): Promise<Page<CadreRowOut> & { totalCapped: boolean }> {
  const { actor, query } = opts;
  // a large list: read on the replica when the routing allows (read-context.ts)
  const ctx = await readContext(opts.ctx, actor);
  const where = rosterWhere(ctx, actor, query);
  const [rows, count] = await Promise.all([
    ctx.db
      .select({
        id: cadres.id,
        name: cadres.name,
        gender: cadres.gender,
        birthDate: cadres.birthDate,
        ethnicity: cadres.ethnicity,
        orgId: cadres.orgId,
        orgName: orgs.name,
        orgPath: orgs.path,
        currentPosition: cadres.currentPosition,
        education: cadres.education,
        politicalStatus: cadres.politicalStatus,
        status: cadres.status,
        idNumberMasked: cadres.idNumberMasked,
      })
      .from(cadres)
      .innerJoin(orgs, eq(orgs.id, cadres.orgId))
      .where(where)
      .orderBy(...rosterOrder(query), asc(cadres.id))
      .limit(query.pageSize)
      .offset(offsetOf(query)),
    countUpToCap(ctx.db, cadres, where),
  ]);
  const [posts, labels] = await Promise.all([
    currentPosts(ctx.db, rows),
    orgLabels(
      ctx.db,
      rows.map((r) => r.orgPath),
    ),
  ]);
  const today = chinaDate(ctx.clock.now());
  const items = rows.map(({ currentPosition, orgPath, ...r }) => ({
    ...r,
    // a reader above the township sees which township a 党政办 belongs to
    orgName: labels.get(orgPath) ?? r.orgName,
    age: ageOn(r.birthDate, today),
    positionTitle: posts.get(r.id)?.title ?? null,
    positionLevel: posts.get(r.id)?.level ?? null,
  }));
  return { items, ...count, page: query.page, pageSize: query.pageSize };
}
