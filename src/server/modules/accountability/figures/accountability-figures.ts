import { and, asc, between, count, countDistinct, eq, inArray, lte, type SQL, sql } from 'drizzle-orm';
import {
  RECORD_KINDS,
  SANCTION_FAMILIES,
  type SanctionFamily,
  sanctionFamily,
} from '../../../../domain/accountability/kinds.js';
import { lastCountedDay } from '../../../../domain/figure-period.js';
import { countSlices, type SliceColumns, sliceCondition } from '../../../platform/figures/breakdown.js';
import type {
  Breakdown,
  Figure,
  FigureColumn,
  FigureRecord,
  FigureScope,
  FigureSource,
  FigureValue,
  PageRequest,
} from '../../../platform/figures/registry.js';
import { orgs } from '../../../platform/orgs/schema.js';
import { recordVisibility } from '../access.js';
import { accountabilityLabels } from '../labels.js';
import {
  accountabilityPersons as p,
  accountabilityRecords as r,
  accountabilitySanctions as s,
} from '../schema.js';

/**
 * The accountability figures (责任追究), as of a date: records decided in the period and in force by
 * the as-of date, in the asked org's subtree and the caller's scope, none about a cadre the caller
 * must recuse from; a sanction counts when it was in force on the as-of date (one changed on appeal
 * after that date counts as it was; its replacement counts from the change).
 */
/**
 * 撤销任免决定 carried out by another module (the appointments module revokes a selection case's
 * decisions itself and proposes accountability for the people responsible): counted with the
 * sanctions in `revoked_appointments`. A revocation is made once — by a sanction or by the case — so
 * the two never count the same tenure.
 */
export interface RevokedAppointmentSource {
  count(scope: FigureScope): Promise<number>;
  records(
    scope: FigureScope,
    offset: number,
    limit: number,
  ): Promise<{ total: number; items: FigureRecord[] }>;
}
let revokedElsewhere: RevokedAppointmentSource | null = null;
export function registerRevokedAppointmentSource(s: RevokedAppointmentSource): void {
  revokedElsewhere = s;
}

type Name =
  | 'records'
  | 'people'
  | 'sanctions'
  | 'criticised_reviewed'
  | 'revoked_appointments'
  | 'work_error_disciplined'
  | 'work_errors';

const DEFINITIONS: Record<Name, { label: string; unit: string; definition: string }> = {
  records: {
    label: '责任追究事项',
    unit: '件',
    definition:
      '决定日期在统计期内、截至日期已确认生效的责任追究事项数，单位为所选单位或其下级；按追究类型分组',
  },
  people: {
    label: '被追究人数',
    unit: '人',
    definition:
      '按“责任追究事项”口径计入的事项中，截至日期至少有一项处理有效的被追究人数（名册内干部和名册外人员）',
  },
  sanctions: {
    label: '处理人次',
    unit: '人次',
    definition:
      '按“责任追究事项”口径计入的事项中，截至日期有效的处理数（经申诉、复查变更或撤销的，按截至日期时的处理计）；按处理类别分组',
  },
  criticised_reviewed: {
    label: '失察责任人点名批评并作检讨',
    unit: '名',
    definition: '选人用人失察、考察失误事项中截至日期受到点名批评并作书面检讨或上台检讨的人数',
  },
  revoked_appointments: {
    label: '撤销任免决定',
    unit: '名',
    definition:
      '截至日期有效的“撤销任免决定”处理所涉干部人数，加上选拔任用中撤销日期在统计期内的任免决定所涉干部人数（其任职以撤销离任；同一任职只计一次）',
  },
  work_error_disciplined: {
    label: '因工作失误受党政纪处分',
    unit: '名',
    definition: '工作失误事项中截至日期受到党纪处分或政务处分的人数',
  },
  work_errors: {
    label: '给予党政纪处分的工作失误事项',
    unit: '件',
    definition: '工作失误事项中截至日期有人受到党纪处分或政务处分的事项数；列出的名称为其工作失误类别',
  },
};

