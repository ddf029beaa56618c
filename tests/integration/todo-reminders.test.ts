import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registeredJobs } from '../../src/server/platform/jobs/registry.js';
import { Scheduler } from '../../src/server/platform/jobs/scheduler.js';
import { createTodo } from '../../src/server/platform/todos/create-todo.js';
import { REMINDER_JOB, registerTodoJobs } from '../../src/server/platform/todos/jobs.js';
import { sweepReminders } from '../../src/server/platform/todos/reminder-sweep.js';
import { notifications, outbox, todos } from '../../src/server/platform/todos/schema.js';
import { users } from '../../src/server/platform/users/schema.js';
import { makeOrg, makeUser } from '../support/factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// The fake clock starts on Monday 2026-03-02, 09:00 Beijing time.
let t: TestApp;
let u: Record<'clerk' | 'officerA' | 'officerB' | 'secretaryA' | 'headA' | 'secretaryB', number>;
let scheduler: Scheduler;
const HOUR = 3_600_000;

async function inbox(userId: number) {
  const rows = await t.ctx.db.select().from(notifications).where(eq(notifications.userId, userId));
  return rows.map((n) => n.title).sort();
}

beforeAll(async () => {
  t = await createTestApp();
  registerTodoJobs();
  // the reminder sweep alone (another test file in this worker may have registered every job)
  const jobs = registeredJobs();
  scheduler = new Scheduler(t.ctx, {
    log: () => {},
    jobs: { recurring: jobs.recurring.filter((j) => j.name === REMINDER_JOB), oneOff: jobs.oneOff },
  });
  const district = await makeOrg(t.ctx, '新城区', null, 'district');
  const a = await makeOrg(t.ctx, '甲镇', district.id);
  const a1 = await makeOrg(t.ctx, '甲镇党政办', a.id, 'department');
  const b = await makeOrg(t.ctx, '乙镇', district.id);
  const mk = async (orgId: number, role: string, email: string | null) => {
    const user = await makeUser(t.ctx, { orgId, roles: [role], dataScope: 'subtree' });
    await t.ctx.db.update(users).set({ email }).where(eq(users.id, user.id));
    return user.id;
  };
  u = {
    clerk: await mk(a1.id, 'audit_officer', 'clerk@example.cn'),
    officerA: await mk(a.id, 'org_officer', null),
    officerB: await mk(b.id, 'org_officer', null),
    secretaryA: await mk(a.id, 'party_secretary', 'shuji@example.cn'),
    headA: await mk(a.id, 'township_head', null),
    secretaryB: await mk(b.id, 'party_secretary', null),
  };
  const base = { recordType: 'test', orgId: a1.id, link: '/orgs' };
  await t.ctx.db.transaction(async (tx) => {
    const c = t.ctx.clock;
    await createTodo(tx, c, {
      ...base,
      title: '明天到期',
      recordId: 1,
      assigneeUserId: u.clerk,
      dueOn: '2026-03-03',
    });
    await createTodo(tx, c, {
      ...base,
      title: '角色明天到期',
      recordId: 2,
      assigneeRole: 'org_officer',
      dueOn: '2026-03-03',
    });
    await createTodo(tx, c, {
      ...base,
      title: '下周到期',
      recordId: 3,
      assigneeUserId: u.clerk,
      dueOn: '2026-03-09',
    });
    await createTodo(tx, c, {
      ...base,
      title: '已经逾期',
      recordId: 4,
      assigneeUserId: u.clerk,
      dueOn: '2026-03-01',
    });
  });
});
afterAll(async () => t.close());

describe('reminder sweep', () => {
  it('reminds due-tomorrow to-dos once, to the assignee or role holders in scope, with an email', async () => {
    expect(await scheduler.tick()).toBeGreaterThanOrEqual(1);
    expect(await inbox(u.clerk)).toEqual(['待办即将到期：明天到期', '待办已逾期：已经逾期']);
    expect(await inbox(u.officerA)).toEqual(['待办即将到期：角色明天到期']);
    expect(await inbox(u.officerB)).toEqual([]);
    const mail = await t.ctx.db.select().from(outbox);
    expect(
      mail
        .filter((m) => m.recipient === 'clerk@example.cn')
        .map((m) => m.subject)
        .sort(),
    ).toEqual(['【监督】待办即将到期：明天到期', '【监督】待办已逾期：已经逾期']);
    const [later] = await t.ctx.db.select().from(todos).where(eq(todos.title, '下周到期'));
    expect(later.remindedAt).toBeNull();
  });

  it('escalates an overdue to-do to the leadership of its own township only', async () => {
    expect(await inbox(u.secretaryA)).toEqual(['待办已逾期：已经逾期']);
    expect(await inbox(u.headA)).toEqual(['待办已逾期：已经逾期']);
    expect(await inbox(u.secretaryB)).toEqual([]);
    const mail = await t.ctx.db.select().from(outbox).where(eq(outbox.recipient, 'shuji@example.cn'));
    expect(mail.length).toBe(1);
  });

  it('sends nothing twice: a second sweep, and the next slot of the job', async () => {
    const before = {
      n: (await t.ctx.db.select().from(notifications)).length,
      m: (await t.ctx.db.select().from(outbox)).length,
    };
    expect(await sweepReminders(t.ctx)).toEqual({ reminded: 0, escalated: 0 });
    t.clock.advanceMinutes(5);
    expect(await scheduler.tick()).toBe(1);
    expect((await t.ctx.db.select().from(notifications)).length).toBe(before.n);
    expect((await t.ctx.db.select().from(outbox)).length).toBe(before.m);
  });

  it('reminds the next-week to-do once it is one working day away, and skips the weekend', async () => {
    // Due Monday 2026-03-09 09:00; on Friday 03-06 the next working day is Monday: remind.
    t.clock.advance(3 * 24 * HOUR); // Thursday: next working day Friday, not yet
    expect(await sweepReminders(t.ctx)).toMatchObject({ reminded: 0 });
    t.clock.advance(24 * HOUR); // Friday
    expect(await sweepReminders(t.ctx)).toMatchObject({ reminded: 1 });
    expect(await inbox(u.clerk)).toContain('待办即将到期：下周到期');
  });
});
