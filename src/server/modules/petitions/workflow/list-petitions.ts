import { asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Actor } from '../../../platform/access/actor.js';
import type { AppContext } from '../../../platform/context.js';
import { readContext } from '../../../platform/db/read-context.js';
import { COUNT_CAP, countUpToCap } from '../../../platform/http/capped-count.js';
import { offsetOf, type Page } from '../../../platform/http/pagination.js';
import { orgs } from '../../../platform/orgs/schema.js';
import { petitionSubjects, petitions } from '../schema.js';
import { type PetitionListQuery, petitionWhere } from './list-query.js';
import { overdueDays, todayOf } from './petition-clock.js';
import type { PetitionRowOut } from './petition-out.js';

/** Columns of a list row: never the sealed identity nor the receipt digest. */
export const rowColumns = {
  id: petitions.id,
  code: petitions.code,
  orgId: petitions.orgId,
  orgName: orgs.name,
  channel: petitions.channel,
  visitors: petitions.visitors,
  receivedOn: petitions.receivedOn,
  title: petitions.title,
  category: petitions.category,
  status: petitions.status,
  dueOn: petitions.dueOn,
  dueKind: petitions.dueKind,
  urgent: petitions.urgent,
  realName: petitions.realName,
  imported: petitions.imported,
};

/** The work queue: running urgent cases first, then by the nearest due date; finished ones after, newest first. */
const running = sql`${petitions.status} not in ('concluded', 'declined')`;

export async function listPetitions(opts: {
  ctx: AppContext;
  actor: Actor;
  query: PetitionListQuery;
}): Promise<Page<PetitionRowOut> & { totalCapped: boolean }> {
  const { actor, query } = opts;
  // a large list: read on the replica when the routing allows (read-context.ts)
  const ctx = await readContext(opts.ctx, actor);
  const today = todayOf(ctx);
  const where = petitionWhere(actor, query, today);
  // search results newest first (petitions_received_idx reads the first matches of a common word)
  const byReceived = query.sort === 'receivedOn' || (!!query.q && !query.sort);
  const sorted = byReceived
    ? [query.order === 'asc' ? asc(petitions.receivedOn) : desc(petitions.receivedOn)]
    : [
        desc(sql`(${petitions.urgent} and ${running})`),
        desc(running),
        sql`${petitions.dueOn} asc nulls last`,
        desc(petitions.receivedOn),
      ];
  const page = () =>
    ctx.db
      .select(rowColumns)
      .from(petitions)
      .innerJoin(orgs, eq(orgs.id, petitions.orgId))
      .where(where)
      .orderBy(...sorted, desc(petitions.id))
      .limit(query.pageSize)
      .offset(offsetOf(query));
  // a common word searched across a district matches 100,000s: the planner's estimate says so
  // without counting them
  const [rows, count] = await Promise.all([
    page(),
    countUpToCap(ctx.db, petitions, where, COUNT_CAP, { estimateFirst: !!query.q }),
  ]);
  const names = await subjectNames(
    ctx,
    rows.map((r) => r.id),
  );
  const items = rows.map((r) => ({
    ...r,
    overdueDays: overdueDays(r, today),
    subjects: names.get(r.id) ?? [],
  }));
  return { items, ...count, page: query.page, pageSize: query.pageSize };
}

async function subjectNames(ctx: AppContext, ids: number[]): Promise<Map<number, string[]>> {
  const out = new Map<number, string[]>();
  if (!ids.length) return out;
  const rows = await ctx.db
    .select({ petitionId: petitionSubjects.petitionId, name: petitionSubjects.name })
    .from(petitionSubjects)
    .where(inArray(petitionSubjects.petitionId, ids))
    .orderBy(asc(petitionSubjects.id));
  for (const r of rows) out.set(r.petitionId, [...(out.get(r.petitionId) ?? []), r.name]);
  return out;
}
