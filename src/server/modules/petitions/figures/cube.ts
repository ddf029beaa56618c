import { and, between, eq, inArray, isNull, like, notExists, type SQL, sql } from 'drizzle-orm';
import { addDays } from '../../../../domain/calendar.js';
import { monthDays } from '../../../../domain/figure-breakdown.js';
import { lastCountedDay } from '../../../../domain/figure-period.js';
import type { PetitionFigureName } from '../../../../domain/petition-figures.js';
import { DAY_MS } from '../../../../domain/todo-due.js';
import type { AppContext } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/client.js';
import { rowsOf } from '../../../platform/db/rows.js';
import type { SliceColumns } from '../../../platform/figures/breakdown.js';
import type { FigureScope } from '../../../platform/figures/registry.js';
import { orgs } from '../../../platform/orgs/schema.js';
import { petitions } from '../schema.js';
import { asOfRows, seesWholeSubtree } from './as-of.js';
import { petitionFigureCells, petitionFigureCubes } from './cube-schema.js';
import { isPlainFigure, PETITION_FIGURE_SPECS, plainFigureExpr } from './petition-figure-specs.js';

/*
 * The stored petition figures (docs/decisions/dashboard.md): per org and as-of day, the plain
 * figures of its petitions grouped by month of receipt, 问题类别 and 处置方式 — what every figure
 * the dashboard and the statistics ask adds up from, for any subtree, whole months of a period and
 * the day. Built before the figures' read transaction (`preparePetitionCube`), read inside it only
 * when every org of the subtree has its cube for the day (`cubeSource`), else the figures are
 * counted from the petitions as before. Triggers drop an org's cubes from the day a change reaches.
 */

/** The figures a cube keeps, in the order of `vals`; a cube built with another list is rebuilt. */
export const CUBE_FIGURES = (Object.keys(PETITION_FIGURE_SPECS) as PetitionFigureName[]).filter(
  isPlainFigure,
);
const SIGNATURE = CUBE_FIGURES.join(',');
/** The advisory lock class of the cubes (the triggers of migration 0020 take it shared). */
const LOCK = 7431;
/** Orgs built per transaction: a writer of those orgs waits at most for one batch. */
const BATCH = 10;

let stored = true;
/** Counts from the stored cubes (default) or always from the petitions: the tests and the benchmark compare both. */
export function setStoredCounts(on: boolean): void {
  stored = on;
}

/**
 * Can the stored counts answer the scope: a reader who sees the whole subtree (recusal is taken
 * off separately), no slice, and whole months — the period starts on a month's first day and
 * ends on a month's last or on the as-of day (the cube holds what was received by then).
 */
export function cubeAnswers(scope: FigureScope): boolean {
  if (!stored || scope.slice || !seesWholeSubtree(scope.actor)) return false;
  if (!scope.from.endsWith('-01') || scope.from < cubeStart(scope.asOf)) return false;
  const last = lastCountedDay(scope);
  if (last < scope.from) return false;
  return last === scope.asOf || last === monthDays(last.slice(0, 7)).last;
}

/**
 * A cube holds the petitions received from January of the year before its day on: every period a
 * day ends (this year, last year, a quarter, a month) lies within; an older period is counted from
 * the petitions. It bounds a cube to 24 months of cells, however long the history.
 */
export const cubeStart = (asOf: string) => `${Number(asOf.slice(0, 4)) - 1}-01-01`;

const subtreeOrgs = (path: string) => like(orgs.path, `${path}%`);
const complete = (asOf: string) =>
  notExists(
    sql`(select 1 from ${petitionFigureCubes} k where k.org_id = ${orgs.id} and k.as_of = ${asOf}::date and k.figures = ${SIGNATURE})`,
  );

/**
 * Builds the cubes the scope lacks, each batch of orgs in its own transaction, before the figures
 * are read. An org a writer is changing right now (its lock held) is left for the next request;
 * the figures are then counted from the petitions.
 */
export async function preparePetitionCube(ctx: AppContext, scope: FigureScope, keys: string[]) {
  if (!cubeAnswers(scope)) return;
  if (!keys.some((k) => (CUBE_FIGURES as string[]).includes(k.slice('petitions.'.length)))) return;
  await buildMissingCubes(ctx, scope.org.path, scope.asOf);
}

/** Builds the cubes of an org subtree (by its path) for the day that are missing; how many orgs it built. */
export async function buildMissingCubes(ctx: AppContext, path: string, asOf: string): Promise<number> {
  const missing = await ctx.db
    .select({ id: orgs.id })
    .from(orgs)
    .where(and(subtreeOrgs(path), complete(asOf)))
    .orderBy(orgs.id);
  let built = 0;
  for (let i = 0; i < missing.length; i += BATCH)
    built += await buildCubes(
      ctx,
      missing.slice(i, i + BATCH).map((m) => m.id),
      asOf,
    );
  return built;
}

