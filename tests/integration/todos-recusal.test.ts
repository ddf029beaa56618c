import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertCadres } from '../../src/server/modules/cadres/write-cadre.js';
import { sweepOverduePetitions } from '../../src/server/modules/petitions/workflow/overdue-sweep.js';
import { auditLog } from '../../src/server/platform/audit/schema.js';
import { SESSION_CACHE_MS } from '../../src/server/platform/auth/session-cache.js';
import { jobRuns } from '../../src/server/platform/jobs/schema.js';
import { EMAIL_JOB } from '../../src/server/platform/todos/notify.js';
import { sweepReminders } from '../../src/server/platform/todos/reminder-sweep.js';
import { notifications, todos } from '../../src/server/platform/todos/schema.js';
import { recusals, users } from '../../src/server/platform/users/schema.js';
import { call, makeUser, type Session, signIn } from '../support/factories.js';
import {
  act,
  letter,
  type PetitionWorld,
  petitionWorkflowWorld,
  registerDirect,
  setNow,
} from '../support/petition-workflow-world.js';
import { createTestApp, FakeClock, type TestApp } from '../support/test-app.js';

// 东湖镇 has four discipline officers: `officer` and `investigator` (no relation), `named` (the
// cadre 王建军's own account) and `wife` (registered as related to him).
let t: TestApp;
let w: PetitionWorld;
let orgOfficer: Session;

beforeAll(async () => {
  t = await createTestApp({ clock: new FakeClock(new Date('2026-03-02T01:00:00Z')) });
  w = await petitionWorkflowWorld(t);
  const o = await makeUser(t.ctx, { orgId: w.town.id, roles: ['org_officer'] });
  orgOfficer = await signIn(t, o.username);
  for (const key of ['officer', 'investigator', 'named', 'wife', 'secretary', 'head'])
    await t.ctx.db
      .update(users)
      .set({ email: `${key}@example.cn` })
      .where(eq(users.id, w.ids[key]));
});
afterAll(async () => t.close());

const todoList = async (s: Session, status = 'open') =>
  (await call(t, s, 'GET', `/api/v1/todos?status=${status}&pageSize=100`)).json();
const todoTitles = async (s: Session, status = 'open') =>
  (await todoList(s, status)).items.map((i: { title: string }) => i.title);
const inbox = async (key: string) =>
  (await t.ctx.db.select().from(notifications).where(eq(notifications.userId, w.ids[key]))).map(
    (n) => n.title,
  );
/** The emails enqueued for a user (the scheduler hands them to the sender). */
const mailTo = async (key: string) =>
  (await t.ctx.db.select().from(jobRuns).where(eq(jobRuns.name, EMAIL_JOB)))
    .map((j) => j.payload as { to: string; subject: string })
    .filter((m) => m.to === `${key}@example.cn`)
    .map((m) => m.subject);
const openTodos = (id: number) =>
  t.ctx.db
    .select()
    .from(todos)
    .where(and(eq(todos.recordType, 'petition'), eq(todos.recordId, String(id)), eq(todos.status, 'open')));
const named = (cadreId: number, over = {}) =>
  letter(w.town.id, { subjects: [{ cadreId }], title: '反映王某违规问题', ...over });

