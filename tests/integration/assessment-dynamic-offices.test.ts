import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamicRoundLines } from '../../src/server/modules/assessments/schema.js';
import { todos } from '../../src/server/platform/todos/schema.js';
import { call, makeOrg, makeUser, type Session, signIn } from '../support/factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * 动态考核 by the offices that supply the data (数据提供单位), and its figures as of a day.
 * 甲镇 has two offices, 组织办 and 财政所, and two villages assessed; 乙镇 is another township.
 * The clock starts on 2026-03-02 (China).
 */
let t: TestApp;
const s: Record<string, Session> = {};
let town: number;
let east: number;
let west: number;
const api = (who: string, method: string, url: string, body?: unknown) => call(t, s[who], method, url, body);
const DAY = 86_400_000;
const YEAR = 'from=2026-01-01&to=2026-12-31';
const later = async (ms: number) => {
  t.clock.advance(ms);
  for (const key of Object.keys(s)) s[key] = await signIn(t, `do_${key}`);
};

beforeAll(async () => {
  t = await createTestApp();
  town = (await makeOrg(t.ctx, '甲镇')).id;
  const zzb = (await makeOrg(t.ctx, '组织办', town, 'department')).id;
  const czs = (await makeOrg(t.ctx, '财政所', town, 'department')).id;
  east = (await makeOrg(t.ctx, '东村', town, 'village')).id;
  west = (await makeOrg(t.ctx, '西村', town, 'village')).id;
  const other = (await makeOrg(t.ctx, '乙镇')).id;
  for (const [key, orgId, roles] of [
    ['org', town, ['org_officer']],
    ['zz', zzb, ['unit_head']],
    ['cz', czs, ['unit_head']],
    ['eastHead', east, ['unit_head']],
    ['otherOrg', other, ['org_officer']],
  ] as const) {
    await makeUser(t.ctx, { orgId, roles: [...roles], username: `do_${key}` });
    s[key] = await signIn(t, `do_${key}`);
  }
}, 120_000);
afterAll(async () => t?.app.close());

const ITEMS = [
  { key: 'A', name: '党建工作', kind: 'score', weight: 60, maxPoints: 60, supplier: '组织办' },
  { key: 'B', name: '财税任务', kind: 'score', weight: 30, maxPoints: 30, supplier: '财政所' },
  // no office of that name: the organisers score it
  { key: 'C', name: '综治工作', kind: 'score', weight: 10, maxPoints: 10, supplier: '综治中心' },
];

async function startRound(period: string, deadlines: Record<string, string>) {
  const sys = await api('org', 'POST', '/api/v1/assessments/indicator-systems', {
    orgId: town,
    year: 2026,
    kind: 'unit',
    title: `村级动态考核 ${period}`,
    items: ITEMS,
    bonusCap: 3,
    deductionCap: 10,
  });
  expect(sys.statusCode, sys.body).toBe(200);
  const created = await api('org', 'POST', '/api/v1/assessments/dynamic-rounds', {
    systemId: sys.json().id,
    cadence: 'monthly',
    period,
    subjectOrgIds: [east, west],
    deadlines,
  });
  expect(created.statusCode, created.body).toBe(200);
  return created.json().id as number;
}
const url = (id: number) => `/api/v1/assessments/dynamic-rounds/${id}`;
const version = async (id: number) => (await api('org', 'GET', url(id))).json().version as number;
const advance = async (id: number) => {
  const res = await api('org', 'POST', `${url(id)}/advance`, { version: await version(id) });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().stage as string;
};
const score = async (who: string, id: number, subjectOrgId: number, lines: unknown[]) =>
  api(who, 'POST', `${url(id)}/lines`, { subjectOrgId, version: await version(id), lines });
const lineCount = async (id: number) =>
  Number(
    (
      await t.ctx.db.select({ n: count() }).from(dynamicRoundLines).where(eq(dynamicRoundLines.roundId, id))
    )[0].n,
  );

let first: number;