const col = (key: string, label: string): FigureColumn => ({ key, label });
const RECORD_COLUMNS = [
  col('kind', '追究类型'),
  col('org', '单位'),
  col('decidedOn', '决定日期'),
  col('persons', '被追究人'),
];
const PERSON_COLUMNS = [
  col('post', '单位及职务'),
  col('record', '追究事项'),
  col('sanctions', '处理'),
  col('decidedOn', '决定日期'),
];
const SANCTION_COLUMNS = [
  col('sanction', '处理'),
  col('effectiveFrom', '生效日期'),
  col('record', '追究事项'),
  col('org', '单位'),
];

const subtree = (scope: FigureScope) =>
  inArray(r.orgId, sql`(select ${orgs.id} from ${orgs} where ${orgs.path} like ${`${scope.org.path}%`})`);

/** 责任追究事项 by month of its 决定日期 and by child org (the slice, when one is asked). */
const RECORD_SLICES: SliceColumns = { org: r.orgId, on: r.decidedOn };

/** The records counted: decided in the period, in force by the as-of date, seen by the caller. */
function recordsWhere(scope: FigureScope): SQL {
  return and(
    subtree(scope),
    recordVisibility(scope.actor),
    eq(r.status, 'in_force'),
    lte(r.closedOn, scope.asOf),
    between(r.decidedOn, scope.from, lastCountedDay(scope)),
    sliceCondition(scope, RECORD_SLICES),
  )!;
}

/** One statement: 责任追究事项 by month of decision or by child org. */
const recordSlices = (scope: FigureScope, by: Breakdown) =>
  countSlices(scope.db, scope, by, RECORD_SLICES, r, recordsWhere(scope));

/** A sanction row (alias x) in force on the as-of date. */
function inForceOn(asOf: string, x = 'x'): SQL {
  const a = sql.raw(x);
  return sql`${a}.effective_from <= ${asOf} and (${a}.ended_on is null or ${a}.ended_on > ${asOf})
    and (${a}.replaces_id is null or exists (select 1 from accountability_sanctions o where o.id = ${a}.replaces_id and o.ended_on <= ${asOf}))`;
}

/** The persons (alias of p) having a sanction in force whose kind matches `kinds` (SQL on x.kind). */
const personHas = (scope: FigureScope, kinds: string) =>
  sql`exists (select 1 from accountability_sanctions x where x.person_id = ${p.id} and ${inForceOn(scope.asOf)} and ${sql.raw(kinds)})`;

const KIND_IN = (codes: string[]) => `x.kind in (${codes.map((c) => `'${c}'`).join(', ')})`;
const DISCIPLINE = `(x.kind like 'party\\_%' or x.kind like 'government\\_%')`;

function personWhere(scope: FigureScope, name: Name): SQL {
  const base = recordsWhere(scope);
  switch (name) {
    case 'criticised_reviewed':
      return and(
        base,
        inArray(r.kind, ['selection_oversight', 'inspection_error']),
        personHas(scope, KIND_IN(['criticism'])),
        personHas(scope, KIND_IN(['public_review', 'written_review'])),
      )!;
    case 'revoked_appointments':
      return and(base, personHas(scope, KIND_IN(['revoke_appointment'])))!;
    case 'work_error_disciplined':
      return and(base, eq(r.kind, 'work_error'), personHas(scope, DISCIPLINE))!;
    default:
      return and(base, personHas(scope, 'true'))!;
  }
}

const sanctionWhere = (scope: FigureScope) =>
  and(recordsWhere(scope), sql`${inForceOn(scope.asOf, 'accountability_sanctions')}`)!;

const workErrorsWhere = (scope: FigureScope) =>
  and(
    recordsWhere(scope),
    eq(r.kind, 'work_error'),
    sql`exists (select 1 from accountability_persons pp join accountability_sanctions x on x.person_id = pp.id
      where pp.record_id = ${r.id} and ${inForceOn(scope.asOf)} and ${sql.raw(DISCIPLINE)})`,
  )!;

