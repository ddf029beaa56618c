import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admonitionEvents, admonitions } from '../../src/server/modules/admonitions/schema.js';
import { auditLog } from '../../src/server/platform/audit/schema.js';
import { todos } from '../../src/server/platform/todos/schema.js';
import { type AdmonitionWorld, admonitionWorld, ok, twoTalkers } from '../support/admonition-world.js';
import { call } from '../support/factories.js';
import { setNow } from '../support/petition-workflow-world.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * The cadre's own quarterly written report (书面报告思想和工作情况) during an admonition's tracking,
 * handed in from the cadre's account (我的诫勉): the to-do per due report, nobody else's record,
 * never the officers' notes, and the officer's paper record counting the same.
 */
let t: TestApp;
let w: AdmonitionWorld;
let id: number;
const REPORT = '诫勉以来，本人认真反思在征地工作中的问题，主动向群众道歉，改进工作方法，按期完成整改。';

beforeAll(async () => {
  t = await createTestApp();
  w = await admonitionWorld(t);
  await setNow(t, '2026-03-02T02:00:00Z');
  const a = await ok(t, w.s.orgOfficer, 'POST', '/api/v1/admonitions', {
    cadreId: w.cadreId,
    sourceKind: '组织考察',
    reason: '考察中发现工作作风问题',
    talk: twoTalkers('2026-03-02'),
  });
  id = a.id;
});
afterAll(async () => t.close());

const openReportTodos = () =>
  t.ctx.db
    .select()
    .from(todos)
    .where(
      and(
        eq(todos.recordType, 'admonition_report'),
        eq(todos.recordId, String(id)),
        eq(todos.status, 'open'),
      ),
    );
const reportEvents = () =>
  t.ctx.db
    .select()
    .from(admonitionEvents)
    .where(and(eq(admonitionEvents.admonitionId, id), eq(admonitionEvents.action, 'report')));

describe("the cadre's own written report", () => {
  it('is due each quarter of the tracking, on the cadre’s own to-do list', async () => {
    const [a] = await t.ctx.db.select().from(admonitions).where(eq(admonitions.id, id));
    expect(a.status).toBe('tracking');
    expect(a.reportDates).toEqual(['2026-06-02', '2026-09-02']);
    const open = await openReportTodos();
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ assigneeUserId: w.ids.cadre, dueOn: '2026-06-02' });
    expect(open[0].link).toBe(`/my-admonitions/${id}`);
  });

  it('shows the cadre their admonition and the reports due, never the officers’ notes', async () => {
    const list = await ok(t, w.s.cadre, 'GET', '/api/v1/me/admonitions');
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({
      id,
      reportsDone: 0,
      nextReportDue: '2026-06-02',
      status: 'tracking',
    });
    const one = await ok(t, w.s.cadre, 'GET', `/api/v1/me/admonitions/${id}`);
    expect(one.reports).toEqual([]);
    for (const hidden of [
      'talkRecord',
      'cadreStatement',
      'reason',
      'talkers',
      'checkInDates',
      'responsibleUserId',
    ])
      expect(one).not.toHaveProperty(hidden);
  });

  it('is refused to another cadre (404), to an officer without the permission (403) and when too short (400 naming the field)', async () => {
    expect((await ok(t, w.s.otherCadre, 'GET', '/api/v1/me/admonitions')).items).toEqual([]);
    expect((await call(t, w.s.otherCadre, 'GET', `/api/v1/me/admonitions/${id}`)).statusCode).toBe(404);
    const other = await call(t, w.s.otherCadre, 'POST', `/api/v1/me/admonitions/${id}/reports`, {
      version: 1,
      text: REPORT,
    });
    expect(other.statusCode).toBe(404);
    const officer = await call(t, w.s.officer, 'POST', `/api/v1/me/admonitions/${id}/reports`, {
      version: 1,
      text: REPORT,
    });
    expect(officer.statusCode).toBe(403);
    const short = await call(t, w.s.cadre, 'POST', `/api/v1/me/admonitions/${id}/reports`, {
      version: 1,
      text: '已整改',
    });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.fields.text).toBe('书面报告不少于 20 字');
    expect(await reportEvents()).toEqual([]);
  });

  it('is handed in by the cadre: on the record’s timeline, audited, and the to-do moves to the next quarter', async () => {
    await setNow(t, '2026-06-01T02:00:00Z');
    const mine = await ok(t, w.s.cadre, 'GET', `/api/v1/me/admonitions/${id}`);
    const stale = await call(t, w.s.cadre, 'POST', `/api/v1/me/admonitions/${id}/reports`, {
      version: mine.version - 1,
      text: REPORT,
    });
    expect(stale.statusCode).toBe(409);
    const after = await ok(t, w.s.cadre, 'POST', `/api/v1/me/admonitions/${id}/reports`, {
      version: mine.version,
      text: REPORT,
    });
    expect(after).toMatchObject({ reportsDone: 1, nextReportDue: '2026-09-02' });
    expect(after.reports).toEqual([
      { on: '2026-06-01', dueOn: '2026-06-02', text: REPORT, byOwnAccount: true },
    ]);
    const [e] = await reportEvents();
    expect(e).toMatchObject({
      userId: w.ids.cadre,
      occurredOn: '2026-06-01',
      detail: { by: 'own_account', late: false },
    });
    const open = await openReportTodos();
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ assigneeUserId: w.ids.cadre, dueOn: '2026-09-02' });
    const audit = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'admonition.own_report'), eq(auditLog.objectId, String(id))));
    expect(audit).toHaveLength(1);
  });

  it('counts a paper report recorded by the officer the same: nothing more is due, a further one is refused', async () => {
    await setNow(t, '2026-09-03T02:00:00Z');
    const a = await ok(t, w.s.orgOfficer, 'GET', `/api/v1/admonitions/${id}`);
    await ok(t, w.s.orgOfficer, 'POST', `/api/v1/admonitions/${id}/reports`, {
      version: a.version,
      on: '2026-09-03',
      note: '本人递交纸质书面报告，已存档。',
    });
    expect(await openReportTodos()).toEqual([]);
    const mine = await ok(t, w.s.cadre, 'GET', `/api/v1/me/admonitions/${id}`);
    expect(mine).toMatchObject({ reportsDone: 2, nextReportDue: null });
    expect((await ok(t, w.s.cadre, 'GET', '/api/v1/me/admonitions')).items[0]).toMatchObject({
      id,
      reportsDone: 2,
      nextReportDue: null,
    });
    expect(mine.reports[1]).toMatchObject({ dueOn: '2026-09-02', byOwnAccount: false });
    const more = await call(t, w.s.cadre, 'POST', `/api/v1/me/admonitions/${id}/reports`, {
      version: mine.version,
      text: REPORT,
    });
    expect(more.statusCode).toBe(422);
    expect(more.json().error.message).toBe('跟踪考察期内应交的 2 份书面报告均已提交');
    expect(await reportEvents()).toHaveLength(2);
  });
});
