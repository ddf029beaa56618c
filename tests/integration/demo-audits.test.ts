import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { auditsDemo } from '../../src/cli/demo/audits.js';
import { cadresDemo } from '../../src/cli/demo/cadres.js';
import { loadDemo } from '../../src/cli/demo/index.js';
import { platformDemo } from '../../src/cli/demo/platform.js';
import { departureEvents } from '../../src/server/modules/cadres/schema.js';
import { petitions } from '../../src/server/modules/petitions/schema.js';
import { verifyAuditChain } from '../../src/server/platform/audit/verify.js';
import { hashPassword } from '../../src/server/platform/auth/passwords.js';
import { orgs } from '../../src/server/platform/orgs/schema.js';
import { todos } from '../../src/server/platform/todos/schema.js';
import { users } from '../../src/server/platform/users/schema.js';
import { call, GOOD_PASSWORD, makeUser, type Session, signIn } from '../support/factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let summary: string[];
let daxing: number;
let sec: Session;
beforeAll(async () => {
  t = await createTestApp(); // today is 2026-03-02 in China: the demo year is 2025
  summary = (await loadDemo(t.ctx, [platformDemo, cadresDemo, auditsDemo])).summary;
  daxing = (await t.ctx.db.select().from(orgs).where(eq(orgs.name, '大兴镇')))[0].id;
  sec = await signIn(t, (await makeUser(t.ctx, { orgId: daxing, roles: ['party_secretary'] })).username);
}, 180_000);
afterAll(async () => t.close());

const YEAR = 'from=2025-01-01&to=2025-12-31';

/** Demo accounts start with a password to change: give one a known, changed one. */
async function demoSession(username: string) {
  await t.ctx.db
    .update(users)
    .set({
      passwordHash: await hashPassword(GOOD_PASSWORD),
      mustChangePassword: false,
      passwordChangedAt: t.clock.now(),
    })
    .where(eq(users.username, username));
  return signIn(t, username);
}

it('holds the seed’s 十余名 departure audits, each drafted by a principal’s tenure end and confirmed', async () => {
  expect(summary.at(-1)).toBe(
    '经济责任审计：2025 年离任审计 12 项（出具报告 8 项），定期审计 1 项、重点审计 2 项，东风村整改事项 4 项（屡审屡犯 1 个），联席会议 2 次',
  );
  const events = await t.ctx.db.select().from(departureEvents);
  expect(events).toHaveLength(12);
  expect(events.every((e) => e.consumedAt)).toBe(true);
  const res = await call(t, sec, 'GET', `/api/v1/figures?orgId=${daxing}&${YEAR}`);
  expect(res.statusCode, res.body).toBe(200);
  const v = Object.fromEntries(res.json().figures.map((f: any) => [f.key, f.value]));
  expect(v).toMatchObject({
    'econ_audits.departure': 12,
    'econ_audits.audits': 15,
    'econ_audits.findings': 7,
    'econ_audits.repeat_findings': 1,
    'econ_audits.items_issued': 7,
    'econ_audits.items_closed': 1,
    'econ_audits.items_open': 6,
    'econ_audits.items_overdue': 5,
    'econ_audits.outcome_returned': 36000,
    'econ_audits.outcome_remitted': 15000,
    'econ_audits.referred_persons': 1,
    'econ_audits.policies_improved': 1,
    'econ_audits.meetings': 2,
    'econ_audits.decisions': 2,
    'econ_audits.decisions_on_time': 1,
  });
  const list = (await call(t, sec, 'GET', '/api/v1/econ-audits?kind=departure&pageSize=50')).json();
  expect(list.total).toBe(12);
  expect(list.items.filter((a: any) => a.status === 'reported')).toHaveLength(8);
});

it('has items across the lifecycle, the 认定 queue and the unit head’s own items', async () => {
  const items = (await call(t, sec, 'GET', '/api/v1/rectification-items?pageSize=50')).json().items;
  expect(items.map((x: any) => x.status).sort()).toEqual([
    'applied',
    'closed',
    'continuing',
    'issued',
    'issued',
    'issued',
    'rectifying',
  ]);
  const head = await demoSession('daxing_unit_head');
  const mine = (await call(t, head, 'GET', '/api/v1/rectification-items')).json();
  expect(mine.items.map((x: any) => x.unitName)).toEqual(['东风村', '东风村', '东风村', '东风村']);
  const auditor = await demoSession('daxing_audit_officer');
  const queue = (await call(t, auditor, 'GET', '/api/v1/rectification-items?queue=true')).json();
  expect(queue.items.map((x: any) => x.summary)).toEqual(['白条入账']);
  expect((await verifyAuditChain(t.ctx.db)).firstBreak).toBeNull();
});

it('leaves the 审计移送 case open and overdue in 大兴镇: on the discipline officer’s to-dos and the dashboard', async () => {
  const [referred] = await t.ctx.db.select().from(petitions).where(eq(petitions.channel, 'audit_referral'));
  expect(referred).toMatchObject({ orgId: daxing, receivedOn: '2025-11-25' });
  expect(['concluded', 'declined']).not.toContain(referred.status);
  const open = await t.ctx.db
    .select()
    .from(todos)
    .where(
      and(
        eq(todos.recordType, 'petition'),
        eq(todos.recordId, String(referred.id)),
        eq(todos.status, 'open'),
      ),
    );
  expect(open).toHaveLength(1);
  expect(open[0].dueOn! < '2026-03-02').toBe(true);
  const officer = await demoSession('daxing_discipline_officer');
  const mine = (await call(t, officer, 'GET', '/api/v1/todos')).json().items;
  expect(mine.find((x: any) => x.recordId === String(referred.id))).toBeDefined();
  const dash = (
    await call(t, sec, 'GET', `/api/v1/dashboard?orgId=${daxing}&from=2026-01-01&to=2026-03-02`)
  ).json();
  expect(dash.todos.late.map((x: any) => x.dueOn)).toContain(open[0].dueOn);
});