describe('科室评分 by the office that supplies the data', () => {
  it('lets each office score only its own items; another office, the organisers and another org are refused', async () => {
    first = await startRound('2026-01', { self: '2026-02-05', scoring: '2026-02-10', review: '2026-03-10' });
    expect(await advance(first)).toBe('scoring');
    // each supplying office's head has the 科室评分 to-do
    const officeTodos = await t.ctx.db
      .select()
      .from(todos)
      .where(and(eq(todos.recordType, 'dynamic_round_office'), eq(todos.recordId, String(first))));
    expect(officeTodos.map((x) => [x.assigneeRole, x.dueOn, x.status])).toEqual([
      ['unit_head', '2026-02-10', 'open'],
      ['unit_head', '2026-02-10', 'open'],
    ]);

    // 财政所 finds the round in its list, sees every unit, and may score its own item only
    const listed = (await api('cz', 'GET', '/api/v1/assessments/dynamic-rounds')).json().items;
    expect(listed.map((x: { id: number }) => x.id)).toEqual([first]);
    expect((await api('eastHead', 'GET', '/api/v1/assessments/dynamic-rounds')).json().items).toHaveLength(1);
    const seen = await api('cz', 'GET', url(first));
    expect(seen.statusCode, seen.body).toBe(200);
    expect(seen.json().units.map((u: { name: string }) => u.name)).toEqual(['东村', '西村']);
    expect(seen.json().canScore).toBe(true);
    expect(seen.json().items.map((i: any) => [i.key, i.byOffice, i.scorable])).toEqual([
      ['A', true, false],
      ['B', true, true],
      ['C', false, false],
    ]);

    // adversaries: another office, the organisers themselves, another township's officer, a unit
    const notTheirs = await score('cz', first, east, [{ itemKey: 'A', points: 50 }]);
    expect(notTheirs.statusCode).toBe(403);
    expect(notTheirs.json().error.message).toBe(
      '“党建工作”由数据提供单位“组织办”评分，您不属于该单位，不能评分',
    );
    // one item not theirs refuses the whole submission: nothing written
    const mixed = await score('cz', first, east, [
      { itemKey: 'B', points: 28 },
      { itemKey: 'C', points: 9 },
    ]);
    expect(mixed.statusCode).toBe(403);
    expect(mixed.json().error.message).toBe('“综治工作”由考核办评分，您所在单位不能评分');
    const organiser = await score('org', first, east, [{ itemKey: 'B', points: 28 }]);
    expect(organiser.statusCode).toBe(403);
    expect(organiser.json().error.message).toBe(
      '“财税任务”由数据提供单位“财政所”评分，您不属于该单位，不能评分',
    );
    const otherOrg = await api('otherOrg', 'POST', `${url(first)}/lines`, {
      subjectOrgId: east,
      version: await version(first),
      lines: [{ itemKey: 'A', points: 50 }],
    });
    expect(otherOrg.statusCode).toBe(404);
    expect((await api('otherOrg', 'GET', url(first))).statusCode).toBe(404);
    const unit = await score('eastHead', first, east, [{ itemKey: 'A', points: 60 }]);
    expect(unit.statusCode).toBe(403);
    expect(unit.json().error.message).toBe('当前阶段为“科室评分”，由考核办和数据提供单位评分，单位不能填报');
    expect(await lineCount(first)).toBe(0);

    // each scores its own: 组织办 A, 财政所 B, the organisers C; then review
    for (const unitId of [east, west]) {
      expect(
        (await score('zz', first, unitId, [{ itemKey: 'A', points: 55, evidence: '党建台账' }])).statusCode,
      ).toBe(200);
      expect((await score('cz', first, unitId, [{ itemKey: 'B', points: 27 }])).statusCode).toBe(200);
      expect((await score('org', first, unitId, [{ itemKey: 'C', points: 8 }])).statusCode).toBe(200);
    }
    // each office is done with its to-do once it has scored its items for every unit; the organisers' stays
    const afterScoring = await t.ctx.db
      .select()
      .from(todos)
      .where(and(eq(todos.recordId, String(first)), eq(todos.status, 'open')));
    expect(afterScoring.map((x) => x.recordType)).toEqual(['dynamic_round']);
    // an office sees its own items' lines, not the others'
    const czLines = (await api('cz', 'GET', url(first))).json().lines;
    expect(new Set(czLines.map((l: { itemKey: string }) => l.itemKey))).toEqual(new Set(['B']));
    expect(await advance(first)).toBe('review');
    // 复核 is the organisers' alone
    const review = await score('cz', first, east, [{ itemKey: 'B', points: 30 }]);
    expect(review.statusCode).toBe(403);
    expect(review.json().error.message).toBe('当前阶段为“复核”，由考核办复核，单位不能填报');
    const done = await t.ctx.db
      .select()
      .from(todos)
      .where(and(eq(todos.recordType, 'dynamic_round_office'), eq(todos.recordId, String(first))));
    expect(done.map((x) => x.status)).toEqual(['done', 'done']);
  });
});

