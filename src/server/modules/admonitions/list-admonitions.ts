import { and, desc, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import { ADMONITION_STATUSES } from '../../../domain/admonitions/admonition-workflow.js';
import type { Actor } from '../../platform/access/actor.js';
import type { AppContext } from '../../platform/context.js';
import { countUpToCap } from '../../platform/http/capped-count.js';
import { likePattern, offsetOf, orderBy } from '../../platform/http/pagination.js';
import { orgs } from '../../platform/orgs/schema.js';
import { cadres } from '../cadres/schema.js';
import { visibleInList } from './access.js';
import type { AdmonitionListQuery } from './contract.js';
import { admonitions } from './schema.js';
import { todayOf } from './tracking.js';

/** The list's conditions (scope, recusal, filters): shared with the 诫勉台帐. */
export function admonitionWhere(
  actor: Actor,
  q: Partial<AdmonitionListQuery>,
  today: string,
): SQL | undefined {
  const conds: (SQL | undefined)[] = [visibleInList(actor, admonitions.orgId, admonitions.cadreId)];
  if (q.status) conds.push(eq(admonitions.status, q.status));
  if (q.kind) conds.push(eq(admonitions.kind, q.kind));
  if (q.sourceKind) conds.push(eq(admonitions.sourceKind, q.sourceKind));
  if (q.cadreId) conds.push(eq(admonitions.cadreId, q.cadreId));
  // a range, not extract(year …): the (status, opened_on) index serves it
  if (q.year) conds.push(sql`${admonitions.openedOn} between ${`${q.year}-01-01`} and ${`${q.year}-12-31`}`);
  if (q.orgId)
    conds.push(
      inArray(
        admonitions.orgId,
        sql`(select o.id from ${orgs} o where o.path like (select p.path from ${orgs} p where p.id = ${q.orgId}) || '%')`,
      ),
    );
  const late = and(
    eq(admonitions.status, 'tracking'),
    or(sql`${admonitions.decideBy} < ${today}`, sql`${admonitions.nextCheckInOn} < ${today}`),
  );
  if (q.overdue === 'true') conds.push(late);
  if (q.overdue === 'false') conds.push(sql`not coalesce(${late}, false)`);
  if (q.q) {
    const like = likePattern(q.q);
    conds.push(
      or(
        ilike(admonitions.code, like),
        ilike(admonitions.reason, like),
        inArray(admonitions.cadreId, sql`(select c.id from ${cadres} c where c.name ilike ${like})`),
      ),
    );
  }
  return and(...conds);
}

export async function listAdmonitions(opts: { ctx: AppContext; actor: Actor; query: AdmonitionListQuery }) {
  const { ctx, actor, query } = opts;
  const today = todayOf(ctx);
  const where = admonitionWhere(actor, query, today);
  const [{ total, totalCapped }, rows] = await Promise.all([
    countUpToCap(ctx.db, admonitions, where),
    ctx.db
      .select({ a: admonitions, cadreName: cadres.name, orgName: orgs.name })
      .from(admonitions)
      .innerJoin(cadres, eq(cadres.id, admonitions.cadreId))
      .innerJoin(orgs, eq(orgs.id, admonitions.orgId))
      .where(where)
      .orderBy(
        orderBy(
          query,
          {
            openedOn: admonitions.openedOn,
            nextCheckInOn: admonitions.nextCheckInOn,
            code: admonitions.code,
          },
          'openedOn',
        ),
        desc(admonitions.id),
      )
      .limit(query.pageSize)
      .offset(offsetOf(query)),
  ]);
  return {
    total,
    totalCapped,
    page: query.page,
    pageSize: query.pageSize,
    items: rows.map(({ a, cadreName, orgName }) => ({
      id: a.id,
      code: a.code,
      kind: a.kind,
      status: a.status,
      statusLabel: ADMONITION_STATUSES[a.status as keyof typeof ADMONITION_STATUSES] ?? a.status,
      cadreId: a.cadreId,
      cadreName,
      orgName,
      sourceKind: a.sourceKind,
      reason: a.reason,
      openedOn: a.openedOn,
      talkOn: a.talkOn,
      trackingEndsOn: a.trackingEndsOn,
      nextCheckInOn: a.nextCheckInOn,
      checkInsDone: a.checkInsDone,
      checkInsPlanned: a.checkInDates.length,
      decideBy: a.decideBy,
      overdue:
        a.status === 'tracking' &&
        ((!!a.decideBy && today > a.decideBy) || (!!a.nextCheckInOn && today > a.nextCheckInOn)),
      releasedOn: a.releasedOn,
      measureKind: a.measureKind,
      measureOn: a.measureOn,
    })),
  };
}
