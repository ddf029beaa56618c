import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { tenures } from '../../src/server/modules/cadres/schema.js';
import { insertCadres } from '../../src/server/modules/cadres/write-cadre.js';
import { disclosureDueItems, disclosureItemTypes } from '../../src/server/modules/openness/schema.js';
import { petitions } from '../../src/server/modules/petitions/schema.js';
import { pledgeItems, pledgeProgress, pledges } from '../../src/server/modules/pledges/schema.js';
import { auditLog } from '../../src/server/platform/audit/schema.js';
import { todos } from '../../src/server/platform/todos/schema.js';
import { call, makeOrg, makeUser, type Session, signIn } from '../support/factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// today is 2026-03-02 in China
let t: TestApp;
const s: Record<string, Session> = {};
let town: number;
let east: number;
let west: number;
const api = (who: string, method: string, url: string, body?: unknown) => call(t, s[who], method, url, body);
const items = [
  { key: 'A', name: '党建工作', kind: 'score', weight: 60, maxPoints: 60, supplier: '组织办' },
  { key: 'B', name: '经济发展', kind: 'score', weight: 40, maxPoints: 40 },
  {
    key: 'B1',
    parentKey: 'B',
    name: '财税任务',
    kind: 'score',
    weight: 100,
    maxPoints: 40,
    supplier: '财政所',
  },
  {
    key: 'D',
    name: '信访超期扣分',
    kind: 'deduction',
    maxPoints: 6,
    auto: { source: 'overdue_petitions', pointsEach: 2 },
  },
  { key: 'V', name: '安全生产一票否决', kind: 'veto', maxPoints: 1 },
];
const system = (title: string, its = items) =>
  api('org', 'POST', '/api/v1/assessments/indicator-systems', {
    orgId: town,
    year: 2026,
    kind: 'unit',
    title,
    items: its,
    bonusCap: 3,
    deductionCap: 10,
  });

beforeAll(async () => {
  t = await createTestApp();
  town = (await makeOrg(t.ctx, '甲镇')).id;
  east = (await makeOrg(t.ctx, '东村', town, 'village')).id;
  west = (await makeOrg(t.ctx, '西村', town, 'village')).id;
  for (const [key, orgId, roles] of [
    ['org', town, ['org_officer']],
    ['eastHead', east, ['unit_head']],
    ['westHead', west, ['unit_head']],
  ] as const) {
    await makeUser(t.ctx, { orgId, roles: [...roles], username: `dr_${key}` });
    s[key] = await signIn(t, `dr_${key}`);
  }
  await t.ctx.db.insert(petitions).values({
    orgId: east,
    code: 'DC-XF2026-0001',
    channel: 'letter',
    receivedOn: '2025-12-01',
    title: '甲',
    content: '甲',
    dueOn: '2026-01-10',
  });
});
afterAll(async () => t?.app.close());

