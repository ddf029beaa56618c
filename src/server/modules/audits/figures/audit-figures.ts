import {
  and,
  asc,
  between,
  eq,
  gt,
  inArray,
  isNotNull,
  isNull,
  lt,
  lte,
  ne,
  or,
  type SQL,
  sql,
} from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { AUDIT_KINDS, AUDIT_STATUSES } from '../../../../domain/audits/audit.js';
import { AMOUNT_KINDS, OUTCOME_KINDS } from '../../../../domain/audits/outcomes.js';
import { ITEM_STATUSES } from '../../../../domain/audits/rectification.js';
import { lastCountedDay } from '../../../../domain/figure-period.js';
import { rowsOf } from '../../../platform/db/rows.js';
import { type SliceColumns, sliceCondition, sliceKeySql } from '../../../platform/figures/breakdown.js';
import type {
  Breakdown,
  DashboardUse,
  Figure,
  FigureColumn,
  FigureRecord,
  FigureScope,
  FigureSource,
  FigureValue,
  PageRequest,
} from '../../../platform/figures/registry.js';
import { orgs } from '../../../platform/orgs/schema.js';
import { cadres } from '../../cadres/schema.js';
import { auditVisibility, itemVisibility } from '../access.js';
import {
  econAudits as a,
  auditFindings as f,
  rectificationItems as i,
  auditOutcomes as o,
} from '../schema.js';
import { countMeetingFigure, MEETING_FIGURES, meetingFigureList } from './meeting-figures.js';

/**
 * 经济责任审计 figures, as of a date: audits by kind (the seed's 离任审计 of 十余名 leaders), findings
 * and their amounts, 屡审屡犯, rectification items issued / open / overdue / closed and 整改率, and
 * the 整改成效 tallies. Counted over what the caller can open (scope and recusal) in the asked org's
 * subtree; each drill-down lists the same rows.
 */
type Table = 'audits' | 'findings' | 'items' | 'outcomes';
interface Spec {
  table: Table;
  label: string;
  unit: string;
  definition: string;
  kind: 'count' | 'sum';
  where(scope: FigureScope): SQL;
  /** For a sum: what each row adds. */
  weight?: SQL;
  dimension?: { key: string; label: string; column: SQL; labels: Record<string, string> };
  dashboard?: DashboardUse[];
  /** By month of its date and by child org (the audits: 进点日期, the audited org). */
  slices?: SliceColumns;
}

const AUDIT_SLICES: SliceColumns = { org: a.orgId, on: a.startedOn };

const inSubtree = (col: AnyPgColumn, scope: FigureScope) =>
  inArray(col, sql`(select ${orgs.id} from ${orgs} where ${orgs.path} like ${`${scope.org.path}%`})`);
const auditBase = (s: FigureScope) =>
  and(inSubtree(a.orgId, s), auditVisibility(s.actor), ne(a.status, 'draft'), ne(a.status, 'dismissed'))!;
const itemBase = (s: FigureScope) => and(inSubtree(i.orgId, s), itemVisibility(s.actor))!;
const inPeriod = (col: AnyPgColumn, s: FigureScope) => between(col, s.from, lastCountedDay(s));
const upTo = (s: FigureScope) => [s.to, s.asOf].sort()[0];
const openOn = (s: FigureScope) =>
  and(itemBase(s), lte(i.issuedOn, upTo(s)), or(isNull(i.closedOn), gt(i.closedOn, s.asOf)))!;

