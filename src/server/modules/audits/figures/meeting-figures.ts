import { and, asc, between, count, eq, inArray, lte, type SQL, sql } from 'drizzle-orm';
import { lastCountedDay } from '../../../../domain/figure-period.js';
import { scopeFilter } from '../../../platform/access/scope.js';
import type { Figure, FigureScope, PageRequest } from '../../../platform/figures/registry.js';
import { orgs } from '../../../platform/orgs/schema.js';
import { DECISION_ROLES } from '../meetings.js';
import { meetingDecisions as d, jointMeetings as m } from '../schema.js';

/**
 * 联席会议 figures: meetings held in the period, their decisions due in the period, and those done on
 * time (by their due day, and by the as-of day). Counted in the asked org's subtree within the
 * caller's scope; the drill-down lists the same rows.
 */
type Name = 'meetings' | 'decisions' | 'decisions_on_time';

const subtree = (scope: FigureScope) =>
  and(
    inArray(m.orgId, sql`(select ${orgs.id} from ${orgs} where ${orgs.path} like ${`${scope.org.path}%`})`),
    scopeFilter(scope.actor, m.orgId),
  );

function where(scope: FigureScope, name: Name): SQL {
  const last = lastCountedDay(scope);
  switch (name) {
    case 'meetings':
      return and(subtree(scope), between(m.heldOn, scope.from, last))!;
    case 'decisions':
      return and(subtree(scope), between(d.dueOn, scope.from, scope.to), lte(m.heldOn, scope.asOf))!;
    case 'decisions_on_time':
      return and(
        subtree(scope),
        between(d.dueOn, scope.from, scope.to),
        lte(m.heldOn, scope.asOf),
        lte(d.doneOn, d.dueOn),
        lte(d.doneOn, scope.asOf),
      )!;
  }
}

export async function countMeetingFigure(scope: FigureScope, name: Name): Promise<number> {
  const q =
    name === 'meetings'
      ? scope.db.select({ n: count() }).from(m).where(where(scope, name))
      : scope.db.select({ n: count() }).from(d).innerJoin(m, eq(m.id, d.meetingId)).where(where(scope, name));
  const [r] = await q;
  return Number(r.n);
}

async function records(scope: FigureScope, name: Name, page: PageRequest) {
  const total = await countMeetingFigure(scope, name);
  const offset = (page.page - 1) * page.pageSize;
  if (name === 'meetings') {
    const rows = await scope.db
      .select()
      .from(m)
      .where(where(scope, name))
      .orderBy(asc(m.heldOn), asc(m.id))
      .limit(page.pageSize)
      .offset(offset);
    return {
      total,
      items: rows.map((r) => ({
        id: String(r.id),
        link: `/audit-meetings/${r.id}`,
        label: r.title,
        cells: { title: r.title, heldOn: r.heldOn, content: null, assignee: null, dueOn: null, doneOn: null },
      })),
    };
  }
  const rows = await scope.db
    .select({ d, title: m.title, heldOn: m.heldOn })
    .from(d)
    .innerJoin(m, eq(m.id, d.meetingId))
    .where(where(scope, name))
    .orderBy(asc(d.dueOn), asc(d.id))
    .limit(page.pageSize)
    .offset(offset);
  return {
    total,
    items: rows.map((r) => ({
      id: String(r.d.id),
      link: `/audit-meetings/${r.d.meetingId}`,
      label: r.d.content,
      cells: {
        title: r.title,
        heldOn: r.heldOn,
        content: r.d.content,
        assignee: DECISION_ROLES[r.d.assigneeRole] ?? r.d.assigneeRole,
        dueOn: r.d.dueOn,
        doneOn: r.d.doneOn,
      },
    })),
  };
}

const COLUMNS = [
  { key: 'title', label: '会议' },
  { key: 'heldOn', label: '会议日期' },
  { key: 'content', label: '决定事项' },
  { key: 'assignee', label: '承办' },
  { key: 'dueOn', label: '办理时限' },
  { key: 'doneOn', label: '办结日期' },
];

const DEFINITIONS: Record<Name, { label: string; unit: string; definition: string }> = {
  meetings: {
    label: '召开审计联席会议',
    unit: '次',
    definition: '会议日期在统计期内（且不晚于截至日期）的联席会议',
  },
  decisions: { label: '联席会议决定事项', unit: '项', definition: '办理时限在统计期内的联席会议决定事项' },
  decisions_on_time: {
    label: '联席会议决定按期办结',
    unit: '项',
    definition: '办理时限在统计期内、截至日期已在时限内办结的联席会议决定事项',
  },
};

export const MEETING_FIGURES: Name[] = ['meetings', 'decisions', 'decisions_on_time'];

export function meetingFigureList(): Figure[] {
  const list: Figure[] = MEETING_FIGURES.map((name) => ({
    key: `econ_audits.${name}`,
    module: 'econ_audits',
    ...DEFINITIONS[name],
    permission: 'econ_audit.read',
    protected: true,
    kind: 'count',
    columns: COLUMNS,
    dashboard: name === 'meetings' ? ['card'] : undefined,
    records: (scope, page) => records(scope, name, page),
  }));
  list.push({
    key: 'econ_audits.decision_on_time_rate',
    module: 'econ_audits',
    label: '联席会议决定按期办结率',
    unit: '%',
    definition: '办理时限在统计期内的联席会议决定中按期办结的比例',
    permission: 'econ_audit.read',
    protected: true,
    kind: 'ratio',
    numerator: 'econ_audits.decisions_on_time',
    denominator: 'econ_audits.decisions',
  });
  return list;
}