it('takes a round through 自评 → 评分 → 复核 → 发布 with its guards, to-dos, snapshot, read-only and audited reopening', async () => {
  const sys = (await system('2026 年村级动态考核')).json();
  const start = (over: Record<string, unknown> = {}) =>
    api('org', 'POST', '/api/v1/assessments/dynamic-rounds', {
      systemId: sys.id,
      cadence: 'monthly',
      period: '2026-01',
      subjectOrgIds: [east, west],
      deadlines: { self: '2026-02-05', scoring: '2026-02-10', review: '2026-03-10' },
      ...over,
    });
  // bad input: nothing written
  const badPeriod = await start({ cadence: 'quarterly' });
  expect(badPeriod.statusCode).toBe(400);
  expect(badPeriod.json().error.fields.period).toBe('季度考核期的格式应如 2026Q1');
  const early = await start({
    deadlines: { self: '2026-01-20', scoring: '2026-02-10', review: '2026-03-10' },
  });
  expect(early.json().error.fields['deadlines.self']).toBe('单位自评截止日期不能早于考核期末 2026-01-31');
  expect((await start({ period: '2026-06' })).json().error.fields.period).toBe('考核期尚未开始，不能发起');
  expect((await start({ subjectOrgIds: [town] })).statusCode).toBe(400);

  const created = await start();
  expect(created.statusCode, created.body).toBe(200);
  const id = created.json().id;
  expect(created.json()).toMatchObject({
    stage: 'self',
    title: '2026年1月月度动态考核（2026 年村级动态考核）',
  });
  expect((await start()).statusCode).toBe(409);
  const selfTodos = await t.ctx.db
    .select()
    .from(todos)
    .where(and(eq(todos.recordType, 'dynamic_round_self'), eq(todos.recordId, String(id))));
  expect(selfTodos.map((x) => [x.orgId, x.assigneeRole, x.dueOn, x.status]).sort()).toEqual(
    [
      [east, 'unit_head', '2026-02-05', 'open'],
      [west, 'unit_head', '2026-02-05', 'open'],
    ].sort(),
  );

  // a new version of the indicators does not rewrite the open round
  await system('2026 年村级动态考核（修订）', [
    { key: 'A', name: '党建工作（修订）', kind: 'score', weight: 100, maxPoints: 100 },
  ]);
  const url = `/api/v1/assessments/dynamic-rounds/${id}`;
  let r = (await api('org', 'GET', url)).json();
  expect(r.items.map((i: any) => i.name)).toEqual([
    '党建工作',
    '财税任务',
    '信访超期扣分',
    '安全生产一票否决',
  ]);
  expect(r).toMatchObject({ stage: 'self', overdue: true, due: '2026-02-05' });
  expect(r.units.map((u: any) => [u.name, u.unscored])).toEqual([
    ['东村', ['A', 'B1']],
    ['西村', ['A', 'B1']],
  ]);

  // 自评 by the unit's head, only for their own unit
  const lines = (who: string, subjectOrgId: number, ls: unknown[], version = r.version) =>
    api(who, 'POST', `${url}/lines`, { subjectOrgId, version, lines: ls });
  const self = await lines('eastHead', east, [
    { itemKey: 'A', points: 58, evidence: '党建台账', comment: '自评' },
    { itemKey: 'B1', points: 38 },
  ]);
  expect(self.statusCode, self.body).toBe(200);
  expect(
    (await lines('eastHead', west, [{ itemKey: 'A', points: 50 }])).json().error.fields.subjectOrgId,
  ).toBe('被考核单位不正确');
  const over = await lines('eastHead', east, [{ itemKey: 'B1', points: 41 }]);
  expect(over.json().error.fields['lines.0.points']).toBe('“财税任务”最多 40 分，所填 41 分超出范围');
  expect((await lines('eastHead', east, [{ itemKey: 'D', points: 0 }])).statusCode).toBe(400);
  expect((await lines('eastHead', east, [{ itemKey: 'B', points: 10 }])).statusCode).toBe(400);
  const mine = (await api('eastHead', 'GET', url)).json();
  expect(mine.units.map((u: any) => u.name)).toEqual(['东村']);
  expect(mine.lines.map((l: any) => [l.itemKey, l.points, l.stage])).toEqual([
    ['A', 58, 'self'],
    ['B1', 38, 'self'],
  ]);
  expect((await api('westHead', 'GET', '/api/v1/assessments/dynamic-rounds')).json().items).toHaveLength(1);
  expect((await api('eastHead', 'POST', `${url}/advance`, { version: r.version })).statusCode).toBe(403);

  // 评分 by the office: the unit can no longer write, and review waits for every unit
  expect((await api('org', 'POST', `${url}/advance`, { version: r.version })).json().stage).toBe('scoring');
  expect((await api('org', 'POST', `${url}/advance`, { version: r.version })).statusCode).toBe(409);
  r = (await api('org', 'GET', url)).json();
  expect((await lines('eastHead', east, [{ itemKey: 'A', points: 60 }])).statusCode).toBe(403);
  await lines('org', east, [
    { itemKey: 'A', points: 50, evidence: '会议记录 3 份', comment: '学习记录不全' },
    { itemKey: 'B1', points: 36 },
  ]);
  const early2 = await api('org', 'POST', `${url}/advance`, { version: r.version });
  expect(early2.statusCode).toBe(422);
  expect(early2.json().error.message).toBe('还有单位未评分完毕（西村），不能进入复核');
  await lines('org', west, [
    { itemKey: 'A', points: 55 },
    { itemKey: 'B1', points: 30 },
    { itemKey: 'V', points: 1, comment: '发生安全事故' },
  ]);
  expect((await api('org', 'POST', `${url}/advance`, { version: r.version })).json().stage).toBe('review');
  r = (await api('org', 'GET', url)).json();
  const scored = r.lines.find(
    (l: any) => l.stage === 'scoring' && l.subjectOrgId === east && l.itemKey === 'A',
  );
  expect(scored).toMatchObject({ points: 50, evidence: '会议记录 3 份', comment: '学习记录不全' });
  expect(scored.scorer).toMatch(/^测试用户/);
  await lines('org', east, [{ itemKey: 'A', points: 52, comment: '复核补正' }]);
  r = (await api('org', 'GET', url)).json();
  expect(r.units[0].gaps).toEqual([
    { itemKey: 'A', self: 58, final: 52, gap: -6 },
    { itemKey: 'B1', self: 38, final: 36, gap: -2 },
  ]);

  // 发布: final points with the automatic deduction linked to its records; the round is read-only
  const pub = await api('org', 'POST', `${url}/advance`, { version: r.version });
  expect(pub.json().stage).toBe('published');
  r = (await api('org', 'GET', url)).json();
  const [e, w] = r.results;
  expect(e).toMatchObject({
    unitName: '东村',
    base: 88,
    deduction: 2,
    total: 86,
    vetoed: null,
    passed: true,
  });
  expect(e.auto[0].records.map((x: any) => x.code)).toEqual(['DC-XF2026-0001']);
  expect(w).toMatchObject({ unitName: '西村', total: 85, vetoed: '安全生产一票否决', passed: false });
  const ro = await lines('org', east, [{ itemKey: 'A', points: 60 }]);
  expect(ro.statusCode).toBe(409);
  expect(ro.json().error.message).toBe('考核已发布，只读；如需修改请先重新打开');
  const open = await t.ctx.db
    .select()
    .from(todos)
    .where(and(eq(todos.recordId, String(id)), eq(todos.status, 'open')));
  expect(open.filter((x) => x.recordType.startsWith('dynamic_round'))).toHaveLength(0);

  // reopening needs a reason, goes back to 复核 and is audited with the reason
  expect((await api('org', 'POST', `${url}/reopen`, { version: r.version, reason: '' })).statusCode).toBe(
    400,
  );
  expect(
    (await api('org', 'POST', `${url}/reopen`, { version: r.version - 1, reason: '复核有误' })).statusCode,
  ).toBe(409);
  const re = await api('org', 'POST', `${url}/reopen`, {
    version: r.version,
    reason: '西村安全事故认定有误',
  });
  expect(re.json()).toMatchObject({ stage: 'review', results: null });
  const [audit] = await t.ctx.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, 'assessment.dynamic_round_reopen'), eq(auditLog.objectId, String(id))));
  expect(audit.detail).toMatchObject({ from: '已发布', to: '复核', reason: '西村安全事故认定有误' });
  const reviewTodo = await t.ctx.db
    .select()
    .from(todos)
    .where(
      and(eq(todos.recordType, 'dynamic_round'), eq(todos.recordId, String(id)), eq(todos.status, 'open')),
    );
  expect(reviewTodo.map((x) => [x.assigneeRole, x.dueOn])).toEqual([['org_officer', '2026-03-10']]);
});

