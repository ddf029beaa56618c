import { and, asc, eq, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { monthDays, monthLabel, monthsOf } from '../../../domain/figure-breakdown.js';
import { lastCountedDay } from '../../../domain/figure-period.js';
import type { Queryable } from '../db/client.js';
import { orgs } from '../orgs/schema.js';
import type { Breakdown, FigureGroup, FigureScope } from './registry.js';

/**
 * Where a module's records sit for the breakdowns: the column of their org, and of the date their
 * period is about (收件日期, 离任日期) — none for a figure as of a date only (在任干部: no trend).
 */
export interface SliceColumns {
  org: PgColumn | SQL;
  on?: PgColumn | SQL;
  /** The path of the record's org when the statement joins it (else looked up per record). */
  path?: SQL;
}

/**
 * The group key of a record for a breakdown, in SQL: its month `YYYY-MM`, or the child of the asked
 * org its org lies under (the next id of its path: `/1/5/` asked, `/1/5/12/40/` → `12`), the asked
 * org's own id for its own records. One expression, so the groups come out of one GROUP BY.
 */
export function sliceKeySql(scope: FigureScope, by: Breakdown, cols: SliceColumns): SQL {
  if (by === 'month') return cols.on ? sql`to_char(${cols.on}, 'YYYY-MM')` : sql`null::text`;
  // numbers written into the statement, not parameters: a GROUP BY matches its expression by text
  const id = sql.raw(String(Math.trunc(Number(scope.org.id))));
  const from = sql.raw(String(scope.org.path.length + 1));
  if (cols.path)
    return sql`case when ${cols.org} = ${id} then ${cols.org}::text
      else split_part(substr(${cols.path}, ${from}), '/', 1) end`;
  return sql`(select case when so.id = ${id} then so.id::text
    else split_part(substr(so.path, ${from}), '/', 1) end from ${orgs} so where so.id = ${cols.org})`;
}

/**
 * A figure by month or by child org in one statement: its records (`where`, the figure's own
 * condition) grouped by `sliceKeySql`. For the modules whose figures count rows of one table.
 */
export async function countSlices(
  db: Queryable,
  scope: FigureScope,
  by: Breakdown,
  cols: SliceColumns,
  table: PgTable,
  where: SQL | undefined,
): Promise<{ key: string; value: number }[]> {
  const key = sliceKeySql(scope, by, cols);
  const rows = await db.select({ s: key, n: sql<number>`count(*)` }).from(table).where(where).groupBy(sql`1`);
  return rows.map((r) => ({ key: String(r.s), value: Number(r.n) }));
}

/** The condition that keeps a figure's records to the scope's slice (none when no slice is asked). */
export function sliceCondition(scope: FigureScope, cols: SliceColumns): SQL | undefined {
  const s = scope.slice;
  if (!s) return undefined;
  if (s.by === 'month') {
    if (!cols.on) return sql`false`;
    const { first, last } = monthDays(s.key);
    return sql`${cols.on} between ${first} and ${last}`;
  }
  if (s.key === String(scope.org.id)) return sql`${cols.org} = ${scope.org.id}`;
  return inArray(
    cols.org as PgColumn,
    sql`(select ${orgs.id} from ${orgs} where ${orgs.path} like ${`${scope.org.path}${s.key}/%`})`,
  );
}

/**
 * The groups of a breakdown, labelled and in order: every month of the period up to the as-of
 * date, every live child org of the asked org (in the tree's order), each with its value or 0;
 * the asked org's own records as “（本级）” and any deleted child still holding records after them.
 */
export async function labelSlices(
  scope: FigureScope,
  by: Breakdown,
  slices: { key: string; value: number }[],
): Promise<FigureGroup[]> {
  const values = new Map(slices.map((s) => [s.key, s.value]));
  if (by === 'month')
    return monthsOf(scope.from, lastCountedDay(scope)).map((m) => ({
      key: m,
      label: monthLabel(m),
      value: values.get(m) ?? 0,
    }));
  const own = String(scope.org.id);
  const extra = [...values.keys()].filter((k) => k !== own).map(Number);
  const rows = await scope.db
    .select({ id: orgs.id, name: orgs.name, deletedAt: orgs.deletedAt })
    .from(orgs)
    .where(
      or(
        and(eq(orgs.parentId, scope.org.id), isNull(orgs.deletedAt)),
        extra.length ? inArray(orgs.id, extra) : undefined,
      ),
    )
    .orderBy(asc(orgs.sort), asc(orgs.id));
  const groups: FigureGroup[] = rows
    .filter((r) => !r.deletedAt || values.has(String(r.id)))
    .map((r) => ({ key: String(r.id), label: r.name, value: values.get(String(r.id)) ?? 0 }));
  if (values.get(own))
    groups.unshift({ key: own, label: `${scope.org.name}（本级）`, value: values.get(own)! });
  return groups;
}

/** The label of one slice (the drill-down's heading). */
export async function sliceLabel(scope: FigureScope, by: Breakdown, key: string): Promise<string> {
  if (by === 'month') return monthLabel(key);
  if (key === String(scope.org.id)) return `${scope.org.name}（本级）`;
  const [o] = await scope.db
    .select({ name: orgs.name })
    .from(orgs)
    .where(eq(orgs.id, Number(key)));
  return o?.name ?? key;
}