const SPECS: Record<string, Spec> = {
  audits: {
    table: 'audits',
    label: '实施经济责任审计',
    unit: '项',
    definition: '进点日期在统计期内（且不晚于截至日期）的经济责任审计（不含待确认与不予审计），按审计类型',
    kind: 'count',
    where: (s) => and(auditBase(s), inPeriod(a.startedOn, s))!,
    dimension: { key: 'kind', label: '审计类型', column: sql`${a.kind}`, labels: AUDIT_KINDS },
    // by month of 进点, and the district's townships compared
    dashboard: ['card', 'category', 'trend', 'org'],
    slices: AUDIT_SLICES,
  },
  departure: {
    table: 'audits',
    label: '离任领导干部经济责任审计',
    unit: '名',
    definition: '进点日期在统计期内（且不晚于截至日期）的离任审计',
    kind: 'count',
    where: (s) => and(auditBase(s), eq(a.kind, 'departure'), inPeriod(a.startedOn, s))!,
    dashboard: ['card'],
    slices: AUDIT_SLICES,
  },
  findings: {
    table: 'findings',
    label: '审计发现问题',
    unit: '个',
    definition: '发现日期在统计期内（且不晚于截至日期）的审计发现',
    kind: 'count',
    where: (s) => and(auditBase(s), inPeriod(f.foundOn, s))!,
    dashboard: ['card'],
  },
  finding_amount: {
    table: 'findings',
    label: '审计发现问题涉及金额',
    unit: '元',
    definition: '发现日期在统计期内的审计发现所涉金额之和',
    kind: 'sum',
    where: (s) => and(auditBase(s), inPeriod(f.foundOn, s), isNotNull(f.amountFen))!,
    weight: sql`${f.amountFen}`,
  },
  repeat_findings: {
    table: 'findings',
    label: '屡审屡犯问题',
    unit: '个',
    definition: '发现日期在统计期内、同一单位此前审计已发现同类问题的审计发现',
    kind: 'count',
    where: (s) => and(auditBase(s), inPeriod(f.foundOn, s), isNotNull(f.repeatOfId))!,
    dashboard: ['card'],
  },
  items_issued: {
    table: 'items',
    label: '下发整改事项',
    unit: '项',
    definition: '下发日期在统计期内（且不晚于截至日期）的整改事项',
    kind: 'count',
    where: (s) => and(itemBase(s), inPeriod(i.issuedOn, s))!,
  },
  items_issued_closed: {
    table: 'items',
    label: '已销号的下发整改事项',
    unit: '项',
    definition: '下发日期在统计期内、截至日期已销号的整改事项（持续整改不计入）',
    kind: 'count',
    where: (s) => and(itemBase(s), inPeriod(i.issuedOn, s), lte(i.closedOn, s.asOf))!,
  },
  items_open: {
    table: 'items',
    label: '未销号整改事项',
    unit: '项',
    definition: '截至日期已下发、尚未销号的整改事项（含持续整改）',
    kind: 'count',
    where: openOn,
    dashboard: ['card'],
  },
  items_overdue: {
    table: 'items',
    label: '超期整改事项',
    unit: '项',
    definition: '截至日期未销号，且已过方案报送期限、整改时限或检查节点，或未按月报告整改进展的整改事项',
    kind: 'count',
    where: (s) =>
      and(openOn(s), or(lt(i.dueOn, s.asOf), and(ne(i.status, 'applied'), lt(i.nextReportDue, s.asOf))))!,
    dashboard: ['card'],
  },
  items_closed: {
    table: 'items',
    label: '整改销号',
    unit: '项',
    definition: '销号日期在统计期内（且不晚于截至日期）的整改事项',
    kind: 'count',
    where: (s) => and(itemBase(s), inPeriod(i.closedOn, s))!,
  },
  outcome_remitted: {
    table: 'outcomes',
    label: '整改成效：上缴财政',
    unit: '元',
    definition: '日期在统计期内（且不晚于截至日期）因审计整改上缴财政的金额',
    kind: 'sum',
    where: (s) => and(auditBase(s), inPeriod(o.achievedOn, s), eq(o.kind, 'remitted'))!,
    weight: sql`${o.amountFen}`,
  },
  outcome_returned: {
    table: 'outcomes',
    label: '整改成效：归还原资金渠道',
    unit: '元',
    definition: '日期在统计期内（且不晚于截至日期）因审计整改归还原资金渠道的金额',
    kind: 'sum',
    where: (s) => and(auditBase(s), inPeriod(o.achievedOn, s), eq(o.kind, 'returned'))!,
    weight: sql`${o.amountFen}`,
  },
  outcome_adjusted: {
    table: 'outcomes',
    label: '整改成效：调整账项',
    unit: '元',
    definition: '日期在统计期内（且不晚于截至日期）因审计整改调整账项的金额',
    kind: 'sum',
    where: (s) => and(auditBase(s), inPeriod(o.achievedOn, s), eq(o.kind, 'adjusted'))!,
    weight: sql`${o.amountFen}`,
  },
  referred_matters: {
    table: 'outcomes',
    label: '移送纪检监察机关事项',
    unit: '件',
    definition: '日期在统计期内的移送事项',
    kind: 'sum',
    where: (s) => and(auditBase(s), inPeriod(o.achievedOn, s), eq(o.kind, 'referred_matter'))!,
    weight: sql`${o.count}`,
  },
  referred_persons: {
    table: 'outcomes',
    label: '移送纪检监察机关人员',
    unit: '人',
    definition: '日期在统计期内的移送人员',
    kind: 'sum',
    where: (s) => and(auditBase(s), inPeriod(o.achievedOn, s), eq(o.kind, 'referred_person'))!,
    weight: sql`${o.count}`,
  },
  policies_improved: {
    table: 'outcomes',
    label: '完善制度',
    unit: '项',
    definition: '日期在统计期内因审计整改完善的制度',
    kind: 'sum',
    where: (s) => and(auditBase(s), inPeriod(o.achievedOn, s), eq(o.kind, 'policy'))!,
    weight: sql`${o.count}`,
  },
};