it('deducts for the unit’s items not published in time (公开), each linked to its calendar', async () => {
  const [type] = await t.ctx.db.select().from(disclosureItemTypes).limit(1);
  await t.ctx.db.insert(disclosureDueItems).values([
    { orgId: west, itemTypeId: type.id, period: '2026-01', dueOn: '2026-01-10' },
    { orgId: west, itemTypeId: type.id, period: '2025-12', dueOn: '2025-12-10', publishedOn: '2025-12-20' },
    { orgId: west, itemTypeId: type.id, period: '2025-11', dueOn: '2025-11-10', publishedOn: '2025-11-05' },
    { orgId: west, itemTypeId: type.id, period: '2026-02', dueOn: '2026-02-10' },
  ]);
  const created = await system('2026 年政务公开考核', [
    { key: 'A', name: '公开工作', kind: 'score', weight: 100, maxPoints: 100 },
    {
      key: 'O',
      name: '逾期公开扣分',
      kind: 'deduction',
      maxPoints: 10,
      auto: { source: 'overdue_openness', pointsEach: 2 },
    },
  ]);
  expect(created.statusCode, created.body).toBe(200);
  const res = await api('org', 'POST', '/api/v1/assessments/dynamic-scores', {
    systemId: created.json().id,
    subjectOrgId: west,
    period: '2026年1月',
    periodEnd: '2026-01-31',
    lines: [{ itemKey: 'A', points: 95 }],
  });
  expect(res.statusCode, res.body).toBe(200);
  expect(res.json()).toMatchObject({ base: 95, deduction: 4, total: 91 });
  const line = res.json().lines.find((l: any) => l.itemKey === 'O');
  expect(line.comment).toBe('逾期未公开事项 2 件，每件扣 2 分');
  expect(line.auto.records.map((x: any) => x.code)).toEqual([`2025-12 ${type.name}`, `2026-01 ${type.name}`]);
  expect(line.auto.records[0].link).toBe(`/openness/calendar/${west}`);
});

