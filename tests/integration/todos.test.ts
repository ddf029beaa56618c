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
  const base = { recordType: 'test', link: '/orgs', orgId: a1.id };
  const [own, byRole, later] = await t.ctx.db.transaction(async (tx) => [
    await createTodo(tx, t.ctx.clock, {
      ...base,
      title: '本人待办',
      recordId: 1,
      assigneeUserId: clerk.id,
      dueOn: '2026-02-28',
    }),
    await createTodo(tx, t.ctx.clock, {
      ...base,
      title: '组织委员待办',
      recordId: 2,
      assigneeRole: 'org_officer',
      dueOn: '2026-03-03',
      kind: 'personal',
    }),
    await createTodo(tx, t.ctx.clock, {
      ...base,
      title: '以后再办',
      recordId: 3,
      assigneeUserId: clerk.id,
      dueOn: '2026-03-12',
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

  it('shows the due date as a date, and counts overdue days as the petitions do', async () => {
    const [own] = (await call(t, s.clerk, 'GET', '/api/v1/todos')).json().items;
    expect(own).toMatchObject({ dueOn: '2026-02-28', dueState: 'overdue', overdueDays: 2, kind: 'step' });
    expect(own).not.toHaveProperty('dueAt');
  });

  it('refuses to mark a workflow step done by hand: it closes when the step is taken', async () => {
    const res = await call(t, s.clerk, 'POST', `/api/v1/todos/${ids.own}/done`);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toContain('办理完成后自动办结');
    expect(titles(await call(t, s.clerk, 'GET', '/api/v1/todos'))).toContain('本人待办');
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
      '/api/v1/todos?dueBy=tomorrow',
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
  it('lets a user write a personal to-do for themself and close it by hand', async () => {
    const made = await call(t, s.clerk, 'POST', '/api/v1/todos', {
      title: '整理上月信访台帐',
      dueOn: '2026-03-04',
    });
    expect(made.statusCode, made.body).toBe(200);
    expect(made.json()).toMatchObject({ kind: 'personal', dueOn: '2026-03-04', dueState: 'soon' });
    expect((await call(t, s.officerA, 'POST', `/api/v1/todos/${made.json().id}/done`)).statusCode).toBe(404);
    const done = await call(t, s.clerk, 'POST', `/api/v1/todos/${made.json().id}/done`);
    expect(done.json().status).toBe('done');
    const bad = await call(t, s.clerk, 'POST', '/api/v1/todos', { title: ' ', dueOn: '2026-02-30' });
    expect(bad.statusCode).toBe(400);
    const unknown = await call(t, s.clerk, 'POST', '/api/v1/todos', {
      title: '某事',
      assigneeUserId: ids.officerA,
    });
    expect(unknown.statusCode).toBe(400);
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
