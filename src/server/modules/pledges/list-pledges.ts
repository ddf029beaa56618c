import { and, asc, eq, type SQL } from 'drizzle-orm';
import { chinaDate } from '../../../domain/calendar.js';
import type { Actor } from '../../platform/access/actor.js';
import { recusalFilter, scopeFilter } from '../../platform/access/scope.js';
import type { AppContext } from '../../platform/context.js';
import { orgs } from '../../platform/orgs/schema.js';
import { cadres, tenures } from '../cadres/schema.js';
import type { ListQuery } from './contract.js';
import { pledges } from './schema.js';
import { standingsOf } from './standing.js';

/**
 * 任期承诺 by village: each pledge in the caller's scope (not recused) with its progress and 兑现率
 * as of a day, and per village the pledged items due by then, those fulfilled and the rate.
 */
export async function listPledges(opts: { ctx: AppContext; actor: Actor; query: ListQuery }) {
  const { ctx, actor, query } = opts;
  const asOf = query.asOf ?? chinaDate(ctx.clock.now());
  const where: (SQL | undefined)[] = [
    scopeFilter(actor, pledges.orgId),
    recusalFilter(actor, pledges.cadreId),
    query.orgId ? eq(pledges.orgId, query.orgId) : undefined,
  ];
  const rows = await ctx.db
    .select({
      id: pledges.id,
      orgId: pledges.orgId,
      village: orgs.name,
      path: orgs.path,
      cadreId: pledges.cadreId,
      cadre: cadres.name,
      post: tenures.title,
      title: pledges.title,
      pledgedOn: pledges.pledgedOn,
      appraisedOn: pledges.appraisedOn,
      appraisal: pledges.appraisal,
      admonitionId: pledges.admonitionId,
    })
    .from(pledges)
    .innerJoin(orgs, eq(orgs.id, pledges.orgId))
    .innerJoin(cadres, eq(cadres.id, pledges.cadreId))
    .innerJoin(tenures, eq(tenures.id, pledges.tenureId))
    .where(and(...where))
    .orderBy(asc(orgs.path), asc(cadres.namePinyin), asc(pledges.id))
    .limit(2000);
  const standing = await standingsOf(
    ctx.db,
    rows.map((r) => r.id),
    asOf,
  );
  const items = rows.map(({ path: _path, ...r }) => {
    const s = standing.get(r.id)!;
    return { ...r, progress: s.overall, due: s.due, fulfilled: s.fulfilled, rate: s.rate };
  });
  const villages = new Map<
    number,
    { orgId: number; village: string; pledges: number; due: number; fulfilled: number }
  >();
  for (const i of items) {
    const v = villages.get(i.orgId) ?? {
      orgId: i.orgId,
      village: i.village,
      pledges: 0,
      due: 0,
      fulfilled: 0,
    };
    v.pledges += 1;
    v.due += i.due;
    v.fulfilled += i.fulfilled;
    villages.set(i.orgId, v);
  }
  return {
    asOf,
    items,
    villages: [...villages.values()].map((v) => ({
      ...v,
      rate: v.due ? Math.round((v.fulfilled / v.due) * 1000) / 10 : null,
    })),
  };
}
