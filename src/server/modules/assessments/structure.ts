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
import { chinaDate } from '../../../domain/calendar.js';
import type { Actor } from '../../platform/access/actor.js';
import { recusalFilter, scopeFilter } from '../../platform/access/scope.js';
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

export interface StructureQuery {
  orgId?: number;
  on?: string;
  level?: string;
  fromYear?: number;
}

/** `wholeYears` in SQL: the difference of the days as YYYYMMDD numbers, in ten thousands. */
const wholeYearsSql = (on: SQL, from: SQL | PgColumn) =>
  sql`((to_char(${on}, 'YYYYMMDD')::int - to_char(${from}, 'YYYYMMDD')::int) / 10000)`;

/** grouping(gender, education, ethnicity, political, age, in_post) of each dimension's set. */
const DIMENSION_OF_GROUPING = new Map<number, StructureDimension>([
  [0b011111, 'gender'],
  [0b101111, 'education'],
  [0b110111, 'ethnicity'],
  [0b111011, 'politicalStatus'],
  [0b111101, 'age'],
  [0b111110, 'yearsInPost'],
]);

/** The tenures of the subtree held on `days.day` by cadres the caller may see. */
function heldWhere(actor: Actor, path: string, level?: string) {
  return and(
    inArray(tenures.orgId, sql`(select ${orgs.id} from ${orgs} where ${orgs.path} like ${`${path}%`})`),
    sql`${tenures.startDate} <= days.day`,
    sql`(${tenures.endDate} is null or ${tenures.endDate} > days.day)`,
    level ? eq(tenures.level, level) : undefined,
    isNull(cadres.deletedAt),
    scopeFilter(actor, tenures.orgId),
    recusalFilter(actor, cadres.id),
  );
}

/** `days(day, i)`: the days as a table, numbered from 1. */
const daysTable = (days: string[]) =>
  sql`days(day, i) as (select * from unnest(${`{${days.join(',')}}`}::date[]) with ordinality)`;

/**
 * The cadres in post on `on` in the subtree, one row per cadre (their earliest post held that day,
 * `since`), as a `held(day, cadre_id, since)` CTE: counted in the database, so the district's
 * 50,000 cadres never travel to the server.
 */
function heldOn(actor: Actor, path: string, on: string, level?: string) {
  return sql`with ${daysTable([on])},
    held as (
      select days.day, ${tenures.cadreId} as cadre_id, min(${tenures.startDate}) as since
      from days join ${tenures} on true join ${cadres} on ${cadres.id} = ${tenures.cadreId}
      where ${heldWhere(actor, path, level)}
      group by days.day, ${tenures.cadreId})`;
}

/** Each dimension's counts on `on` (ages and years in post as whole years, banded by the domain). */
async function countsOn(db: Queryable, actor: Actor, path: string, on: string, level?: string) {
  // one pass, a grouping set per dimension; `g` (grouping()) says which: its bit is 0 in the mask
  const res = await db.execute(sql`${heldOn(actor, path, on, level)},
    x as (
      select ${cadres.gender} as gender, ${cadres.education} as education, ${cadres.ethnicity} as ethnicity,
        ${cadres.politicalStatus} as political, ${wholeYearsSql(sql`held.day`, cadres.birthDate)} as age,
        ${wholeYearsSql(sql`held.day`, sql`held.since`)} as in_post
      from held join ${cadres} on ${cadres.id} = held.cadre_id)
    select grouping(gender, education, ethnicity, political, age, in_post) as g,
      coalesce(gender, education, ethnicity, political, age::text, in_post::text) as key, count(*)::int as n
    from x
    group by grouping sets ((gender), (education), (ethnicity), (political), (age), (in_post))`);
  const counts = emptyCounts();
  let total = 0;
  for (const r of rowsOf<{ g: number; key: string | null; n: number }>(res)) {
    const dim = DIMENSION_OF_GROUPING.get(Number(r.g));
    if (!dim) continue;
    const key =
      dim === 'age'
        ? ageBandOfYears(r.key === null ? null : Number(r.key))
        : dim === 'yearsInPost'
          ? postBandOfYears(Number(r.key))
          : r.key || UNKNOWN;
    addCount(counts, dim, key, r.n);
    if (dim === 'gender') total += r.n;
  }
  return { counts, total };
}

/** The headline ratios on each of `days`, counted in one pass. */
async function headlinesOn(db: Queryable, actor: Actor, path: string, days: string[], level?: string) {
  // one row per cadre with a bit per day in post (at most 21 days), then one pass per day
  const res = await db.execute(sql`with ${daysTable(days)},
    held as (
      select ${tenures.cadreId} as cadre_id, bit_or(1::bigint << (days.i - 1)::int) as mask
      from days join ${tenures} on true join ${cadres} on ${cadres.id} = ${tenures.cadreId}
      where ${heldWhere(actor, path, level)}
      group by ${tenures.cadreId})
    select days.day::text as day, count(*)::int as total,
      count(*) filter (where ${wholeYearsSql(sql`days.day`, cadres.birthDate)} <= ${YOUNG_MAX_AGE})::int as young,
      count(*) filter (where ${inArray(cadres.education, COLLEGE_OR_ABOVE)})::int as college,
      count(*) filter (where ${cadres.gender} = ${FEMALE})::int as female,
      count(*) filter (where ${cadres.politicalStatus} = ${PARTY_MEMBER})::int as party
    from held join ${cadres} on ${cadres.id} = held.cadre_id
      join days on held.mask & (1::bigint << (days.i - 1)::int) <> 0
    group by days.day`);
  const byDay = new Map(rowsOf<Record<string, unknown>>(res).map((r) => [r.day as string, r]));
  return days.map((day) => {
    const r = byDay.get(day);
    return headlineOf({
      total: Number(r?.total ?? 0),
      young: Number(r?.young ?? 0),
      college: Number(r?.college ?? 0),
      female: Number(r?.female ?? 0),
      party: Number(r?.party ?? 0),
    });
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
  return ctx.db.transaction(async (tx) => {
    const org = await requireOrg(tx, actor, query.orgId ?? actor.orgId);
    const label = await labels(tx);
    const { counts, total } = await countsOn(tx, actor, org.path, on, query.level);
    const years = Array.from({ length: thisYear - fromYear + 1 }, (_, i) => fromYear + i);
    const days = years.map((y) => (y === thisYear ? on : `${y}-12-31`));
    const headlines = await headlinesOn(tx, actor, org.path, days, query.level);
    const trend = years.map((year, i) => ({ year, on: days[i], ...headlines[i] }));
    const levels = await tx
      .selectDistinct({ level: tenures.level })
      .from(tenures)
      .where(
        inArray(
          tenures.orgId,
          sql`(select ${orgs.id} from ${orgs} where ${orgs.path} like ${`${org.path}%`})`,
        ),
      )
      .orderBy(asc(tenures.level));
    return {
      org: { id: org.id, name: org.name },
      on,
      level: query.level ?? null,
      levels: levels.map((l) => l.level).filter((l): l is string => !!l),
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
