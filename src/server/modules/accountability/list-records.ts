import { and, asc, between, desc, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/client.js';
import { countUpToCap } from '../../platform/http/capped-count.js';
import { likePattern } from '../../platform/http/pagination.js';
import { orgs } from '../../platform/orgs/schema.js';
import { recordVisibility } from './access.js';
import type { RecordListQuery } from './contract.js';
import { summaryOf } from './get-record.js';
import { accountabilityLabels } from './labels.js';
import { accountabilityPersons, accountabilitySanctions, accountabilityRecords as r } from './schema.js';

type Filters = Omit<RecordListQuery, 'page' | 'pageSize' | 'sort' | 'order'>;

/** The register's filters: kind, status, a sanction kind in force, an org's subtree, the year decided, 类别, text. */
export function recordWhere(actor: Actor, q: Filters): SQL | undefined {
  const year = q.year ? between(r.registerOn, `${q.year}-01-01`, `${q.year}-12-31`) : undefined;
  const text = q.q
    ? or(
        ilike(r.title, likePattern(q.q)),
        sql`exists (select 1 from ${accountabilityPersons} p where p.record_id = ${r.id} and p.name ilike ${likePattern(q.q)})`,
      )
    : undefined;
  return and(
    recordVisibility(actor, { forList: true }),
    q.kind ? eq(r.kind, q.kind) : undefined,
    q.status ? eq(r.status, q.status) : undefined,
    q.category ? eq(r.category, q.category) : undefined,
    q.orgId
      ? inArray(
          r.orgId,
          sql`(select o.id from ${orgs} o where o.path like (select p.path from ${orgs} p where p.id = ${q.orgId}) || '%')`,
        )
      : undefined,
    q.sanction
      ? sql`exists (select 1 from ${accountabilitySanctions} s where s.record_id = ${r.id} and s.kind = ${q.sanction} and s.status = 'in_force')`
      : undefined,
    year,
    text,
  );
}

/** Rows of the register with their persons and sanctions in force, in the list's order. */
export async function registerRows(
  db: Queryable,
  where: SQL | undefined,
  page?: { limit: number; offset: number },
) {
  const base = db
    .select({ r, orgName: orgs.name })
    .from(r)
    .leftJoin(orgs, eq(orgs.id, r.orgId))
    .where(where)
    // the order of accountability_records_(status_)order_idx: undecided first, then by register day
    .orderBy(desc(sql`(${r.decidedOn} is null)`), desc(r.registerOn), desc(r.id));
  const rows = page ? await base.limit(page.limit).offset(page.offset) : await base;
  const ids = rows.map((x) => x.r.id);
  const [people, sanctions] = ids.length
    ? await Promise.all([
        db
          .select()
          .from(accountabilityPersons)
          .where(inArray(accountabilityPersons.recordId, ids))
          .orderBy(asc(accountabilityPersons.sort), asc(accountabilityPersons.id)),
        db
          .select()
          .from(accountabilitySanctions)
          .where(inArray(accountabilitySanctions.recordId, ids))
          .orderBy(asc(accountabilitySanctions.id)),
      ])
    : [[], []];
  return { rows, people, sanctions };
}

/** 责任追究登记簿: the records the caller may see, filtered and paginated. */
export async function listRecords(opts: { ctx: AppContext; actor: Actor; query: RecordListQuery }) {
  const { ctx, actor, query: q } = opts;
  const where = recordWhere(actor, q);
  const [{ rows, people, sanctions }, { total, totalCapped }, labels] = await Promise.all([
    registerRows(ctx.db, where, { limit: q.pageSize, offset: (q.page - 1) * q.pageSize }),
    countUpToCap(ctx.db, r, where),
    accountabilityLabels(ctx.db),
  ]);
  return {
    items: rows.map(({ r: row, orgName }) =>
      summaryOf(
        row,
        orgName ?? '',
        labels,
        people.filter((p) => p.recordId === row.id).map((p) => p.name),
        sanctions
          .filter((s) => s.recordId === row.id)
          .map((s) => ({ kindLabel: labels.kind(s.kind), status: s.status })),
      ),
    ),
    total,
    totalCapped,
    page: q.page,
    pageSize: q.pageSize,
  };
}