async function figures(asOf: string) {
  const res = await api(
    'org',
    'GET',
    `/api/v1/figures?module=assessments&orgId=${town}&${YEAR}&asOf=${asOf}`,
  );
  expect(res.statusCode, res.body).toBe(200);
  const all = res.json().figures as {
    key: string;
    value: number | null;
    groups?: { label: string; value: number }[];
  }[];
  return Object.fromEntries(
    all.filter((f) => f.key.includes('.dynamic_')).map((f) => [f.key.slice('assessments.'.length), f.value]),
  );
}

describe('动态考核 figures, as of a day', () => {
  it('counts rounds published, their points and average rate, and units overdue in 科室评分 and in 自评 as they stood that day', async () => {
    // a February round, its 科室评分 due on 5 March; 组织办 scores 东村 only
    const second = await startRound('2026-02', {
      self: '2026-03-03',
      scoring: '2026-03-05',
      review: '2026-03-20',
    });
    // 东村 gives its 自评 on time, 西村 none
    const self = await score('eastHead', second, east, [
      { itemKey: 'A', points: 58 },
      { itemKey: 'B', points: 30 },
      { itemKey: 'C', points: 10 },
    ]);
    expect(self.statusCode, self.body).toBe(200);
    expect(await advance(second)).toBe('scoring');
    await score('zz', second, east, [{ itemKey: 'A', points: 50 }]);
    for (const unitId of [east, west]) {
      await score('cz', second, unitId, [{ itemKey: 'B', points: 25 }]);
      await score('org', second, unitId, [{ itemKey: 'C', points: 10 }]);
    }
    // 8 March: 西村's 党建工作 is late; January's round is published
    await later(6 * DAY);
    expect(await advance(first)).toBe('published');
    expect(await figures('2026-03-08')).toEqual({
      dynamic_published: 1,
      dynamic_points: 180,
      dynamic_full: 200,
      dynamic_overdue: 1,
      dynamic_self_overdue: 1,
      dynamic_score_rate: 90,
    });
    const late = await api(
      'org',
      'GET',
      `/api/v1/figures/assessments.dynamic_overdue/records?orgId=${town}&${YEAR}&asOf=2026-03-08`,
    );
    expect(late.statusCode, late.body).toBe(200);
    expect(late.json().items.map((x: any) => [x.label, x.cells.missing, x.cells.due])).toEqual([
      ['西村', 1, '2026-03-05'],
    ]);
    const kinds = await api(
      'org',
      'GET',
      `/api/v1/figures?keys=assessments.dynamic_published&orgId=${town}&${YEAR}&asOf=2026-03-08`,
    );
    expect(kinds.json().figures[0].groups).toEqual([{ key: 'unit', label: '村（部门）单位', value: 1 }]);

    // 组织办 scores it on 9 March: from then on nothing is overdue, and 8 March stays as it was
    await later(DAY);
    await score('zz', second, west, [{ itemKey: 'A', points: 45 }]);
    expect(await figures('2026-03-09')).toMatchObject({
      dynamic_overdue: 0,
      dynamic_self_overdue: 1,
      dynamic_published: 1,
    });
    expect(await figures('2026-03-08')).toMatchObject({ dynamic_overdue: 1 });
    // before January's round was published, and before the February deadline passed
    expect(await figures('2026-03-04')).toEqual({
      dynamic_published: 0,
      dynamic_points: 0,
      dynamic_full: 0,
      dynamic_overdue: 0,
      // January's round, its 自评 due 5 February and moved on without it: both villages; February's
      // round, due 3 March: 西村 only (东村 gave its 自评 on the 2nd)
      dynamic_self_overdue: 3,
      dynamic_score_rate: null,
    });
    const selfLate = await api(
      'org',
      'GET',
      `/api/v1/figures/assessments.dynamic_self_overdue/records?orgId=${town}&${YEAR}&asOf=2026-03-04`,
    );
    expect(selfLate.statusCode, selfLate.body).toBe(200);
    expect(selfLate.json().items.map((x: any) => [x.label, x.cells.missing, x.cells.due])).toEqual([
      ['东村', 3, '2026-02-05'],
      ['西村', 3, '2026-02-05'],
      ['西村', 3, '2026-03-03'],
    ]);
    // before February's 自评 deadline passed: January's round only
    expect(await figures('2026-03-03')).toMatchObject({ dynamic_self_overdue: 2 });
    // another township's officer counts nothing of 甲镇
    const other = await api('otherOrg', 'GET', `/api/v1/figures?module=assessments&orgId=${town}&${YEAR}`);
    expect(other.statusCode).not.toBe(200);
  });
});