describe('a to-do about a cadre, seen from the cadre and a relative holding the same role', () => {
  it('is neither listed, counted, nor completable by them, and stays in the others’ queue', async () => {
    await setNow(t, '2026-03-02T01:00:00Z');
    const p = await registerDirect(t, named(w.cadreId));
    const title = `受理信访件 ${p.code}（截止 2026-03-17）`;
    const [todo] = await openTodos(p.id);
    expect(todo).toMatchObject({ title, subjectCadreIds: [w.cadreId] });

    for (const key of ['named', 'wife']) {
      const s = w.s[key];
      const list = await call(t, s, 'GET', '/api/v1/todos?pageSize=100');
      expect(list.body).not.toContain(p.code);
      expect(list.body).not.toContain(`/petitions/${p.id}`);
      expect((await call(t, s, 'GET', `/api/v1/todos?q=${encodeURIComponent(p.code)}`)).json().total).toBe(0);
      expect((await call(t, s, 'GET', '/api/v1/todos/summary')).json()).toMatchObject({ open: 0 });
      const done = await call(t, s, 'POST', `/api/v1/todos/${todo.id}/done`);
      expect(done.statusCode).toBe(404);
      expect(done.body).not.toContain(p.code);
    }
    const denied = await t.ctx.db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.action, 'todo.done'),
          eq(auditLog.result, 'denied'),
          inArray(auditLog.userId, [w.ids.named, w.ids.wife]),
        ),
      );
    expect(denied.length).toBe(2);

    // the others still have it, open, after the related ones tried
    for (const key of ['officer', 'investigator']) expect(await todoTitles(w.s[key])).toContain(title);
    expect((await call(t, w.s.officer, 'GET', '/api/v1/todos/summary')).json().open).toBeGreaterThanOrEqual(
      1,
    );
    const [still] = await openTodos(p.id);
    expect(still.id).toBe(todo.id);
    // a step closes when it is taken, by one of the others
    expect((await act(t, w.s.officer, p.id, 'accept')).statusCode).toBe(200);
    expect((await openTodos(p.id)).map((x) => x.id)).not.toContain(todo.id);
  });

  it('hides an earlier to-do from a user linked as related afterwards, at once', async () => {
    const p = await registerDirect(t, named(w.cadreId));
    const [todo] = await openTodos(p.id);
    const cousin = await makeUser(t.ctx, { orgId: w.town.id, roles: ['discipline_officer'] });
    const s = await signIn(t, cousin.username);
    expect(await todoTitles(s)).toContain(todo.title);
    await t.ctx.db.insert(recusals).values({ userId: cousin.id, cadreId: w.cadreId, reason: 'declared' });
    // the link is written straight to the table, as another instance would: this instance's reads
    // reuse the cousin's session row (with their related cadres) for SESSION_CACHE_MS at most
    t.clock.advance(SESSION_CACHE_MS + 1);
    expect(await todoTitles(s)).not.toContain(todo.title);
    expect((await call(t, s, 'POST', `/api/v1/todos/${todo.id}/done`)).statusCode).toBe(404);
  });
});

describe('reminders and escalations', () => {
  it('remind the others of the step and escalate to the leadership, never to a recused person', async () => {
    await setNow(t, '2026-03-02T01:00:00Z');
    // the township head is registered as related to 王建军 too
    await t.ctx.db.insert(recusals).values({ userId: w.ids.head, cadreId: w.cadreId, reason: 'declared' });
    const p = await registerDirect(t, named(w.cadreId, { title: '反映王某收受礼金问题' }));
    const step = `受理信访件 ${p.code}（截止 2026-03-17）`;
    await t.ctx.db.delete(notifications);
    await t.ctx.db.delete(jobRuns);

    await setNow(t, '2026-03-17T01:00:00Z');
    await sweepReminders(t.ctx);
    for (const key of ['officer', 'investigator']) {
      expect(await inbox(key)).toContain(`待办即将到期：${step}`);
      expect(await mailTo(key)).toContain(`【监督】待办即将到期：${step}`);
    }
    await setNow(t, '2026-03-18T01:00:00Z');
    await sweepReminders(t.ctx);
    expect(await inbox('secretary')).toContain(`待办已逾期：${step}`);
    for (const key of ['named', 'wife', 'head']) {
      expect((await inbox(key)).join()).not.toContain(p.code);
      expect((await mailTo(key)).join()).not.toContain(p.code);
      const bell = await call(t, w.s[key], 'GET', '/api/v1/notifications?pageSize=100');
      expect(bell.body).not.toContain(p.code);
    }

    // the petitions' own overdue sweep: the 督办 to-do and its reminders skip them as well
    await sweepOverduePetitions(t.ctx);
    const press = (await openTodos(p.id)).find((x) => x.title.startsWith('督办'))!;
    expect(press).toMatchObject({ assigneeRole: 'party_secretary', subjectCadreIds: [w.cadreId] });
    expect(await todoTitles(w.s.secretary)).toContain(press.title);
    expect(await todoTitles(w.s.head)).not.toContain(press.title);
  });

  it('send the 督办 to the handlers when the party secretary must recuse', async () => {
    await setNow(t, '2026-03-02T01:00:00Z');
    const [brother] = await insertCadres(
      t.ctx.db,
      t.ctx,
      [{ orgId: w.town.id, name: '周书记之弟', status: 'active' }],
      'manual',
    );
    await t.ctx.db.insert(recusals).values({ userId: w.ids.secretary, cadreId: brother, reason: 'family' });
    const p = await registerDirect(t, named(brother, { title: '反映周某问题' }));
    await t.ctx.db.delete(notifications);
    await setNow(t, '2026-03-18T01:00:00Z');
    await sweepOverduePetitions(t.ctx);
    await sweepReminders(t.ctx);
    const press = (await openTodos(p.id)).find((x) => x.title.startsWith('督办'))!;
    expect(press).toMatchObject({ orgId: w.town.id, assigneeRole: 'discipline_officer' });
    expect((await todoTitles(w.s.secretary)).join()).not.toContain(p.code);
    expect(await todoTitles(w.s.officer)).toContain(press.title);
    expect((await inbox('secretary')).join()).not.toContain(p.code);
    expect(await inbox('head')).toContain(`待办已逾期：受理信访件 ${p.code}（截止 2026-03-17）`);
  });
});

