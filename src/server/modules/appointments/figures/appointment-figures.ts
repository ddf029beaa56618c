import { and, asc, between, count, eq, inArray, lte, type SQL, sql } from 'drizzle-orm';
import { APPOINTMENT_METHODS } from '../../../../domain/appointments/workflow.js';
import { lastCountedDay } from '../../../../domain/figure-period.js';
import { countSlices, type SliceColumns, sliceCondition } from '../../../platform/figures/breakdown.js';
import type {
  Breakdown,
  Figure,
  FigureRecord,
  FigureScope,
  FigureSource,
  FigureValue,
  PageRequest,
} from '../../../platform/figures/registry.js';
import { orgs } from '../../../platform/orgs/schema.js';
import { registerRevokedAppointmentSource } from '../../accountability/figures/accountability-figures.js';
import { cadres, tenures } from '../../cadres/schema.js';
import { caseVisibility } from '../access.js';
import { appointmentCandidates as c, appointmentCases as k, appointmentObjections as o } from '../schema.js';

/**
 * 选拔任用 figures, as of a date, for the asked org's subtree and the caller's scope and recusal:
 * cases proposed (by method), people appointed (tenure start), notices published, objections
 * concluded (by outcome) and appointment decisions revoked, each dated in the period and by the
 * as-of date.
 */
type Name = 'cases' | 'appointed' | 'notices' | 'objections' | 'revoked';

const DEFS: Record<Name, { label: string; unit: string; definition: string }> = {
  cases: {
    label: '选拔任用事项',
    unit: '件',
    definition: '动议日期在统计期内（截至日期前）的选拔任用事项数；按选拔方式分组',
  },
  appointed: { label: '任职人数', unit: '人', definition: '经选拔任用程序任职、任职日期在统计期内的人数' },
  notices: { label: '任前公示', unit: '次', definition: '公示开始日期在统计期内的任前公示次数' },
  objections: {
    label: '公示期间反映问题办结',
    unit: '件',
    definition: '任前公示期间反映问题经纪检办结的件数（按人选计），按“不影响任用/影响任用”分组',
  },
  revoked: {
    label: '撤销任免决定（选拔任用）',
    unit: '名',
    definition: '撤销日期在统计期内的选拔任用任免决定所涉干部人数（其任职以撤销离任）',
  },
};

const OUTCOMES: Record<string, string> = { no_effect: '不影响任用', affects: '影响任用' };

const subtree = (scope: FigureScope) =>
  inArray(k.orgId, sql`(select ${orgs.id} from ${orgs} where ${orgs.path} like ${`${scope.org.path}%`})`);
const inPeriod = (scope: FigureScope, col: SQL) =>
  and(between(col, scope.from, lastCountedDay(scope)), lte(col, scope.asOf));
const base = (scope: FigureScope) => and(subtree(scope), caseVisibility(scope.actor));

/** The appointment decisions revoked in the period (used also by 责任追究's 撤销任免决定 figure). */
export const revokedWhere = (scope: FigureScope) =>
  and(base(scope), eq(c.status, 'revoked'), inPeriod(scope, sql`${c.revokedOn}`))!;

export async function countRevoked(scope: FigureScope): Promise<number> {
  const [x] = await scope.db
    .select({ n: count() })
    .from(c)
    .innerJoin(k, eq(k.id, c.caseId))
    .where(revokedWhere(scope));
  return Number(x.n);
}

export async function revokedRecords(scope: FigureScope, offset: number, limit: number) {
  const where = revokedWhere(scope);
  const [[{ total }], rows] = await Promise.all([
    scope.db.select({ total: count() }).from(c).innerJoin(k, eq(k.id, c.caseId)).where(where),
    scope.db
      .select({ c, k, name: cadres.name })
      .from(c)
      .innerJoin(k, eq(k.id, c.caseId))
      .innerJoin(cadres, eq(cadres.id, c.cadreId))
      .where(where)
      .orderBy(asc(c.revokedOn), asc(c.id))
      .limit(limit)
      .offset(offset),
  ]);
  return {
    total: Number(total),
    items: rows.map(
      (x): FigureRecord => ({
        id: `appointment-${x.c.id}`,
        link: `/appointments/${x.k.id}`,
        label: x.name,
        cells: {
          post: null,
          record: `${x.k.code} ${x.k.title}`,
          sanctions: '撤销任免决定',
          decidedOn: x.c.revokedOn,
        },
      }),
    ),
  };
}