it('deducts for the village cadres’ pledged items due and not fulfilled (任期承诺), each linked to its pledge', async () => {
  const [shu, zhu, wshu] = await insertCadres(
    t.ctx.db,
    t.ctx,
    [
      { orgId: east, name: '东书记', status: 'active' as const },
      { orgId: east, name: '东主任', status: 'active' as const },
      { orgId: west, name: '西书记', status: 'active' as const },
    ],
    'manual',
  );
  const tn = await t.ctx.db
    .insert(tenures)
    .values(
      [
        [shu, east],
        [zhu, east],
        [wshu, west],
      ].map(([cadreId, orgId]) => ({
        cadreId,
        orgId,
        title: '村党支部书记',
        level: 'village' as const,
        startDate: '2024-01-01',
      })),
    )
    .returning({ id: tenures.id });
  const pledge = async (cadreId: number, orgId: number, tenureId: number, pledgedOn: string) =>
    (
      await t.ctx.db
        .insert(pledges)
        .values({ orgId, cadreId, tenureId, title: '任期承诺', pledgedOn })
        .returning()
    )[0].id;
  const p1 = await pledge(shu, east, tn[0].id, '2024-03-01');
  const p2 = await pledge(zhu, east, tn[1].id, '2026-02-10'); // made public after the period
  const p3 = await pledge(wshu, west, tn[2].id, '2024-03-01'); // another village
  const item = async (pledgeId: number, title: string, dueOn: string, parentId: number | null = null) =>
    (
      await t.ctx.db
        .insert(pledgeItems)
        .values({ pledgeId, parentId, title, target: title, dueOn })
        .returning()
    )[0].id;
  const road = await item(p1, '村道硬化', '2025-12-31');
  const road1 = await item(p1, '一组村道', '2025-06-30', road);
  const road2 = await item(p1, '二组村道', '2025-12-31', road);
  const late = await item(p1, '文化广场', '2026-01-10');
  await item(p1, '自来水入户', '2026-06-30'); // not due yet
  await item(p2, '路灯安装', '2026-01-15');
  await item(p3, '西村河道', '2025-12-31');
  await t.ctx.db.insert(pledgeProgress).values([
    { pledgeId: p1, itemId: road1, reportedOn: '2025-06-20', percent: 100, evidence: '验收单' },
    { pledgeId: p1, itemId: road2, reportedOn: '2025-11-20', percent: 60, evidence: '进度照片' },
    // fulfilled only after the period's end: still unfulfilled at it
    { pledgeId: p1, itemId: late, reportedOn: '2026-02-15', percent: 100, evidence: '验收单' },
  ]);
  const created = await system('2026 年村级承诺兑现考核', [
    { key: 'A', name: '村级工作', kind: 'score', weight: 100, maxPoints: 100 },
    {
      key: 'P',
      name: '承诺兑现扣分',
      kind: 'deduction',
      maxPoints: 10,
      auto: { source: 'pledge_fulfilment', pointsEach: 3 },
    },
  ]);
  expect(created.statusCode, created.body).toBe(200);
  const res = await api('org', 'POST', '/api/v1/assessments/dynamic-scores', {
    systemId: created.json().id,
    subjectOrgId: east,
    period: '2026年1月',
    periodEnd: '2026-01-31',
    lines: [{ itemKey: 'A', points: 90 }],
  });
  expect(res.statusCode, res.body).toBe(200);
  expect(res.json()).toMatchObject({ base: 90, deduction: 6, total: 84 });
  const line = res.json().lines.find((l: any) => l.itemKey === 'P');
  expect(line.comment).toBe('到期未兑现承诺事项 2 件，每件扣 3 分');
  expect(line.auto.records).toEqual([
    { id: road2, code: '东书记：二组村道（进度 60%）', dueOn: '2025-12-31', link: `/pledges/${p1}` },
    { id: late, code: '东书记：文化广场（进度 0%）', dueOn: '2026-01-10', link: `/pledges/${p1}` },
  ]);
});

it('declares the answers of the dynamic-round reads (the list and the scoring matrix) in the API description', async () => {
  const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
  const answer = (p: string) => doc.paths[p].get.responses['200'].content['application/json'].schema;
  expect(Object.keys(answer('/api/v1/assessments/dynamic-rounds').properties)).toEqual(['items', 'today']);
  const matrix = answer('/api/v1/assessments/dynamic-rounds/{id}');
  expect(matrix.properties).toHaveProperty('units');
  expect(matrix.properties.lines.items.properties).toHaveProperty('scorer');
  expect(matrix.properties.results.items.properties.auto.items.properties).toHaveProperty('records');
});
