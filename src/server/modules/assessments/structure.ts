import { and, asc, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import ExcelJS from 'exceljs';
import {
  addCount,
  ageBandOfYears,
  COLLEGE_OR_ABOVE,
  distributionsOf,
  emptyCounts,
  FEMALE,
  headlineOf,
  PARTY_MEMBER,
  postBandOfYears,
  type StructureDimension,
  UNKNOWN,
  YOUNG_MAX_AGE,
} from '../../../domain/assessments/structure.js';
import { addDays, chinaDate } from '../../../domain/calendar.js';
import type { Actor } from '../../platform/access/actor.js';
import { recusalFilter, recusedCadresSql, scopeFilter } from '../../platform/access/scope.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/client.js';
import { rowsOf } from '../../platform/db/rows.js';
import { dictItems } from '../../platform/dictionaries/schema.js';
import { badRequest } from '../../platform/http/errors.js';
import { orgs } from '../../platform/orgs/schema.js';
import { BORDER, styleHeader } from '../cadres/excel/sheet-style.js';
import { cadres, tenures } from '../cadres/schema.js';
import { requireOrg } from './access.js';
import { structureCubes } from './schema.js';

export interface StructureQuery {
  orgId?: number;
  on?: string;
  level?: string;
  fromYear?: number;
}

/** `wholeYears` in SQL: the difference of the days as YYYYMMDD numbers, in ten thousands. */
const wholeYearsSql = (on: SQL, from: SQL | PgColumn) =>
  sql`((to_char(${on}, 'YYYYMMDD')::int - to_char(${from}, 'YYYYMMDD')::int) / 10000)`;

/** grouping(gender, education, ethnicity, political, born, since) of each dimension's set. */
const DIMENSION_OF_GROUPING = new Map<number, StructureDimension>([
  [0b011111, 'gender'],
  [0b101111, 'education'],
  [0b110111, 'ethnicity'],
  [0b111011, 'politicalStatus'],
  [0b111101, 'age'],
  [0b111110, 'yearsInPost'],
]);

/**
 * Whose posts are counted: what the caller may see (scope and recusal), every cadre (a stored
 * count, which knows no reader), or only the cadres the caller recuses from (what a stored count
 * holds beyond the caller's).
 */
type Who = { kind: 'visible'; actor: Actor } | { kind: 'all' } | { kind: 'recused'; recused: SQL };

function whoFilter(who: Who) {
  switch (who.kind) {
    case 'visible':
      return and(scopeFilter(who.actor, tenures.orgId), recusalFilter(who.actor, cadres.id));
    case 'all':
      return undefined;
    case 'recused':
      return sql`${cadres.id} in (${who.recused})`;
  }
}

/** The tenures of the subtree held on `days.day` by the cadres counted. */
function heldWhere(who: Who, path: string, level?: string, day: SQL = sql`days.day`) {
  return and(
    inArray(tenures.orgId, sql`(select ${orgs.id} from ${orgs} where ${orgs.path} like ${`${path}%`})`),
    sql`${tenures.startDate} <= ${day}`,
    sql`(${tenures.endDate} is null or ${tenures.endDate} > ${day})`,
    level ? eq(tenures.level, level) : undefined,
    isNull(cadres.deletedAt),
    whoFilter(who),
  );
}

/** `days(day, i)`: the days as a table, numbered from 1. */
const daysTable = (days: string[]) =>
  sql`days(day, i) as (select * from unnest(${`{${days.join(',')}}`}::date[]) with ordinality)`;

/** One grouped row of the day's distributions: grouping(), the key (whole years for age and in post), n. */
export type GroupRow = [number, string | null, number];

/**
 * Each dimension's grouped rows on `on` (ages and years in post as whole years), counted in the
 * database so the district's 50,000 cadres never travel to the server: the cadres in post, one row
 * each (their earliest post held that day, `since`), grouped once per dimension with a grouping set
 * — birth dates and starts as they are, then turned into whole years per distinct date.
 */
async function countRows(db: Queryable, who: Who, path: string, on: string, level?: string) {
  const day = sql`${on}::date`;
  // `g` (grouping()) says which dimension: its bit is 0 in the mask
  const res = await db.execute(sql`with held as (
      select ${cadres.gender} as gender, ${cadres.education} as education, ${cadres.ethnicity} as ethnicity,
        ${cadres.politicalStatus} as political, ${cadres.birthDate} as born, min(${tenures.startDate}) as since
      from ${tenures} join ${cadres} on ${cadres.id} = ${tenures.cadreId}
      where ${heldWhere(who, path, level, day)}
      group by ${cadres.id}),
    r as (
      select grouping(gender, education, ethnicity, political, born, since) as g,
        coalesce(gender, education, ethnicity, political) as key, coalesce(born, since) as d, count(*) as n
      from held
      group by grouping sets ((gender), (education), (ethnicity), (political), (born), (since)))
    select g, coalesce(key, ${wholeYearsSql(day, sql`r.d`)}::text) as key, sum(n)::int as n
    from r group by 1, 2`);
  return rowsOf<{ g: number; key: string | null; n: number }>(res).map(
    (r): GroupRow => [Number(r.g), r.key, Number(r.n)],
  );
}

/** `a` less `b`, row by row (the stored rows less the recused cadres'). */
function lessRows(a: GroupRow[], b: GroupRow[]): GroupRow[] {
  const minus = new Map(b.map(([g, key, n]) => [`${g}\u0000${key}`, n]));
  return a
    .map(([g, key, n]): GroupRow => [g, key, n - (minus.get(`${g}\u0000${key}`) ?? 0)])
    .filter((r) => r[2] > 0);
}

/** The headline's counts of the day from its grouped rows: the same cadres, one row each. */
function headlineOfRows(rows: GroupRow[]): HeadlineCounts {
  const h: HeadlineCounts = [0, 0, 0, 0, 0];
  for (const [g, key, n] of rows)
    switch (DIMENSION_OF_GROUPING.get(g)) {
      case 'gender':
        h[0] += n;
        if (key === FEMALE) h[3] += n;
        break;
      case 'age':
        if (key !== null && Number(key) <= YOUNG_MAX_AGE) h[1] += n;
        break;
      case 'education':
        if (key !== null && COLLEGE_OR_ABOVE.includes(key)) h[2] += n;
        break;
      case 'politicalStatus':
        if (key === PARTY_MEMBER) h[4] += n;
        break;
    }
  return h;
}

/** The domain's counts of the grouped rows, ages and years in post banded. */
function countsOf(rows: GroupRow[]) {
  const counts = emptyCounts();
  let total = 0;
  for (const [g, rawKey, n] of rows) {
    const dim = DIMENSION_OF_GROUPING.get(g);
    if (!dim) continue;
    const key =
      dim === 'age'
        ? ageBandOfYears(rawKey === null ? null : Number(rawKey))
        : dim === 'yearsInPost'
          ? postBandOfYears(Number(rawKey))
          : rawKey || UNKNOWN;
    addCount(counts, dim, key, n);
    if (dim === 'gender') total += n;
  }
  return { counts, total };
}

/** The headline's counts — total, young, college or above, female, party member — in this order. */
type HeadlineCounts = [number, number, number, number, number];

/** The headline's counts on each of `days`, counted in one pass. */
async function headlineCounts(
  db: Queryable,
  who: Who,
  path: string,
  days: string[],
  level?: string,
): Promise<Map<string, HeadlineCounts>> {
  if (!days.length) return new Map();
  // one row per cadre (with the attributes counted) and a bit per day in post (at most 21 days),
  // then one pass per day
  const college = sql.join(
    COLLEGE_OR_ABOVE.map((c) => sql`${c}`),
    sql`, `,
  );
  const res = await db.execute(sql`with ${daysTable(days)},
    held as (
      select ${cadres.birthDate} as born, ${cadres.education} as education, ${cadres.gender} as gender,
        ${cadres.politicalStatus} as political, bit_or(1::bigint << (days.i - 1)::int) as mask
      from days join ${tenures} on true join ${cadres} on ${cadres.id} = ${tenures.cadreId}
      where ${heldWhere(who, path, level)}
      group by ${cadres.id})
    select days.day::text as day, count(*)::int as total,
      count(*) filter (where ${wholeYearsSql(sql`days.day`, sql`held.born`)} <= ${YOUNG_MAX_AGE})::int as young,
      count(*) filter (where held.education in (${college}))::int as college,
      count(*) filter (where held.gender = ${FEMALE})::int as female,
      count(*) filter (where held.political = ${PARTY_MEMBER})::int as party
    from held join days on held.mask & (1::bigint << (days.i - 1)::int) <> 0
    group by days.day`);
  const byDay = new Map(rowsOf<Record<string, unknown>>(res).map((r) => [r.day as string, r]));
  return new Map(
    days.map((day) => {
      const r = byDay.get(day);
      const n = (k: string) => Number(r?.[k] ?? 0);
      return [day, [n('total'), n('young'), n('college'), n('female'), n('party')] as HeadlineCounts];
    }),
  );
}

const headlineOfCounts = ([total, young, college, female, party]: HeadlineCounts) =>
  headlineOf({ total, young, college, female, party });

/*
 * The stored counts (docs/decisions/assessments.md): per org, day and level, the counts over every
 * cadre in post — the headline's, and the day's grouped rows when its distributions were asked.
 * Built before the read transaction under the org's lock, read inside it for a caller who sees the
 * whole subtree, less what the caller recuses from; whatever is missing is counted as before. The
 * triggers of migration 0044 drop a row from the first day a change reaches.
 */

/** What a stored row's counts mean; a row of another signature is counted again. */
const SIGNATURE = ['v1', YOUNG_MAX_AGE, COLLEGE_OR_ABOVE.join('|'), FEMALE, PARTY_MEMBER].join(',');
/** The advisory lock class of the stored counts (the triggers of migration 0044 take it shared). */
const LOCK = 7432;

let storedOn = true;
/** Counts from the stored rows (default) or always from the tenures: the tests and the benchmark compare both. */
export function setStoredStructure(on: boolean): void {
  storedOn = on;
}

/** The stored rows answer a caller who sees the whole subtree of the org (already checked in scope). */
const storedAnswers = (actor: Actor) =>
  storedOn && (actor.dataScope === 'all' || actor.dataScope === 'subtree');

/** The day of the row keeping the subtree's position levels: every change of the subtree reaches it. */
const LEVELS_DAY = 'infinity';

/** The position levels of the subtree's tenures, of any day (what the page offers to filter by). */
async function levelsOf(db: Queryable, path: string) {
  const rows = await db
    .selectDistinct({ level: tenures.level })
    .from(tenures)
    .where(
      inArray(tenures.orgId, sql`(select ${orgs.id} from ${orgs} where ${orgs.path} like ${`${path}%`})`),
    )
    .orderBy(asc(tenures.level));
  return rows.map((l) => l.level).filter((l): l is string => !!l);
}

async function readLevels(db: Queryable, orgId: number): Promise<string[] | null> {
  const [row] = await db
    .select({ levels: structureCubes.levels })
    .from(structureCubes)
    .where(
      and(
        eq(structureCubes.orgId, orgId),
        eq(structureCubes.day, LEVELS_DAY),
        eq(structureCubes.level, ''),
        eq(structureCubes.figures, SIGNATURE),
        eq(structureCubes.stale, false),
      ),
    );
  return row?.levels ?? null;
}

interface StoredRow {
  headline: HeadlineCounts;
  counts: GroupRow[] | null;
}

async function readStored(db: Queryable, orgId: number, days: string[], level: string) {
  const rows = await db
    .select({ day: structureCubes.day, headline: structureCubes.headline, counts: structureCubes.counts })
    .from(structureCubes)
    .where(
      and(
        eq(structureCubes.orgId, orgId),
        inArray(structureCubes.day, days),
        eq(structureCubes.level, level),
        eq(structureCubes.figures, SIGNATURE),
        eq(structureCubes.stale, false),
      ),
    );
  return new Map<string, StoredRow>(
    rows.map((r) => [r.day, { headline: r.headline as HeadlineCounts, counts: r.counts ?? null }]),
  );
}

/**
 * Stores the counts the request (or the refresh job) lacks — the days without a row or with a stale
 * one, and the `counted` days without their distributions — in one transaction under the org's lock
 * taken without waiting: an org a writer is changing right now is left to be counted by the request
 * (and to the next refresh). Past days other than year-ends go after a week. True when it built.
 * A row a reader's request built is marked `asked`: the refresh keeps its org and level warm on the
 * days after (`refreshStructure`) until that row goes.
 */
export async function buildStored(
  ctx: AppContext,
  orgId: number,
  days: string[],
  counted: string[],
  level: string,
  by: 'request' | 'refresh' = 'request',
): Promise<boolean> {
  const complete = (have: Map<string, StoredRow>) =>
    days.every((d) => have.has(d)) && counted.every((d) => have.get(d)?.counts);
  if (
    complete(await readStored(ctx.db, orgId, [...days, ...counted], level)) &&
    (await readLevels(ctx.db, orgId))
  )
    return false;
  return ctx.db.transaction(async (tx) => {
    const [lock] = rowsOf<{ tree: boolean; org: boolean }>(
      await tx.execute(sql`select pg_try_advisory_xact_lock_shared(${LOCK}, 0) as tree,
        pg_try_advisory_xact_lock(${LOCK}, ${orgId}::int) as org`),
    );
    if (!lock?.tree || !lock.org) return false;
    // under the lock: the path as it is now, and what another request built meanwhile
    const [org] = await tx
      .select({ path: orgs.path })
      .from(orgs)
      .where(and(eq(orgs.id, orgId), isNull(orgs.deletedAt)));
    if (!org) return false;
    if (!(await readLevels(tx, orgId)))
      await tx
        .insert(structureCubes)
        .values({
          orgId,
          day: LEVELS_DAY,
          level: '',
          path: org.path,
          figures: SIGNATURE,
          headline: [],
          levels: await levelsOf(tx, org.path),
        })
        .onConflictDoUpdate({
          target: [structureCubes.orgId, structureCubes.day, structureCubes.level],
          set: {
            path: sql`excluded.path`,
            figures: sql`excluded.figures`,
            levels: sql`excluded.levels`,
            stale: false,
            builtAt: sql`now()`,
          },
        });
    const all = [...new Set([...days, ...counted])];
    const stored = await readStored(tx, orgId, all, level);
    const build = all.filter((d) => !stored.has(d) || (counted.includes(d) && !stored.get(d)?.counts));
    if (!build.length) return true;
    const everyone: Who = { kind: 'all' };
    const lvl = level || undefined;
    // a counted day's headline comes from its grouped rows; the other days' in one pass
    const headlines = await headlineCounts(
      tx,
      everyone,
      org.path,
      build.filter((d) => !counted.includes(d)),
      lvl,
    );
    const counts = new Map<string, GroupRow[]>();
    for (const d of build.filter((d) => counted.includes(d))) {
      const rows = await countRows(tx, everyone, org.path, d, lvl);
      counts.set(d, rows);
      headlines.set(d, headlineOfRows(rows));
    }
    await tx
      .insert(structureCubes)
      .values(
        build.map((day) => ({
          orgId,
          day,
          level,
          path: org.path,
          figures: SIGNATURE,
          headline: headlines.get(day) ?? [0, 0, 0, 0, 0],
          counts: counts.get(day) ?? null,
          asked: by === 'request',
        })),
      )
      .onConflictDoUpdate({
        target: [structureCubes.orgId, structureCubes.day, structureCubes.level],
        set: {
          path: sql`excluded.path`,
          figures: sql`excluded.figures`,
          headline: sql`excluded.headline`,
          counts: sql`excluded.counts`,
          builtAt: sql`now()`,
          stale: false,
          asked: sql`${structureCubes.asked} or excluded.asked`,
        },
      });
    const today = chinaDate(ctx.clock.now());
    await tx
      .delete(structureCubes)
      .where(
        and(
          eq(structureCubes.orgId, orgId),
          sql`${structureCubes.day} < ${addDays(today, -7)}::date`,
          sql`to_char(${structureCubes.day}, 'MM-DD') <> '12-31'`,
        ),
      );
    return true;
  });
}

async function labels(db: Queryable) {
  const rows = await db
    .select({ type: dictItems.typeCode, code: dictItems.code, label: dictItems.label })
    .from(dictItems)
    .where(inArray(dictItems.typeCode, ['education', 'political_status']));
  return (type: string, code: string) => rows.find((r) => r.type === type && r.code === code)?.label ?? code;
}

/** 素质结构 of an org subtree on a day, by position level when asked, and its headline ratios over the years. */
export async function qualityStructure(opts: { ctx: AppContext; actor: Actor; query: StructureQuery }) {
  const { ctx, actor, query } = opts;
  const today = chinaDate(ctx.clock.now());
  const on = query.on ?? today;
  if (on > today) throw badRequest('统计日期不能晚于今天', { on: '统计日期不能晚于今天' });
  const thisYear = Number(on.slice(0, 4));
  const fromYear = query.fromYear ?? thisYear - 4;
  if (fromYear > thisYear || thisYear - fromYear > 20)
    throw badRequest('起始年度须在统计日期前 20 年以内', { fromYear: '起始年度须在统计日期前 20 年以内' });
  const years = Array.from({ length: thisYear - fromYear + 1 }, (_, i) => fromYear + i);
  const days = years.map((y) => (y === thisYear ? on : `${y}-12-31`));
  const level = query.level ?? '';
  const stored = storedAnswers(actor);
  if (stored) {
    const org = await requireOrg(ctx.db, actor, query.orgId ?? actor.orgId);
    await buildStored(ctx, org.id, days, [on], level);
  }
  return ctx.db.transaction(async (tx) => {
    const org = await requireOrg(tx, actor, query.orgId ?? actor.orgId);
    const label = await labels(tx);
    const visible: Who = { kind: 'visible', actor };
    const kept = stored ? await readStored(tx, org.id, days, level) : new Map<string, StoredRow>();
    const recusedSql = stored ? recusedCadresSql(actor) : null;
    const recused: Who | null = recusedSql ? { kind: 'recused', recused: recusedSql } : null;
    const keptCounts = kept.get(on)?.counts;
    const rows = keptCounts
      ? recused
        ? lessRows(keptCounts, await countRows(tx, recused, org.path, on, query.level))
        : keptCounts
      : await countRows(tx, visible, org.path, on, query.level);
    const { counts, total } = countsOf(rows);
    // the day's headline from its rows; the years before from the stored rows or counted
    const past = days.filter((d) => d !== on);
    const keptDays = past.filter((d) => kept.has(d));
    const live = await headlineCounts(
      tx,
      visible,
      org.path,
      past.filter((d) => !kept.has(d)),
      query.level,
    );
    const minus = recused ? await headlineCounts(tx, recused, org.path, keptDays, query.level) : new Map();
    const headlines = days.map((d) => {
      if (d === on) return headlineOfCounts(headlineOfRows(rows));
      const k = kept.get(d);
      if (!k) return headlineOfCounts(live.get(d) as HeadlineCounts);
      const m: HeadlineCounts = minus.get(d) ?? [0, 0, 0, 0, 0];
      return headlineOfCounts(k.headline.map((n, i) => n - m[i]) as HeadlineCounts);
    });
    const trend = years.map((year, i) => ({ year, on: days[i], ...headlines[i] }));
    const levels = (stored ? await readLevels(tx, org.id) : null) ?? (await levelsOf(tx, org.path));
    return {
      org: { id: org.id, name: org.name },
      on,
      level: query.level ?? null,
      levels,
      total,
      headline: headlines[headlines.length - 1],
      distributions: distributionsOf(counts, total).map((d) => ({
        ...d,
        groups: d.groups.map((g) => ({
          ...g,
          label:
            d.dimension === 'education'
              ? label('education', g.key)
              : d.dimension === 'politicalStatus'
                ? label('political_status', g.key)
                : g.key,
        })),
      })),
      trend,
    };
  });
}

/** The same as a workbook: the distributions and the years; audited. */
export async function exportStructure(opts: { ctx: AppContext; actor: Actor; query: StructureQuery }) {
  const s = await qualityStructure(opts);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('素质结构');
  ws.columns = [{ width: 14 }, { width: 16 }, { width: 10 }, { width: 10 }];
  ws.addRow([`${s.org.name}干部队伍素质结构（${s.on}，共 ${s.total} 人）`]).font = { bold: true, size: 14 };
  styleHeader(ws.addRow(['项目', '分组', '人数', '占比（%）']));
  for (const d of s.distributions)
    for (const g of d.groups)
      ws.addRow([d.label, g.label, g.count, g.share]).eachCell((c) => {
        c.border = BORDER;
      });
  const t = wb.addWorksheet('历年变化');
  t.columns = [
    { width: 8 },
    { width: 12 },
    { width: 10 },
    { width: 16 },
    { width: 16 },
    { width: 12 },
    { width: 14 },
  ];
  styleHeader(
    t.addRow([
      '年度',
      '统计日期',
      '人数',
      '35岁及以下（%）',
      '大专及以上（%）',
      '女性（%）',
      '中共党员（%）',
    ]),
  );
  for (const y of s.trend)
    t.addRow([y.year, y.on, y.total, y.young, y.collegeOrAbove, y.female, y.partyMember]);
  await recordAudit(opts.ctx.db, opts.ctx.clock, opts.actor, {
    action: 'assessment.structure_export',
    objectType: 'org',
    objectId: s.org.id,
    detail: { on: s.on, level: s.level, total: s.total },
  });
  return {
    buffer: Buffer.from(await wb.xlsx.writeBuffer()),
    filename: `${s.org.name}干部素质结构-${s.on}.xlsx`,
  };
}