/** 选拔任用事项 by month of 动议 and by child org (the slice, when one is asked). */
const CASE_SLICES: SliceColumns = { org: k.orgId, on: k.proposedOn };

/** One statement: 选拔任用事项 by month of 动议 or by child org. */
const caseSlices = (scope: FigureScope, by: Breakdown) =>
  countSlices(scope.db, scope, by, CASE_SLICES, k, whereOf(scope, 'cases'));

function whereOf(scope: FigureScope, name: Name): SQL {
  switch (name) {
    case 'cases':
      return and(base(scope), inPeriod(scope, sql`${k.proposedOn}`), sliceCondition(scope, CASE_SLICES))!;
    case 'notices':
      return and(base(scope), inPeriod(scope, sql`${k.noticeStartsOn}`))!;
    case 'appointed':
      return and(
        base(scope),
        inArray(c.status, ['appointed', 'revoked']),
        // 任职 through the system: the tenure it created; from an earlier ledger: its 任免文件's day
        sql`(exists (select 1 from ${tenures} t where t.id = ${c.tenureId} and t.start_date between ${scope.from} and ${lastCountedDay(scope)} and t.start_date <= ${scope.asOf})
          or (${c.tenureId} is null and ${k.dispatchOn} between ${scope.from} and ${lastCountedDay(scope)} and ${k.dispatchOn} <= ${scope.asOf}))`,
      )!;
    case 'objections':
      return and(base(scope), inPeriod(scope, sql`${o.concludedOn}`))!;
    case 'revoked':
      return revokedWhere(scope);
  }
}

async function countFigure(scope: FigureScope, name: Name): Promise<FigureValue> {
  const { db } = scope;
  const where = whereOf(scope, name);
  if (name === 'cases') {
    const rows = await db.select({ m: k.method, n: count() }).from(k).where(where).groupBy(k.method);
    const groups = rows.map((r) => ({
      key: r.m,
      label: APPOINTMENT_METHODS[r.m as keyof typeof APPOINTMENT_METHODS] ?? r.m,
      value: Number(r.n),
    }));
    return { value: groups.reduce((a, g) => a + g.value, 0), groups };
  }
  if (name === 'notices')
    return { value: Number((await db.select({ n: count() }).from(k).where(where))[0].n) };
  if (name === 'objections') {
    const rows = await db
      .select({ x: o.outcome, n: count() })
      .from(o)
      .innerJoin(k, eq(k.id, o.caseId))
      .where(where)
      .groupBy(o.outcome);
    const groups = rows.map((r) => ({ key: r.x, label: OUTCOMES[r.x] ?? r.x, value: Number(r.n) }));
    return { value: groups.reduce((a, g) => a + g.value, 0), groups };
  }
  const [x] = await db.select({ n: count() }).from(c).innerJoin(k, eq(k.id, c.caseId)).where(where);
  return { value: Number(x.n) };
}

