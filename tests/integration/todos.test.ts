import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../src/server/platform/audit/schema.js';
import { completeTodos } from '../../src/server/platform/todos/close-todos.js';
import { createTodo } from '../../src/server/platform/todos/create-todo.js';
import { notifications } from '../../src/server/platform/todos/schema.js';
import { call, makeOrg, makeUser, type Session, signIn } from '../support/factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let s: { clerk: Session; officerA: Session; officerB: Session };
let ids: { clerk: number; officerA: number; own: number; byRole: number; later: number };
const titles = (res: { json(): any }) => res.json().items.map((i: { title: string }) => i.title);

beforeAll(async () => {
  t = await createTestApp();
  const district = await makeOrg(t.ctx, '新城区', null, 'district');
  const a = await makeOrg(t.ctx, '甲镇', district.id);
  const a1 = await makeOrg(t.ctx, '甲镇党政办', a.id, 'department');
  const b = await makeOrg(t.ctx, '乙镇', district.id);
  const clerk = await makeUser(t.ctx, { orgId: a1.id, roles: ['audit_officer'] });
  const officerA = await makeUser(t.ctx, { orgId: a.id, roles: ['org_officer'], dataScope: 'subtree' });
  const officerB = await makeUser(t.ctx, { orgId: b.id, roles: ['org_officer'], dataScope: 'subtree' });
  const now = t.clock.now().getTime();
  const day = 86_400_000;
  const base = { recordType: 'test', link: '/orgs', orgId: a1.id };
  const [own, byRole, later] = await t.ctx.db.transaction(async (tx) => [
    await createTodo(tx, t.ctx.clock, {
      ...base,
      title: '本人待办',
      recordId: 1,
      assigneeUserId: clerk.id,
      dueAt: new Date(now - 2 * day),
    }),
    await createTodo(tx, t.ctx.clock, {
      ...base,
      title: '组织委员待办',
      recordId: 2,
      assigneeRole: 'org_officer',
      dueAt: new Date(now + day),
    }),
    await createTodo(tx, t.ctx.clock, {
      ...base,
      title: '以后再办',
      recordId: 3,
      assigneeUserId: clerk.id,
      dueAt: new Date(now + 10 * day),
    }),
  ]);
  ids = { clerk: clerk.id, officerA: officerA.id, own: own.id, byRole: byRole.id, later: later.id };
  s = {
    clerk: await signIn(t, clerk.username),
    officerA: await signIn(t, officerA.username),
    officerB: await signIn(t, officerB.username),
  };
});
afterAll(async () => t.close());