describe('assignment to someone who must recuse', () => {
  it('refuses a unit whose head is related to the named cadre, with a clear message', async () => {
    await setNow(t, '2026-03-20T01:00:00Z');
    await t.ctx.db.insert(recusals).values({ userId: w.ids.unitHead, cadreId: w.cadreId, reason: 'family' });
    const p = await registerDirect(t, named(w.cadreId, { receivedOn: '2026-03-20' }));
    expect((await act(t, w.s.officer, p.id, 'accept')).statusCode).toBe(200);
    const res = await act(t, w.s.officer, p.id, 'investigate', {
      disposal: 'preliminary_check',
      assignedUnitOrgId: w.unit.id,
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toMatch(/该单位负责人与被反映人存在回避关系/);
    expect(res.json().error.fields.assignedUnitOrgId).toBeTruthy();
    expect(await todoTitles(w.s.unitHead)).toEqual([]);
    expect((await call(t, w.s.unitHead, 'GET', `/api/v1/petitions/${p.id}`)).statusCode).toBe(404);

    const wife = await act(t, w.s.officer, p.id, 'investigate', {
      disposal: 'preliminary_check',
      investigatorUserId: w.ids.wife,
    });
    expect(wife.statusCode).toBe(422);
    expect(wife.json().error.message).toMatch(/该调查人与被反映人存在回避关系/);

    // the same unit takes a case about someone else
    const other = await registerDirect(t, letter(w.town.id, { receivedOn: '2026-03-20' }));
    await act(t, w.s.officer, other.id, 'accept');
    const fine = await act(t, w.s.officer, other.id, 'investigate', {
      disposal: 'preliminary_check',
      assignedUnitOrgId: w.unit.id,
    });
    expect(fine.statusCode).toBe(200);
    expect(await todoTitles(w.s.unitHead)).toEqual([`调查核实信访件 ${other.code}（截止 2026-05-19）`]);
  });

  it('moves the investigator’s step to the other officers when he is linked as related afterwards', async () => {
    await setNow(t, '2026-03-20T01:00:00Z');
    const [cadre] = await insertCadres(
      t.ctx.db,
      t.ctx,
      [{ orgId: w.town.id, name: '赵大勇', status: 'active' }],
      'manual',
    );
    const p = await registerDirect(t, named(cadre, { receivedOn: '2026-03-20', title: '反映赵某问题' }));
    await act(t, w.s.officer, p.id, 'accept');
    const assigned = await act(t, w.s.officer, p.id, 'investigate', {
      disposal: 'talk_inquiry',
      investigatorUserId: w.ids.investigator,
    });
    expect(assigned.statusCode).toBe(200);
    const step = `调查核实信访件 ${p.code}（截止 2026-05-19）`;
    expect(await todoTitles(w.s.investigator)).toContain(step);
    expect(await todoTitles(w.s.officer)).not.toContain(step);

    const linked = await call(t, orgOfficer, 'PUT', `/api/v1/cadres/${cadre}/family`, {
      members: [{ relation: '兄弟', name: '某某', userId: w.ids.investigator }],
    });
    expect(linked.statusCode).toBe(200);
    expect(await todoTitles(w.s.investigator)).not.toContain(step);
    expect(await todoTitles(w.s.officer)).toContain(step);
    const [todo] = await openTodos(p.id);
    expect(todo).toMatchObject({
      assigneeUserId: null,
      assigneeRole: 'discipline_officer',
      orgId: w.town.id,
    });
    // the officer still has it after the related investigator tries to complete it
    expect((await call(t, w.s.investigator, 'POST', `/api/v1/todos/${todo.id}/done`)).statusCode).toBe(404);
    expect(await todoTitles(w.s.officer)).toContain(step);
  });
});