/** The FROM of a table, joined to what its scope needs. */
function from(scope: FigureScope, table: Table) {
  const db = scope.db;
  switch (table) {
    case 'audits':
      return { q: db.select({ a }).from(a), order: [asc(a.startedOn), asc(a.id)] };
    case 'findings':
      return {
        q: db.select({ a, f }).from(f).innerJoin(a, eq(a.id, f.auditId)),
        order: [asc(f.foundOn), asc(f.id)],
      };
    case 'items':
      return {
        q: db
          .select({ a, i, f })
          .from(i)
          .innerJoin(f, eq(f.id, i.findingId))
          .innerJoin(a, eq(a.id, i.auditId)),
        order: [asc(i.issuedOn), asc(i.id)],
      };
    case 'outcomes':
      return {
        q: db.select({ a, o }).from(o).innerJoin(a, eq(a.id, o.auditId)),
        order: [asc(o.achievedOn), asc(o.id)],
      };
  }
}

function joinsFor(table: Table) {
  switch (table) {
    case 'audits':
      return sql`${a}`;
    case 'findings':
      return sql`${f} join ${a} on ${a.id} = ${f.auditId}`;
    case 'items':
      return sql`${i} join ${f} on ${f.id} = ${i.findingId} join ${a} on ${a.id} = ${i.auditId}`;
    case 'outcomes':
      return sql`${o} join ${a} on ${a.id} = ${o.auditId}`;
  }
}

const measure = (spec: Spec) =>
  spec.kind === 'count'
    ? sql`count(*)::float8`
    : spec.unit === '元'
      ? sql`coalesce(sum(${spec.weight}), 0)::float8 / 100`
      : sql`coalesce(sum(${spec.weight}), 0)::float8`;

/** A spec's records under the scope, its slice and the group asked. */
const whereOf = (scope: FigureScope, spec: Spec, group?: string) =>
  and(
    spec.where(scope),
    spec.slices ? sliceCondition(scope, spec.slices) : undefined,
    group !== undefined && spec.dimension ? sql`${spec.dimension.column} = ${group}` : undefined,
  );

/** One statement: the figure by month of its date or by child org. */
async function sliceValues(scope: FigureScope, spec: Spec, by: Breakdown) {
  const list = rowsOf<{ k: string; v: number }>(
    await scope.db.execute(
      sql`select ${sliceKeySql(scope, by, spec.slices!)} as k, ${measure(spec)} as v from ${joinsFor(spec.table)} where ${whereOf(scope, spec)} group by 1`,
    ),
  );
  return list.map((g) => ({ key: String(g.k), value: Number(g.v) }));
}

