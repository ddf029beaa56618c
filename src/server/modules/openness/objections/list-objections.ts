import { and, count, desc, eq, gte, isNotNull, isNull, lt, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { chinaDate } from '../../../../domain/calendar.js';
import type { Actor } from '../../../platform/access/actor.js';
import { scopeFilter } from '../../../platform/access/scope.js';
import type { AppContext } from '../../../platform/context.js';
import { orgs } from '../../../platform/orgs/schema.js';
import { disclosures } from '../schema.js';
import type { objectionListQuery } from './contract.js';
import { disclosureObjections as o } from './schema.js';

type Row = typeof o.$inferSelect;

/** Where an objection stands on `today`: open, overdue, answered (on time) or answered late. */
export function objectionState(
  r: Pick<Row, 'answeredOn' | 'dueOn'>,
  today: string,
): 'open' | 'overdue' | 'answered' | 'answered_late' {
  if (r.answeredOn) return r.answeredOn <= r.dueOn ? 'answered' : 'answered_late';
  return r.dueOn < today ? 'overdue' : 'open';
}

/** 村民异议 of the units in the caller's scope, newest first, with their clock. */
export async function listObjections(opts: {
  ctx: AppContext;
  actor: Actor;
  query: z.infer<typeof objectionListQuery>;
  /** One objection (the answer's response). */
  id?: number;
}) {
  const { ctx, actor, query, id } = opts;
  const today = chinaDate(ctx.clock.now());
  const state: Record<string, SQL | undefined> = {
    open: and(isNull(o.answeredOn), gte(o.dueOn, today)),
    overdue: and(isNull(o.answeredOn), lt(o.dueOn, today)),
    answered: isNotNull(o.answeredOn),
  };
  const where = and(
    scopeFilter(actor, o.orgId),
    id ? eq(o.id, id) : undefined,
    query.orgId
      ? sql`${o.orgId} in (select id from ${orgs} where ${orgs.path} like (select p.path from ${orgs} p where p.id = ${query.orgId}) || '%')`
      : undefined,
    query.state ? state[query.state] : undefined,
  );
  const [[{ total }], rows] = await Promise.all([
    ctx.db.select({ total: count() }).from(o).where(where),
    ctx.db
      .select({ o, orgName: orgs.name, title: disclosures.title })
      .from(o)
      .innerJoin(orgs, eq(orgs.id, o.orgId))
      .innerJoin(disclosures, eq(disclosures.id, o.disclosureId))
      .where(where)
      .orderBy(desc(o.receivedOn), desc(o.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
  ]);
  return {
    items: rows.map(({ o: r, orgName, title }) => ({
      id: r.id,
      orgId: r.orgId,
      orgName,
      disclosureId: r.disclosureId,
      itemTitle: title,
      text: r.text,
      receivedOn: r.receivedOn,
      dueOn: r.dueOn,
      answer: r.answer,
      answeredOn: r.answeredOn,
      escalatedOn: r.escalatedOn,
      state: objectionState(r, today),
      version: r.version,
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}
