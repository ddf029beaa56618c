import { and, asc, eq, gte, like, lte, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { chinaDate } from '../../../domain/calendar.js';
import { dueState } from '../../../domain/openness/timing.js';
import type { Actor } from '../../platform/access/actor.js';
import { orgInScope, scopeFilter } from '../../platform/access/scope.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import { outOfScope, unprocessable } from '../../platform/http/errors.js';
import { orgs } from '../../platform/orgs/schema.js';
import { BORDER, styleHeader } from '../cadres/excel/sheet-style.js';
import { loadUnit } from './access.js';
import { disclosureItemTypes, disclosures, disclosureDueItems as due } from './schema.js';

const COLUMNS = [
  { key: 'no', header: '序号', width: 6 },
  { key: 'unit', header: '公开单位', width: 12 },
  { key: 'type', header: '公开事项', width: 18 },
  { key: 'what', header: '期间/事项', width: 20 },
  { key: 'dueOn', header: '公开期限', width: 12 },
  { key: 'publishedOn', header: '公开日期', width: 12 },
  { key: 'state', header: '按时情况', width: 10 },
  { key: 'daysLate', header: '逾期天数', width: 8 },
  { key: 'title', header: '公开标题', width: 28 },
  { key: 'indexNo', header: '索引号', width: 20 },
  { key: 'versions', header: '公开后修订', width: 10 },
  { key: 'withdrawn', header: '撤回（日期、理由）', width: 28 },
];

const STATE: Record<string, string> = {
  on_time: '按时公开',
  late: '逾期公开',
  overdue: '逾期未公开',
  due: '未到期',
};

const dayNo = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

/**
 * 公开台帐: every item owed by the unit and the units below it (in the caller's scope) whose
 * deadline falls in the period — its deadline, the day it was published, on time or late (days
 * late; still unpublished and past due: 逾期未公开), the disclosure's title and 索引号, how often
 * it was revised after publication and its withdrawal — as Excel; audited.
 */
export async function exportDisclosureLedger(opts: {
  ctx: AppContext;
  actor: Actor;
  query: { orgId: number; from?: string; to?: string };
}) {
  const { ctx, actor, query } = opts;
  const unit = await loadUnit(ctx.db, query.orgId);
  if (!unit) throw unprocessable('单位不存在', { orgId: '单位不存在' });
  if (!(await orgInScope(ctx.db, actor, unit.id))) throw outOfScope();
  const today = chinaDate(ctx.clock.now());
  const from = query.from ?? `${today.slice(0, 4)}-01-01`;
  const to = query.to ?? today;
  if (from > to) throw unprocessable('开始日期不能晚于结束日期', { from: '开始日期不能晚于结束日期' });
  const rows = await ctx.db
    .select({
      d: due,
      unit: orgs.name,
      type: disclosureItemTypes.name,
      title: disclosures.title,
      indexNo: disclosures.indexNo,
      withdrawnOn: disclosures.withdrawnOn,
      withdrawReason: disclosures.withdrawReason,
      versions: sql<number>`(select count(*)::int from disclosure_versions v where v.disclosure_id = ${disclosures.id})`,
    })
    .from(due)
    .innerJoin(orgs, eq(orgs.id, due.orgId))
    .innerJoin(disclosureItemTypes, eq(disclosureItemTypes.id, due.itemTypeId))
    .leftJoin(disclosures, eq(disclosures.id, due.disclosureId))
    .where(
      and(
        like(orgs.path, `${unit.path}%`),
        scopeFilter(actor, due.orgId),
        gte(due.dueOn, from),
        lte(due.dueOn, to),
      ),
    )
    .orderBy(asc(orgs.path), asc(due.dueOn), asc(due.id));
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('公开台帐', { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.columns = COLUMNS.map((c) => ({
    key: c.key,
    width: c.width,
    style: { numFmt: '@', alignment: { vertical: 'top', wrapText: true } },
  }));
  const states = rows.map((r) => dueState(r.d.dueOn, r.d.publishedOn, today));
  const n = (s: string) => states.filter((x) => x === s).length;
  ws
    .getRow(1)
    .getCell(
      1,
    ).value = `${unit.name}政务村务公开台帐（公开期限 ${from} 至 ${to}，截至 ${today}；应公开 ${rows.length} 项，按时 ${n('on_time')} 项，逾期公开 ${n('late')} 项，逾期未公开 ${n('overdue')} 项）`;
  ws.getRow(1).font = { bold: true, size: 14 };
  ws.mergeCells(1, 1, 1, COLUMNS.length);
  styleHeader(Object.assign(ws.getRow(2), { values: COLUMNS.map((c) => c.header) }));
  for (const [i, r] of rows.entries()) {
    const state = states[i];
    const until = r.d.publishedOn ?? (state === 'overdue' ? today : null);
    const row = ws.addRow({
      no: String(i + 1),
      unit: r.unit,
      type: r.type,
      what: r.d.period ?? r.d.matter ?? '',
      dueOn: r.d.dueOn,
      publishedOn: r.d.publishedOn ?? '',
      state: STATE[state],
      daysLate: until && until > r.d.dueOn ? String(dayNo(until) - dayNo(r.d.dueOn)) : '',
      title: r.title ?? '',
      indexNo: r.indexNo ?? '',
      versions: r.versions > 1 ? `修订 ${r.versions - 1} 次` : '',
      withdrawn: r.withdrawnOn ? `${r.withdrawnOn} ${r.withdrawReason ?? ''}` : '',
    });
    row.eachCell((cell) => {
      cell.border = BORDER;
    });
  }
  await recordAudit(ctx.db, ctx.clock, actor, {
    action: 'disclosure.ledger_export',
    objectType: 'org',
    objectId: unit.id,
    detail: { from, to, rows: rows.length },
  });
  return {
    buffer: Buffer.from(await wb.xlsx.writeBuffer()),
    filename: `${unit.name}公开台帐（${from}至${to}）.xlsx`,
  };
}