async function figureValue(scope: FigureScope, spec: Spec, group?: string): Promise<FigureValue> {
  const where = whereOf(scope, spec, group);
  if (!spec.dimension) {
    const [r] = rowsOf<{ v: number }>(
      await scope.db.execute(sql`select ${measure(spec)} as v from ${joinsFor(spec.table)} where ${where}`),
    );
    return { value: Number(r?.v ?? 0) };
  }
  const list = rowsOf<{ k: string; v: number }>(
    await scope.db.execute(
      sql`select ${spec.dimension.column} as k, ${measure(spec)} as v from ${joinsFor(spec.table)} where ${where} group by 1 order by 1`,
    ),
  );
  const groups = list.map((g) => ({
    key: g.k,
    label: spec.dimension!.labels[g.k] ?? g.k,
    value: Number(g.v),
  }));
  return { value: groups.reduce((n, g) => n + g.value, 0), groups };
}

const COLUMNS: Record<Table, FigureColumn[]> = {
  audits: [
    { key: 'title', label: '审计项目' },
    { key: 'kind', label: '类型' },
    { key: 'subject', label: '被审计干部' },
    { key: 'org', label: '被审计单位' },
    { key: 'startedOn', label: '进点日期' },
    { key: 'status', label: '状态' },
  ],
  findings: [
    { key: 'summary', label: '问题摘要' },
    { key: 'audit', label: '审计项目' },
    { key: 'amount', label: '涉及金额（元）' },
    { key: 'foundOn', label: '发现日期' },
    { key: 'repeat', label: '屡审屡犯' },
  ],
  items: [
    { key: 'summary', label: '问题摘要' },
    { key: 'audit', label: '审计项目' },
    { key: 'issuedOn', label: '下发日期' },
    { key: 'deadline', label: '整改时限' },
    { key: 'status', label: '状态' },
    { key: 'closedOn', label: '销号日期' },
  ],
  outcomes: [
    { key: 'audit', label: '审计项目' },
    { key: 'kind', label: '类别' },
    { key: 'amount', label: '金额（元）' },
    { key: 'count', label: '数量' },
    { key: 'achievedOn', label: '日期' },
  ],
};

const money = (fen: number | null) => (fen === null ? null : fen / 100);

function recordOf(table: Table, r: any, subject: string | null): FigureRecord {
  const audit = r.a as typeof a.$inferSelect;
  switch (table) {
    case 'audits':
      return {
        id: String(audit.id),
        link: `/audits/${audit.id}`,
        label: audit.title,
        cells: {
          title: audit.title,
          kind: AUDIT_KINDS[audit.kind as keyof typeof AUDIT_KINDS] ?? audit.kind,
          subject,
          org: null,
          startedOn: audit.startedOn,
          status: AUDIT_STATUSES[audit.status as keyof typeof AUDIT_STATUSES] ?? audit.status,
        },
      };
    case 'findings':
      return {
        id: String(r.f.id),
        link: `/audits/${audit.id}`,
        label: r.f.summary,
        weight: money(r.f.amountFen) ?? undefined,
        cells: {
          summary: r.f.summary,
          audit: audit.title,
          amount: money(r.f.amountFen),
          foundOn: r.f.foundOn,
          repeat: r.f.repeatOfId !== null,
        },
      };
    case 'items':
      return {
        id: String(r.i.id),
        link: `/rectification/${r.i.id}`,
        label: r.f.summary,
        cells: {
          summary: r.f.summary,
          audit: audit.title,
          issuedOn: r.i.issuedOn,
          deadline: r.i.deadline,
          status: ITEM_STATUSES[r.i.status as keyof typeof ITEM_STATUSES] ?? r.i.status,
          closedOn: r.i.closedOn,
        },
      };
    case 'outcomes':
      return {
        id: String(r.o.id),
        link: `/audits/${audit.id}`,
        label: OUTCOME_KINDS[r.o.kind as keyof typeof OUTCOME_KINDS] ?? r.o.kind,
        weight: AMOUNT_KINDS.includes(r.o.kind) ? r.o.amountFen / 100 : r.o.count,
        cells: {
          audit: audit.title,
          kind: OUTCOME_KINDS[r.o.kind as keyof typeof OUTCOME_KINDS] ?? r.o.kind,
          amount: AMOUNT_KINDS.includes(r.o.kind) ? r.o.amountFen / 100 : null,
          count: AMOUNT_KINDS.includes(r.o.kind) ? null : r.o.count,
          achievedOn: r.o.achievedOn,
        },
      };
  }
}