async function countFigure(scope: FigureScope, name: Name): Promise<FigureValue> {
  const { db } = scope;
  if (name === 'records') {
    const rows = await db
      .select({ kind: r.kind, n: count() })
      .from(r)
      .where(recordsWhere(scope))
      .groupBy(r.kind);
    const groups = rows.map((x) => ({
      key: x.kind,
      label: RECORD_KINDS[x.kind as keyof typeof RECORD_KINDS] ?? x.kind,
      value: Number(x.n),
    }));
    return { value: groups.reduce((a, g) => a + g.value, 0), groups };
  }
  if (name === 'work_errors') {
    const [x] = await db.select({ n: count() }).from(r).where(workErrorsWhere(scope));
    return { value: Number(x.n) };
  }
  if (name === 'sanctions') {
    const rows = await db
      .select({ kind: s.kind, n: count() })
      .from(s)
      .innerJoin(r, eq(r.id, s.recordId))
      .where(sanctionWhere(scope))
      .groupBy(s.kind);
    const byFamily = new Map<SanctionFamily, number>();
    for (const x of rows)
      byFamily.set(sanctionFamily(x.kind), (byFamily.get(sanctionFamily(x.kind)) ?? 0) + Number(x.n));
    const groups = [...byFamily].map(([key, value]) => ({ key, label: SANCTION_FAMILIES[key], value }));
    return { value: groups.reduce((a, g) => a + g.value, 0), groups };
  }
  const [x] = await db
    .select({ n: countDistinct(p.id) })
    .from(p)
    .innerJoin(r, eq(r.id, p.recordId))
    .where(personWhere(scope, name));
  const elsewhere =
    name === 'revoked_appointments' && revokedElsewhere ? await revokedElsewhere.count(scope) : 0;
  return { value: Number(x.n) + elsewhere };
}

async function records(scope: FigureScope, name: Name, page: PageRequest, group?: string) {
  const { db } = scope;
  const offset = (page.page - 1) * page.pageSize;
  const labels = await accountabilityLabels(db);
  if (name === 'records' || name === 'work_errors') {
    const where =
      name === 'records'
        ? and(recordsWhere(scope), group ? eq(r.kind, group) : undefined)
        : workErrorsWhere(scope);
    const [[{ total }], rows] = await Promise.all([
      db.select({ total: count() }).from(r).where(where),
      db
        .select({ r, org: orgs.name })
        .from(r)
        .innerJoin(orgs, eq(orgs.id, r.orgId))
        .where(where)
        .orderBy(asc(r.decidedOn), asc(r.id))
        .limit(page.pageSize)
        .offset(offset),
    ]);
    const people = rows.length
      ? await db
          .select()
          .from(p)
          .where(
            inArray(
              p.recordId,
              rows.map((x) => x.r.id),
            ),
          )
          .orderBy(asc(p.sort), asc(p.id))
      : [];
    return {
      total: Number(total),
      ...(group ? { groupLabel: RECORD_KINDS[group as keyof typeof RECORD_KINDS] ?? group } : {}),
      items: rows.map(
        (x): FigureRecord => ({
          id: String(x.r.id),
          link: `/accountability/${x.r.id}`,
          label: name === 'work_errors' ? (labels.category(x.r.category) ?? x.r.title) : x.r.title,
          cells: {
            kind: `${RECORD_KINDS[x.r.kind as keyof typeof RECORD_KINDS] ?? x.r.kind}${x.r.category ? `（${labels.category(x.r.category)}）` : ''}`,
            org: x.org,
            decidedOn: x.r.decidedOn,
            persons: people
              .filter((q) => q.recordId === x.r.id)
              .map((q) => q.name)
              .join('、'),
          },
        }),
      ),
    };
  }
  if (name === 'sanctions') {
    const kinds = group
      ? Object.keys(
          Object.fromEntries((await db.selectDistinct({ k: s.kind }).from(s)).map((x) => [x.k, 1])),
        ).filter((k) => sanctionFamily(k) === group)
      : null;
    const where = and(
      sanctionWhere(scope),
      kinds ? (kinds.length ? inArray(s.kind, kinds) : sql`false`) : undefined,
    );
    const [[{ total }], rows] = await Promise.all([
      db.select({ total: count() }).from(s).innerJoin(r, eq(r.id, s.recordId)).where(where),
      db
        .select({ s, r, person: p.name, org: orgs.name })
        .from(s)
        .innerJoin(r, eq(r.id, s.recordId))
        .innerJoin(p, eq(p.id, s.personId))
        .innerJoin(orgs, eq(orgs.id, r.orgId))
        .where(where)
        .orderBy(asc(s.effectiveFrom), asc(s.id))
        .limit(page.pageSize)
        .offset(offset),
    ]);
    return {
      total: Number(total),
      ...(group ? { groupLabel: SANCTION_FAMILIES[group as SanctionFamily] ?? group } : {}),
      items: rows.map(
        (x): FigureRecord => ({
          id: String(x.s.id),
          link: `/accountability/${x.r.id}`,
          label: x.person,
          cells: {
            sanction: labels.kind(x.s.kind),
            effectiveFrom: x.s.effectiveFrom,
            record: x.r.title,
            org: x.org,
          },
        }),
      ),
    };
  }
  const where = personWhere(scope, name);
  const [[{ total }], rows] = await Promise.all([
    db
      .select({ total: countDistinct(p.id) })
      .from(p)
      .innerJoin(r, eq(r.id, p.recordId))
      .where(where),
    db
      .select({ p, r })
      .from(p)
      .innerJoin(r, eq(r.id, p.recordId))
      .where(where)
      .orderBy(asc(r.decidedOn), asc(p.recordId), asc(p.sort), asc(p.id))
      .limit(page.pageSize)
      .offset(offset),
  ]);
  if (name === 'revoked_appointments' && revokedElsewhere) {
    // the sanctions' persons first, then the revocations carried out by selection cases
    const own = Number(total);
    const rest = await revokedElsewhere.records(
      scope,
      Math.max(0, offset - own),
      page.pageSize - rows.length,
    );
    const mine = await personItems(db, scope, rows, labels);
    return { total: own + rest.total, items: [...mine, ...(rows.length < page.pageSize ? rest.items : [])] };
  }
  return { total: Number(total), items: await personItems(db, scope, rows, labels) };
}

