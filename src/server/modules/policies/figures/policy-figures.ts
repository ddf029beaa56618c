import { and, asc, between, count, eq, gt, inArray, lte, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { lastCountedDay } from '../../../../domain/figure-period.js';
import { scopeFilter } from '../../../platform/access/scope.js';
import type {
  Figure,
  FigureColumn,
  FigureRecord,
  FigureScope,
  FigureSource,
  FigureValue,
  PageRequest,
} from '../../../platform/figures/registry.js';
import { orgs } from '../../../platform/orgs/schema.js';
import { users } from '../../../platform/users/schema.js';
import { policies, policyReadAssignments, policyReads, policyVersions } from '../schema.js';

/**
 * The policy library's figures (制度制定、修订、学习), as of a date. Keys are fixed: the annual
 * summary reads them. Policies count where their issuing org lies in the asked org's subtree and
 * the caller's scope; reading duties where the person's org (when they became due) does.
 */
type Name = 'adopted' | 'revised' | 'read_due' | 'read_done';

const DEFINITIONS: Record<Name | 'coverage', { label: string; unit: string; definition: string }> = {
  adopted: {
    label: '制度制定',
    unit: '项',
    definition:
      '首个版本的通过日期在统计期内（且不晚于截至日期）的制度数，制定单位为所选单位或其下级；其后修订或废止的仍计入',
  },
  revised: {
    label: '制度修订',
    unit: '项',
    definition:
      '第二版及以后版本的通过日期在统计期内（且不晚于截至日期）的版本数，制定单位为所选单位或其下级；一项制度修订两次计两项',
  },
  read_due: {
    label: '应学习人次',
    unit: '人次',
    definition:
      '完成期限在统计期内的制度学习安排中，截至日期已列入学习名单的（人员，学习安排）数，按人员列入时所在单位计入所选单位或其下级',
  },
  read_done: {
    label: '已学习人次',
    unit: '人次',
    definition: '应学习人次中，截至日期已确认学习（有测验的须测验合格）的人次',
  },
  coverage: {
    label: '制度学习覆盖率',
    unit: '%',
    definition: '已学习人次 ÷ 应学习人次 × 100%',
  },
};

const col = (key: string, label: string): FigureColumn => ({ key, label });
const POLICY_COLUMNS = [col('number', '文号'), col('adoptedOn', '通过日期'), col('issuingBody', '发文机关')];
const REVISION_COLUMNS = [...POLICY_COLUMNS, col('versionNo', '版本')];
const READ_COLUMNS = [
  col('person', '姓名'),
  col('org', '所在单位'),
  col('policy', '制度'),
  col('dueOn', '完成期限'),
  col('confirmedOn', '确认学习日期'),
];

const subtree = (scope: FigureScope, column: PgColumn) =>
  inArray(column, sql`(select ${orgs.id} from ${orgs} where ${orgs.path} like ${`${scope.org.path}%`})`);

function versionsWhere(scope: FigureScope, name: 'adopted' | 'revised'): SQL {
  return and(
    subtree(scope, policies.orgId),
    scopeFilter(scope.actor, policies.orgId),
    between(policyVersions.adoptedOn, scope.from, lastCountedDay(scope)),
    name === 'adopted' ? eq(policyVersions.versionNo, 1) : gt(policyVersions.versionNo, 1),
  )!;
}

function readsWhere(scope: FigureScope, name: 'read_due' | 'read_done'): SQL {
  const due = and(
    subtree(scope, policyReads.orgId),
    scopeFilter(scope.actor, policyReads.orgId, policyReads.userId),
    between(policyReadAssignments.dueOn, scope.from, scope.to),
    lte(policyReads.dueFrom, scope.asOf),
  )!;
  return name === 'read_due' ? due : and(due, lte(policyReads.confirmedOn, scope.asOf))!;
}

async function countFigure(scope: FigureScope, name: Name): Promise<number> {
  const { db } = scope;
  if (name === 'adopted' || name === 'revised') {
    const [r] = await db
      .select({ n: count() })
      .from(policyVersions)
      .innerJoin(policies, eq(policies.id, policyVersions.policyId))
      .where(versionsWhere(scope, name));
    return Number(r.n);
  }
  const [r] = await db
    .select({ n: count() })
    .from(policyReads)
    .innerJoin(policyReadAssignments, eq(policyReadAssignments.id, policyReads.assignmentId))
    .where(readsWhere(scope, name));
  return Number(r.n);
}

async function records(
  scope: FigureScope,
  name: Name,
  page: PageRequest,
): Promise<{ items: FigureRecord[]; total: number }> {
  const { db } = scope;
  const offset = (page.page - 1) * page.pageSize;
  const total = await countFigure(scope, name);
  if (name === 'adopted' || name === 'revised') {
    const rows = await db
      .select({ v: policyVersions, p: policies })
      .from(policyVersions)
      .innerJoin(policies, eq(policies.id, policyVersions.policyId))
      .where(versionsWhere(scope, name))
      .orderBy(asc(policyVersions.adoptedOn), asc(policyVersions.id))
      .limit(page.pageSize)
      .offset(offset);
    return {
      total,
      items: rows.map(({ v, p }) => ({
        id: String(name === 'adopted' ? p.id : v.id),
        link: `/policies/${p.id}`,
        label: `《${p.title}》`,
        cells: {
          number: p.number,
          adoptedOn: v.adoptedOn,
          issuingBody: p.issuingBody,
          ...(name === 'revised' ? { versionNo: `第 ${v.versionNo} 版` } : {}),
        },
      })),
    };
  }
  const rows = await db
    .select({
      id: policyReads.id,
      person: users.displayName,
      org: orgs.name,
      policyId: policies.id,
      title: policies.title,
      dueOn: policyReadAssignments.dueOn,
      confirmedOn: policyReads.confirmedOn,
    })
    .from(policyReads)
    .innerJoin(policyReadAssignments, eq(policyReadAssignments.id, policyReads.assignmentId))
    .innerJoin(policies, eq(policies.id, policyReadAssignments.policyId))
    .innerJoin(users, eq(users.id, policyReads.userId))
    .innerJoin(orgs, eq(orgs.id, policyReads.orgId))
    .where(readsWhere(scope, name))
    .orderBy(asc(orgs.path), asc(users.displayName), asc(policyReads.id))
    .limit(page.pageSize)
    .offset(offset);
  return {
    total,
    items: rows.map((r) => ({
      id: String(r.id),
      link: `/policies/${r.policyId}`,
      label: r.person,
      cells: {
        person: r.person,
        org: r.org,
        policy: `《${r.title}》`,
        dueOn: r.dueOn,
        // as it stood on the as-of date
        confirmedOn: r.confirmedOn && r.confirmedOn <= scope.asOf ? r.confirmedOn : null,
      },
    })),
  };
}

export function policyFigures(): { source: FigureSource; figures: Figure[] } {
  const names: Name[] = ['adopted', 'revised', 'read_due', 'read_done'];
  const figures: Figure[] = names.map(
    (name): Figure => ({
      key: `policies.${name}`,
      module: 'policies',
      ...DEFINITIONS[name],
      permission: 'policy.manage',
      protected: name === 'read_due' || name === 'read_done',
      kind: 'count',
      dashboard: ['card'],
      columns: name === 'revised' ? REVISION_COLUMNS : name === 'adopted' ? POLICY_COLUMNS : READ_COLUMNS,
      records: (scope, page) => records(scope, name, page),
    }),
  );
  figures.push({
    key: 'policies.coverage',
    module: 'policies',
    ...DEFINITIONS.coverage,
    permission: 'policy.manage',
    protected: false,
    kind: 'ratio',
    dashboard: ['card'],
    numerator: 'policies.read_done',
    denominator: 'policies.read_due',
  });
  const source: FigureSource = {
    module: 'policies',
    label: '制度汇编',
    async count(scope, keys) {
      const out: Record<string, FigureValue> = {};
      for (const key of keys) {
        const name = key.slice('policies.'.length) as Name;
        if (names.includes(name)) out[key] = { value: await countFigure(scope, name) };
      }
      return out;
    },
  };
  return { source, figures };
}
