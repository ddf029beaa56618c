import { and, asc, between, count, eq, inArray, lte, type SQL, sql } from 'drizzle-orm';
import {
  INQUIRY_CONCLUSIONS,
  type InquiryConclusion,
} from '../../../../domain/admonitions/inquiry-workflow.js';
import { lastCountedDay } from '../../../../domain/figure-period.js';
import { countSlices, type SliceColumns, sliceCondition } from '../../../platform/figures/breakdown.js';
import type {
  Breakdown,
  Figure,
  FigureScope,
  FigureSource,
  FigureValue,
  PageRequest,
} from '../../../platform/figures/registry.js';
import { orgs } from '../../../platform/orgs/schema.js';
import { cadres } from '../../cadres/schema.js';
import { visibleTo } from '../access.js';
import { inquiries } from '../schema.js';

/**
 * 函询 figures, as of a date: sent in the period, answered on time (by the as-of day, on or before
 * the reply's last day), concluded in the period by conclusion (了结澄清/予以提醒/诫勉/初步核实).
 */
type Name = 'sent' | 'answered_on_time' | 'concluded';

const DEFINITIONS: Record<Name, { label: string; unit: string; definition: string }> = {
  sent: { label: '发出函询', unit: '件', definition: '发函日期在统计期内（且不晚于截至日期）的函询' },
  answered_on_time: {
    label: '按期回复函询',
    unit: '件',
    definition: '统计期内发出的函询中，截至日期已回复且回复日期不晚于回复期限的',
  },
  concluded: {
    label: '函询了结',
    unit: '件',
    definition: '结论日期在统计期内（且不晚于截至日期）的函询，按结论分列',
  },
};

const subtree = (scope: FigureScope) =>
  inArray(
    inquiries.orgId,
    sql`(select ${orgs.id} from ${orgs} where ${orgs.path} like ${`${scope.org.path}%`})`,
  );

/** The date each figure's period is about, for the month and org breakdowns. */
const slicesOf = (name: Name): SliceColumns => ({
  org: inquiries.orgId,
  on: name === 'concluded' ? inquiries.concludedOn : inquiries.sentOn,
});
const BREAKDOWNS: Breakdown[] = ['month', 'org'];

function where(scope: FigureScope, name: Name, group?: string): SQL {
  const last = lastCountedDay(scope);
  const base = and(
    subtree(scope),
    visibleTo(scope.actor, inquiries.orgId, inquiries.cadreId),
    sliceCondition(scope, slicesOf(name)),
  );
  switch (name) {
    case 'sent':
      return and(base, between(inquiries.sentOn, scope.from, last))!;
    case 'answered_on_time':
      return and(
        base,
        between(inquiries.sentOn, scope.from, last),
        lte(inquiries.repliedOn, scope.asOf),
        sql`${inquiries.repliedOn} <= ${inquiries.dueOn}`,
      )!;
    case 'concluded':
      return and(
        base,
        between(inquiries.concludedOn, scope.from, last),
        group ? eq(inquiries.conclusion, group) : undefined,
      )!;
  }
}

async function countOf(scope: FigureScope, name: Name, group?: string): Promise<number> {
  const [r] = await scope.db
    .select({ n: count() })
    .from(inquiries)
    .where(where(scope, name, group));
  return Number(r.n);
}

/** One statement: the figure by month of its date or by child org. */
const slicesOfFigure = (scope: FigureScope, name: Name, by: Breakdown) =>
  countSlices(scope.db, scope, by, slicesOf(name), inquiries, where(scope, name));

async function groupsOf(scope: FigureScope) {
  const rows = await scope.db
    .select({ key: inquiries.conclusion, n: count() })
    .from(inquiries)
    .where(where(scope, 'concluded'))
    .groupBy(inquiries.conclusion);
  const by = new Map(rows.map((r) => [r.key ?? '', Number(r.n)]));
  return (Object.keys(INQUIRY_CONCLUSIONS) as InquiryConclusion[]).map((key) => ({
    key,
    label: INQUIRY_CONCLUSIONS[key],
    value: by.get(key) ?? 0,
  }));
}

async function records(scope: FigureScope, name: Name, page: PageRequest, group?: string) {
  const total = await countOf(scope, name, group);
  const rows = await scope.db
    .select({ i: inquiries, cadreName: cadres.name, orgName: orgs.name })
    .from(inquiries)
    .innerJoin(cadres, eq(cadres.id, inquiries.cadreId))
    .innerJoin(orgs, eq(orgs.id, inquiries.orgId))
    .where(where(scope, name, group))
    .orderBy(asc(inquiries.sentOn), asc(inquiries.id))
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  return {
    total,
    groupLabel: group ? INQUIRY_CONCLUSIONS[group as InquiryConclusion] : undefined,
    items: rows.map(({ i, cadreName, orgName }) => ({
      id: String(i.id),
      link: `/inquiries/${i.id}`,
      label: i.code,
      cells: {
        cadre: cadreName,
        org: orgName,
        sentOn: i.sentOn,
        dueOn: i.dueOn,
        repliedOn: i.repliedOn && i.repliedOn <= scope.asOf ? i.repliedOn : null,
        conclusion:
          i.conclusion && i.concludedOn && i.concludedOn <= scope.asOf
            ? INQUIRY_CONCLUSIONS[i.conclusion as InquiryConclusion]
            : null,
      },
    })),
  };
}

const COLUMNS = [
  { key: 'cadre', label: '姓名' },
  { key: 'org', label: '单位' },
  { key: 'sentOn', label: '发函日期' },
  { key: 'dueOn', label: '回复期限' },
  { key: 'repliedOn', label: '回复日期' },
  { key: 'conclusion', label: '结论' },
];

export function inquiryFigures(): { source: FigureSource; figures: Figure[] } {
  const names: Name[] = ['sent', 'answered_on_time', 'concluded'];
  const figures: Figure[] = names.map((name) => ({
    key: `inquiries.${name}`,
    module: 'inquiries',
    ...DEFINITIONS[name],
    permission: 'inquiry.read',
    protected: true,
    kind: 'count',
    columns: COLUMNS,
    breakdowns: BREAKDOWNS,
    ...(name === 'concluded'
      ? { dimension: { key: 'conclusion', label: '结论' }, dashboard: ['card', 'category'] as const }
      : name === 'sent'
        ? { dashboard: ['card', 'trend', 'org'] as const }
        : { dashboard: ['card'] as const }),
    records: (scope, page, group) => records(scope, name, page, group),
  })) as Figure[];
  figures.push({
    key: 'inquiries.on_time_rate',
    module: 'inquiries',
    label: '函询按期回复率',
    unit: '%',
    definition: '按期回复函询 ÷ 发出函询 × 100%',
    permission: 'inquiry.read',
    protected: false,
    kind: 'ratio',
    numerator: 'inquiries.answered_on_time',
    denominator: 'inquiries.sent',
  });
  const source: FigureSource = {
    module: 'inquiries',
    label: '函询',
    async count(scope, keys, by) {
      const out: Record<string, FigureValue> = {};
      for (const key of keys) {
        const name = key.slice('inquiries.'.length) as Name;
        if (!names.includes(name)) continue;
        out[key] =
          name === 'concluded'
            ? { value: await countOf(scope, name), groups: await groupsOf(scope) }
            : { value: await countOf(scope, name) };
        const slices: FigureValue['slices'] = {};
        for (const b of by ?? []) slices[b] = await slicesOfFigure(scope, name, b);
        if (Object.keys(slices).length) out[key].slices = slices;
      }
      return out;
    },
  };
  return { source, figures };
}