async function personItems(
  db: FigureScope['db'],
  scope: FigureScope,
  rows: { p: typeof p.$inferSelect; r: typeof r.$inferSelect }[],
  labels: Awaited<ReturnType<typeof accountabilityLabels>>,
): Promise<FigureRecord[]> {
  const sanctions = rows.length
    ? await db
        .select()
        .from(s)
        .where(
          and(
            inArray(
              s.personId,
              rows.map((x) => x.p.id),
            ),
            sql`${inForceOn(scope.asOf, 'accountability_sanctions')}`,
          ),
        )
    : [];
  return rows.map(
    (x): FigureRecord => ({
      id: String(x.p.id),
      link: `/accountability/${x.r.id}`,
      label: x.p.name,
      cells: {
        post: x.p.post,
        record: x.r.title,
        sanctions: sanctions
          .filter((y) => y.personId === x.p.id)
          .map((y) => labels.kind(y.kind))
          .join('、'),
        decidedOn: x.r.decidedOn,
      },
    }),
  );
}

export function accountabilityFigures(): { source: FigureSource; figures: Figure[] } {
  const names = Object.keys(DEFINITIONS) as Name[];
  const figures: Figure[] = names.map(
    (name): Figure =>
      ({
        key: `accountability.${name}`,
        module: 'accountability',
        ...DEFINITIONS[name],
        permission: 'accountability.read',
        protected: true,
        kind: 'count',
        ...(name === 'records'
          ? {
              dimension: { key: 'kind', label: '追究类型' },
              breakdowns: ['month', 'org'] as const,
              dashboard: ['card', 'category', 'trend', 'org'] as const,
            }
          : name === 'sanctions'
            ? { dimension: { key: 'family', label: '处理类别' }, dashboard: ['card', 'category'] as const }
            : name === 'people'
              ? { dashboard: ['card'] as const }
              : {}),
        columns:
          name === 'records' || name === 'work_errors'
            ? RECORD_COLUMNS
            : name === 'sanctions'
              ? SANCTION_COLUMNS
              : PERSON_COLUMNS,
        records: (scope, page, group) => records(scope, name, page, group),
      }) as Figure,
  );
  const source: FigureSource = {
    module: 'accountability',
    label: '责任追究',
    async count(scope, keys, by) {
      const out: Record<string, FigureValue> = {};
      for (const key of keys) {
        const name = key.slice('accountability.'.length) as Name;
        if (!names.includes(name)) continue;
        out[key] = await countFigure(scope, name);
        if (name === 'records' && by?.length) {
          const slices: FigureValue['slices'] = {};
          for (const b of by) slices[b] = await recordSlices(scope, b);
          out[key].slices = slices;
        }
      }
      return out;
    },
  };
  return { source, figures };
}