async function buildCubes(ctx: AppContext, orgIds: number[], asOf: string): Promise<number> {
  return ctx.db.transaction(async (tx) => {
    await tx.execute(sql`set local jit = off`);
    await tx.execute(sql`set local work_mem = '32MB'`);
    const locked: number[] = [];
    for (const id of orgIds) {
      const [row] = rowsOf<{ ok: boolean }>(
        await tx.execute(sql`select pg_try_advisory_xact_lock(${LOCK}, ${id}::int) as ok`),
      );
      if (row?.ok) locked.push(id);
    }
    if (!locked.length) return 0;
    // under the lock: a cube of another figure list goes; one built meanwhile stays
    await tx
      .delete(petitionFigureCubes)
      .where(
        and(
          inArray(petitionFigureCubes.orgId, locked),
          eq(petitionFigureCubes.asOf, asOf),
          sql`${petitionFigureCubes.figures} <> ${SIGNATURE}`,
        ),
      );
    const fresh = await tx
      .insert(petitionFigureCubes)
      .values(locked.map((orgId) => ({ orgId, asOf, figures: SIGNATURE })))
      .onConflictDoNothing()
      .returning({ orgId: petitionFigureCubes.orgId });
    if (!fresh.length) return 0;
    const ids = fresh.map((f) => f.orgId);
    const rows = asOfRows(
      asOf,
      and(inArray(petitions.orgId, ids), between(petitions.receivedOn, cubeStart(asOf), asOf))!,
    );
    const vals = sql.join(
      CUBE_FIGURES.map((name) => plainFigureExpr(asOf, name)),
      sql`, `,
    );
    await tx.execute(sql`insert into ${petitionFigureCells}
        (org_id, as_of, month, category, disposal, n, vals)
      select a.org_id, ${asOf}::date, date_trunc('month', a.received_day)::date, a.category, a.disposal,
        count(*)::int, array[${vals}]::int[]
      from ${rows} group by a.org_id, 3, a.category, a.disposal`);
    return ids.length;
  });
}

/**
 * The nightly build: for every top org, the cubes of today (this year's dashboards) and of last
 * year's end (last year's, and the annual summary), so the morning's first view reads them; and
 * the cubes of past days that ended no month go, and those of a month's end five weeks after their
 * build (a month's end serves the periods of whole months; built again when asked).
 */
export async function buildDailyCubes(ctx: AppContext, today: string): Promise<void> {
  // what a writer drops stays small: past days for a week, a month's end for five weeks after its build
  await ctx.db.delete(petitionFigureCubes).where(
    sql`${petitionFigureCubes.asOf} < ${addDays(today, -7)}::date
        and (${petitionFigureCubes.asOf} <> (date_trunc('month', ${petitionFigureCubes.asOf}) + interval '1 month - 1 day')::date
          or ${petitionFigureCubes.builtAt} < ${new Date(ctx.clock.now().getTime() - 35 * DAY_MS)})`,
  );
  const roots = await ctx.db
    .select({ path: orgs.path })
    .from(orgs)
    .where(and(isNull(orgs.parentId), isNull(orgs.deletedAt)));
  const lastYearEnd = `${Number(today.slice(0, 4)) - 1}-12-31`;
  for (const root of roots)
    for (const asOf of [today, lastYearEnd]) await buildMissingCubes(ctx, root.path, asOf);
}

/** What a grouping statement reads: its rows as `a`, the count, each figure, the slices' columns. */
export interface RowSource {
  from: SQL;
  n: SQL;
  figure: (name: PetitionFigureName) => SQL;
  slices: SliceColumns;
}

/**
 * The stored counts as a row source, when every org of the subtree has its cube for the day in
 * this read transaction's snapshot (else null: the petitions are counted instead).
 */
export async function cubeSource(db: Queryable, scope: FigureScope): Promise<RowSource | null> {
  if (!cubeAnswers(scope)) return null;
  const [gap] = await db
    .select({ id: orgs.id })
    .from(orgs)
    .where(and(subtreeOrgs(scope.org.path), complete(scope.asOf)))
    .limit(1);
  if (gap) return null;
  const first = scope.from;
  const last = `${lastCountedDay(scope).slice(0, 7)}-01`;
  return {
    from: sql`(select c.org_id, c.month as received_day, c.category, c.disposal, c.n, c.vals, so.path
      from ${petitionFigureCells} c join ${orgs} so on so.id = c.org_id
      where c.as_of = ${scope.asOf}::date and so.path like ${`${scope.org.path}%`}
        and c.month between ${first}::date and ${last}::date) a`,
    n: sql`coalesce(sum(a.n), 0)`,
    figure: (name) => sql`coalesce(sum(a.vals[${sql.raw(String(CUBE_FIGURES.indexOf(name) + 1))}]), 0)`,
    slices: { org: sql`a.org_id`, on: sql`a.received_day`, path: sql`a.path` },
  };
}
