import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { admonitionsDemo } from '../../src/cli/demo/admonitions.js';
import { assessmentsDemo } from '../../src/cli/demo/assessments.js';
import { cadresDemo } from '../../src/cli/demo/cadres.js';
import { loadDemo } from '../../src/cli/demo/index.js';
import { platformDemo } from '../../src/cli/demo/platform.js';
import { accountabilityRecords } from '../../src/server/modules/accountability/schema.js';
import { admonitions } from '../../src/server/modules/admonitions/schema.js';
import {
  annualGrades,
  dynamicRounds,
  evaluations,
  lastPlaces,
} from '../../src/server/modules/assessments/schema.js';
import { verifyAuditChain } from '../../src/server/platform/audit/verify.js';
import { orgs } from '../../src/server/platform/orgs/schema.js';
import { todos } from '../../src/server/platform/todos/schema.js';
import { call, makeUser, signIn } from '../support/factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let summary: string[];
beforeAll(async () => {
  t = await createTestApp(); // today is 2026-03-02 in China
  summary = (await loadDemo(t.ctx, [platformDemo, cadresDemo, assessmentsDemo, admonitionsDemo])).summary;
}, 180_000);
afterAll(async () => t.close());

it('gives 大兴镇 two rounds of each kind, one village last twice: 警告 and the grade cap, all confirmed', async () => {
  expect(summary.at(-2)).toMatch(
    /^考核：单位考评 6 轮，动态考核 3 个村（动态考核轮次 2 轮），民主测评 1 次（26 张测评票），2025 年度考核评定 \d+ 人（大兴镇）$/,
  );
  const lasts = await t.ctx.db.select().from(lastPlaces);
  expect(lasts).toHaveLength(6);
  const warned = lasts.filter((l) => l.outcome === 'warning');
  expect(warned).toHaveLength(1);
  expect(warned[0].cadreId).not.toBeNull();
  const records = await t.ctx.db
    .select()
    .from(accountabilityRecords)
    .where(eq(accountabilityRecords.kind, 'last_place'));
  expect(records.map((r) => r.status)).toEqual(Array(records.length).fill('in_force'));
  const [capped] = await t.ctx.db
    .select()
    .from(annualGrades)
    .where(and(eq(annualGrades.cadreId, warned[0].cadreId!), eq(annualGrades.year, 2025)));
  expect(capped.grade).toBe('不称职');
  const all = await t.ctx.db.select().from(annualGrades).where(eq(annualGrades.year, 2025));
  const excellent = all.filter((g) => g.grade === '优秀').length;
  expect(excellent).toBe(Math.floor(all.length * 0.2));
});

it('one democratic evaluation proposed the 民主测评 admonition, talked to and tracked by the admonitions step', async () => {
  const [ev] = await t.ctx.db.select().from(evaluations);
  expect(ev.status).toBe('closed');
  const rows = await t.ctx.db.select().from(admonitions).where(eq(admonitions.sourceKind, '民主测评'));
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject({ sourceRefType: 'evaluation', sourceRefId: ev.id, talkOn: '2025-03-10' });
  expect(rows[0].status).toBe('released');
  expect(summary.at(-1)).toMatch(/^谈话诫勉：4 人次（大兴镇）/);
  expect((await verifyAuditChain(t.ctx.db)).firstBreak).toBeNull();
});

it('holds dynamic rounds: 2025 Q4 published, January 2026 in 科室评分 past its deadline with 财政所 not done', async () => {
  const rounds = await t.ctx.db.select().from(dynamicRounds).orderBy(dynamicRounds.periodEnd);
  expect(rounds.map((r) => [r.period, r.stage, r.publishedOn])).toEqual([
    ['2025Q4', 'published', '2026-01-19'],
    ['2026-01', 'scoring', null],
  ]);
  expect((rounds[0].results as unknown[]).length).toBe(3);
  // the open round's to-dos: the organisers' and 财政所's, both overdue today
  const open = await t.ctx.db
    .select({ todo: todos, org: orgs.name })
    .from(todos)
    .innerJoin(orgs, eq(orgs.id, todos.orgId))
    .where(and(eq(todos.recordId, String(rounds[1].id)), eq(todos.status, 'open')));
  expect(open.map((x) => [x.todo.recordType, x.org, x.todo.dueOn]).sort()).toEqual(
    [
      ['dynamic_round', '大兴镇', '2026-02-13'],
      ['dynamic_round_office', '财政所', '2026-02-13'],
    ].sort(),
  );
  // the figures: one round published this year, one village overdue in 科室评分
  const [town] = await t.ctx.db.select().from(orgs).where(eq(orgs.name, '大兴镇'));
  const session = await signIn(
    t,
    (await makeUser(t.ctx, { orgId: town.id, roles: ['org_officer'] })).username,
  );
  const res = await call(
    t,
    session,
    'GET',
    `/api/v1/figures?module=assessments&orgId=${town.id}&from=2026-01-01&to=2026-12-31`,
  );
  expect(res.statusCode, res.body).toBe(200);
  const value = (key: string) => res.json().figures.find((f: { key: string }) => f.key === key)?.value;
  expect(value('assessments.dynamic_published')).toBe(1);
  expect(value('assessments.dynamic_overdue')).toBe(1);
  expect(value('assessments.dynamic_score_rate')).toBeGreaterThan(80);
});
