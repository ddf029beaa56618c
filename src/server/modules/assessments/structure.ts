import { and, asc, eq, gt, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { distributions, headline, type StructureCadre } from '../../../domain/assessments/structure.js';
import { chinaDate } from '../../../domain/calendar.js';
import type { Actor } from '../../platform/access/actor.js';
import { recusalFilter, scopeFilter } from '../../platform/access/scope.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/client.js';
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

/** The cadres in post on `on` in the subtree (one row each: their earliest post held that day). */
async function cadresOn(db: Queryable, actor: Actor, path: string, on: string, level?: string) {
  const rows = await db
    .select({
      id: cadres.id,
      gender: cadres.gender,
      birthDate: cadres.birthDate,
      education: cadres.education,
      ethnicity: cadres.ethnicity,
      politicalStatus: cadres.politicalStatus,
      since: sql<string>`min(${tenures.startDate})::text`,
    })
    .from(tenures)
    .innerJoin(cadres, eq(cadres.id, tenures.cadreId))
    .where(
      and(
        inArray(tenures.orgId, sql`(select ${orgs.id} from ${orgs} where ${orgs.path} like ${`${path}%`})`),
        lte(tenures.startDate, on),
        or(isNull(tenures.endDate), gt(tenures.endDate, on)),
        level ? eq(tenures.level, level) : undefined,
        isNull(cadres.deletedAt),
        scopeFilter(actor, tenures.orgId),
        recusalFilter(actor, cadres.id),
      ),
    )
    .groupBy(cadres.id);
  return rows.map((r): StructureCadre => ({ ...r, postSince: r.since }));
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
    const list = await cadresOn(tx, actor, org.path, on, query.level);
    const trend = [];
    for (let y = fromYear; y <= thisYear; y++) {
      const day = y === thisYear ? on : `${y}-12-31`;
      trend.push({
        year: y,
        on: day,
        ...headline(await cadresOn(tx, actor, org.path, day, query.level), day),
      });
    }
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
      total: list.length,
      headline: headline(list, on),
      distributions: distributions(list, on).map((d) => ({
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