async function records(scope: FigureScope, spec: Spec, page: PageRequest, group?: string) {
  const where = whereOf(scope, spec, group);
  const [{ n }] = rowsOf<{ n: number }>(
    await scope.db.execute(sql`select count(*)::int as n from ${joinsFor(spec.table)} where ${where}`),
  );
  const { q, order } = from(scope, spec.table);
  const list = await q
    .where(where)
    .orderBy(...order)
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  const ids = [...new Set(list.map((r) => r.a.subjectCadreId).filter((x): x is number => x !== null))];
  const names = ids.length
    ? new Map(
        (
          await scope.db
            .select({ id: cadres.id, name: cadres.name })
            .from(cadres)
            .where(inArray(cadres.id, ids))
        ).map((c) => [c.id, c.name]),
      )
    : new Map<number, string>();
  return {
    total: Number(n),
    items: list.map((r) =>
      recordOf(spec.table, r, r.a.subjectCadreId ? (names.get(r.a.subjectCadreId) ?? null) : null),
    ),
    groupLabel: group !== undefined && spec.dimension ? (spec.dimension.labels[group] ?? group) : undefined,
  };
}

export function auditFigures(): { source: FigureSource; figures: Figure[] } {
  const figures: Figure[] = Object.entries(SPECS).map(([name, spec]) => ({
    key: `econ_audits.${name}`,
    module: 'econ_audits',
    label: spec.label,
    unit: spec.unit,
    definition: spec.definition,
    permission: 'econ_audit.read',
    protected: true,
    kind: spec.kind,
    dimension: spec.dimension ? { key: spec.dimension.key, label: spec.dimension.label } : undefined,
    columns: COLUMNS[spec.table],
    dashboard: spec.dashboard,
    breakdowns: spec.slices ? (['month', 'org'] as Breakdown[]) : undefined,
    records: (scope, page, group) => records(scope, spec, page, group),
  }));
  figures.push({
    key: 'econ_audits.rectification_rate',
    module: 'econ_audits',
    label: '整改率',
    unit: '%',
    definition: '统计期内下发的整改事项中截至日期已销号的比例（持续整改不计为已整改）',
    permission: 'econ_audit.read',
    protected: true,
    kind: 'ratio',
    numerator: 'econ_audits.items_issued_closed',
    denominator: 'econ_audits.items_issued',
    dashboard: ['card'],
  });
  figures.push(...meetingFigureList());
  const source: FigureSource = {
    module: 'econ_audits',
    label: '经济责任审计',
    async count(scope, keys, by) {
      const out: Record<string, FigureValue> = {};
      for (const key of keys) {
        const name = key.slice('econ_audits.'.length);
        const spec = SPECS[name];
        if (spec) {
          out[key] = await figureValue(scope, spec);
          if (spec.slices && by?.length) {
            const slices: FigureValue['slices'] = {};
            for (const b of by) slices[b] = await sliceValues(scope, spec, b);
            out[key].slices = slices;
          }
        } else if ((MEETING_FIGURES as string[]).includes(name))
          out[key] = { value: await countMeetingFigure(scope, name as (typeof MEETING_FIGURES)[number]) };
      }
      return out;
    },
  };
  return { source, figures };
}