describe('to-do visibility', () => {
  it('shows the assignee their own, soonest first, with overdue days; role holders within scope see role to-dos', async () => {
    const mine = await call(t, s.clerk, 'GET', '/api/v1/todos');
    expect(mine.statusCode).toBe(200);
    expect(titles(mine)).toEqual(['本人待办', '以后再办']);
    expect(mine.json().items[0]).toMatchObject({
      dueState: 'overdue',
      overdueDays: 2,
      orgName: '甲镇党政办',
      link: '/orgs',
    });
    expect(titles(await call(t, s.clerk, 'GET', '/api/v1/todos?overdue=true'))).toEqual(['本人待办']);
    expect(titles(await call(t, s.officerA, 'GET', '/api/v1/todos'))).toEqual(['组织委员待办']);
    expect((await call(t, s.officerB, 'GET', '/api/v1/todos')).json().total).toBe(0);
    const summary = await call(t, s.clerk, 'GET', '/api/v1/todos/summary');
    expect(summary.json()).toEqual({ open: 2, dueSoon: 0, overdue: 1, unreadNotifications: 0 });
    expect((await call(t, s.officerA, 'GET', '/api/v1/todos/summary')).json()).toMatchObject({
      open: 1,
      dueSoon: 1,
    });
  });

  it("gives another township's role holder 404 on done, audited; the holder in scope completes it once", async () => {
    const denied = await call(t, s.officerB, 'POST', `/api/v1/todos/${ids.byRole}/done`);
    expect(denied.statusCode).toBe(404);
    expect(denied.json().error.message).toBe('记录不存在');
    const audit = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'todo.done'), eq(auditLog.result, 'denied')));
    expect(audit.length).toBe(1);
    const ok = await call(t, s.officerA, 'POST', `/api/v1/todos/${ids.byRole}/done`);
    expect(ok.statusCode).toBe(200);
    expect(ok.json().status).toBe('done');
    expect((await call(t, s.officerA, 'POST', `/api/v1/todos/${ids.byRole}/done`)).statusCode).toBe(422);
    expect(titles(await call(t, s.officerA, 'GET', '/api/v1/todos?status=done'))).toEqual(['组织委员待办']);
    const done = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'todo.done'), eq(auditLog.result, 'success')));
    expect(done.map((r) => r.userId)).toEqual([ids.officerA]);
  });

  it('moves the to-dos of a record to 已办 when the module completes it', async () => {
    const n = await t.ctx.db.transaction((tx) =>
      completeTodos(tx, t.ctx.clock, { recordType: 'test', recordId: 3 }),
    );
    expect(n).toBe(1);
    expect(titles(await call(t, s.clerk, 'GET', '/api/v1/todos'))).toEqual(['本人待办']);
    expect(titles(await call(t, s.clerk, 'GET', '/api/v1/todos?status=done'))).toEqual(['以后再办']);
  });

  it('answers bad input with a 400 in Chinese, never a 500', async () => {
    for (const url of [
      '/api/v1/todos?status=bad',
      '/api/v1/todos?overdue=maybe',
      '/api/v1/todos?dueBefore=tomorrow',
      '/api/v1/todos?page=0',
    ]) {
      const res = await call(t, s.clerk, 'GET', url);
      expect(res.statusCode, url).toBe(400);
      expect(res.json().error.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect((await call(t, s.clerk, 'POST', '/api/v1/todos/abc/done')).statusCode).toBe(400);
    expect((await call(t, s.clerk, 'POST', '/api/v1/todos/99999999999999999999/done')).statusCode).toBe(400);
    expect((await call(t, s.clerk, 'POST', '/api/v1/todos/999999/done')).statusCode).toBe(404);
  });
});

describe('notifications', () => {
  it('lists only the caller’s own, marks one and all read, and refuses someone else’s with 404', async () => {
    const [n1, , other] = await t.ctx.db
      .insert(notifications)
      .values([
        { userId: ids.clerk, title: '通知一' },
        { userId: ids.clerk, title: '通知二' },
        { userId: ids.officerA, title: '别人的通知' },
      ])
      .returning();
    const list = await call(t, s.clerk, 'GET', '/api/v1/notifications');
    expect(titles(list).sort()).toEqual(['通知一', '通知二']);
    expect((await call(t, s.clerk, 'GET', '/api/v1/todos/summary')).json().unreadNotifications).toBe(2);
    expect((await call(t, s.clerk, 'POST', `/api/v1/notifications/${other.id}/read`)).statusCode).toBe(404);
    expect((await call(t, s.clerk, 'POST', `/api/v1/notifications/${n1.id}/read`)).statusCode).toBe(200);
    expect(titles(await call(t, s.clerk, 'GET', '/api/v1/notifications?unread=true'))).toEqual(['通知二']);
    const all = await call(t, s.clerk, 'POST', '/api/v1/notifications/read-all');
    expect(all.json()).toEqual({ ok: true, count: 1 });
    expect((await call(t, s.clerk, 'GET', '/api/v1/todos/summary')).json().unreadNotifications).toBe(0);
    expect((await call(t, s.officerA, 'GET', '/api/v1/notifications?unread=1')).json().total).toBe(1);
  });
});