async function records(scope: FigureScope, name: Name, page: PageRequest, group?: string) {
  const { db } = scope;
  const offset = (page.page - 1) * page.pageSize;
  if (name === 'cases' || name === 'notices') {
    const where = and(whereOf(scope, name), group ? eq(k.method, group) : undefined);
    const [[{ total }], rows] = await Promise.all([
      db.select({ total: count() }).from(k).where(where),
      db
        .select({ k, org: orgs.name })
        .from(k)
        .innerJoin(orgs, eq(orgs.id, k.orgId))
        .where(where)
        .orderBy(asc(k.proposedOn), asc(k.id))
        .limit(page.pageSize)
        .offset(offset),
    ]);
    return {
      total: Number(total),
      items: rows.map(
        (x): FigureRecord => ({
          id: String(x.k.id),
          link: `/appointments/${x.k.id}`,
          label: x.k.code,
          cells: {
            title: x.k.title,
            org: x.org,
            method: APPOINTMENT_METHODS[x.k.method as keyof typeof APPOINTMENT_METHODS] ?? x.k.method,
            date: name === 'cases' ? x.k.proposedOn : x.k.noticeStartsOn,
          },
        }),
      ),
    };
  }
  if (name === 'revoked') return revokedRecords(scope, offset, page.pageSize);
  const where = and(whereOf(scope, name), name === 'objections' && group ? eq(o.outcome, group) : undefined);
  const q =
    name === 'objections'
      ? db
          .select({ k, cadre: cadres.name, date: o.concludedOn, what: o.outcome })
          .from(o)
          .innerJoin(k, eq(k.id, o.caseId))
          .innerJoin(c, eq(c.id, o.candidateId))
          .innerJoin(cadres, eq(cadres.id, c.cadreId))
      : db
          .select({ k, cadre: cadres.name, date: tenures.startDate, what: sql<string>`'任职'` })
          .from(c)
          .innerJoin(k, eq(k.id, c.caseId))
          .innerJoin(cadres, eq(cadres.id, c.cadreId))
          .innerJoin(tenures, eq(tenures.id, c.tenureId));
  const counted =
    name === 'objections'
      ? db.select({ total: count() }).from(o).innerJoin(k, eq(k.id, o.caseId))
      : db.select({ total: count() }).from(c).innerJoin(k, eq(k.id, c.caseId));
  const [[{ total }], rows] = await Promise.all([
    counted.where(where),
    q.where(where).orderBy(asc(k.id)).limit(page.pageSize).offset(offset),
  ]);
  return {
    total: Number(total),
    items: rows.map(
      (x, i): FigureRecord => ({
        id: `${x.k.id}-${offset + i}`,
        link: `/appointments/${x.k.id}`,
        label: x.cadre,
        cells: {
          title: `${x.k.code} ${x.k.title}`,
          org: null,
          method: OUTCOMES[x.what] ?? x.what,
          date: x.date,
        },
      }),
    ),
  };
}

const CASE_COLUMNS = [
  { key: 'title', label: '事项' },
  { key: 'org', label: '单位' },
  { key: 'method', label: '方式/结果' },
  { key: 'date', label: '日期' },
];
const REVOKED_COLUMNS = [
  { key: 'post', label: '单位及职务' },
  { key: 'record', label: '事项' },
  { key: 'sanctions', label: '处理' },
  { key: 'decidedOn', label: '日期' },
];

export function appointmentFigures(): { source: FigureSource; figures: Figure[] } {
  // the decisions a case revokes count in 责任追究's 撤销任免决定 too (once: see the accountability figure)
  registerRevokedAppointmentSource({ count: countRevoked, records: revokedRecords });
  const names = Object.keys(DEFS) as Name[];
  const figures = names.map(
    (name): Figure =>
      ({
        key: `appointments.${name}`,
        module: 'appointments',
        ...DEFS[name],
        permission: 'appointment.read',
        protected: true,
        kind: 'count',
        ...(name === 'cases'
          ? {
              dimension: { key: 'method', label: '选拔方式' },
              breakdowns: ['month', 'org'] as const,
              dashboard: ['card', 'category', 'trend', 'org'] as const,
            }
          : name === 'objections'
            ? { dimension: { key: 'outcome', label: '办结结果' }, dashboard: ['card'] as const }
            : { dashboard: ['card'] as const }),
        columns: name === 'revoked' ? REVOKED_COLUMNS : CASE_COLUMNS,
        records: (scope, page, group) => records(scope, name, page, group),
      }) as Figure,
  );
  const source: FigureSource = {
    module: 'appointments',
    label: '选拔任用',
    async count(scope, keys, by) {
      const out: Record<string, FigureValue> = {};
      for (const key of keys) {
        const name = key.slice('appointments.'.length) as Name;
        if (!names.includes(name)) continue;
        out[key] = await countFigure(scope, name);
        if (name === 'cases' && by?.length) {
          const slices: FigureValue['slices'] = {};
          for (const b of by) slices[b] = await caseSlices(scope, b);
          out[key].slices = slices;
        }
      }
      return out;
    },
  };
  return { source, figures };
}
