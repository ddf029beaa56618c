import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { petitionEvents } from '../../src/server/modules/petitions/schema.js';
import { sweepOverduePetitions } from '../../src/server/modules/petitions/workflow/overdue-sweep.js';
import { sweepReminders } from '../../src/server/platform/todos/reminder-sweep.js';
import { notifications, todos } from '../../src/server/platform/todos/schema.js';
import { call } from '../support/factories.js';
import {
  act,
  type PetitionWorld,
  petitionWorkflowWorld,
  postPetition,
  setNow,
} from '../support/petition-workflow-world.js';
import { createTestApp, FakeClock, type TestApp } from '../support/test-app.js';

let t: TestApp;
let w: PetitionWorld;
beforeAll(async () => {
  t = await createTestApp({ clock: new FakeClock(new Date('2026-03-02T01:00:00Z')) });
  w = await petitionWorkflowWorld(t);
});
afterAll(async () => t.close());

/** 09:00 Beijing time on a China date. */
const at = (day: string) => setNow(t, `${day}T01:00:00Z`);
const letter = (over: Record<string, unknown> = {}) => ({
  orgId: w.town.id,
  channel: 'letter',
  receivedOn: '2026-03-02',
  realName: false,
  title: '反映征地补偿问题',
  content: '征地补偿款发放不及时。',
  ...over,
});
const get = async (id: number) => (await call(t, w.s.officer, 'GET', `/api/v1/petitions/${id}`)).json();
const overdueIds = async () =>
  (await call(t, w.s.officer, 'GET', '/api/v1/petitions?overdue=true&pageSize=200'))
    .json()
    .items.map((x: any) => x.id);
const petitionTodos = async (id: number) =>
  t.ctx.db
    .select()
    .from(todos)
    .where(and(eq(todos.recordType, 'petition'), eq(todos.recordId, String(id))));

describe('acceptance clock and overdue escalation', () => {
  it('is on time on receipt + 15 days, overdue the day after; escalates once to the leadership; closes with the step', async () => {
    await at('2026-03-02');
    const p = await postPetition(t, w.s.officer, letter());
    expect(p.dueOn).toBe('2026-03-17');

    await at('2026-03-17');
    expect((await get(p.id)).overdueDays).toBe(0);
    expect(await overdueIds()).not.toContain(p.id);
    await sweepOverduePetitions(t.ctx);
    expect((await petitionTodos(p.id)).filter((x) => x.assigneeRole === 'party_secretary')).toEqual([]);

    await at('2026-03-18');
    expect((await get(p.id)).overdueDays).toBe(1);
    expect(await overdueIds()).toContain(p.id);
    expect(await sweepOverduePetitions(t.ctx)).toBeGreaterThanOrEqual(1);
    expect(await sweepOverduePetitions(t.ctx)).toBe(0);
    await at('2026-03-19');
    await sweepOverduePetitions(t.ctx);
    const events = await t.ctx.db
      .select()
      .from(petitionEvents)
      .where(and(eq(petitionEvents.petitionId, p.id), eq(petitionEvents.action, 'overdue')));
    expect(events.map((e) => [e.occurredOn, e.note])).toEqual([
      ['2026-03-18', '受理告知期限已于 2026-03-17 届满，已提请乡镇领导督办'],
    ]);
    const lead = (await petitionTodos(p.id)).filter((x) => x.assigneeRole === 'party_secretary');
    expect(lead.map((x) => [x.status, x.title, x.orgId])).toEqual([
      ['open', `督办逾期信访件 ${p.code}（受理告知期限 2026-03-17 已过）`, w.town.id],
    ]);
    // the platform's sweep tells the township leadership of the overdue step itself
    await sweepReminders(t.ctx);
    const told = await t.ctx.db.select().from(notifications).where(eq(notifications.userId, w.ids.secretary));
    expect(told.map((n) => n.title)).toContain(`待办已逾期：受理信访件 ${p.code}（截止 2026-03-17）`);

    // the step's to-do: its title, its due date and the petition's clock say the same day, and its
    // overdue days are the petition's (one count); it cannot be closed by hand while the case waits
    const listed = (await call(t, w.s.officer, 'GET', '/api/v1/todos?pageSize=100'))
      .json()
      .items.find((x: any) => x.recordType === 'petition' && x.recordId === String(p.id));
    const shown = await get(p.id);
    expect(shown).toMatchObject({ dueOn: '2026-03-17', overdueDays: 2 });
    const inList = (await call(t, w.s.officer, 'GET', '/api/v1/petitions?overdue=true&pageSize=200'))
      .json()
      .items.find((x: any) => x.id === p.id);
    expect(inList).toMatchObject({ dueOn: '2026-03-17', overdueDays: 2 });
    expect(listed).toMatchObject({
      title: `受理信访件 ${p.code}（截止 ${shown.dueOn}）`,
      kind: 'step',
      dueOn: shown.dueOn,
      dueState: 'overdue',
      overdueDays: shown.overdueDays,
    });
    const byHand = await call(t, w.s.officer, 'POST', `/api/v1/todos/${listed.id}/done`);
    expect(byHand.statusCode).toBe(422);
    expect(byHand.json().error.message).toContain('办理完成后自动办结');
    expect((await petitionTodos(p.id)).find((x) => x.id === listed.id)?.status).toBe('open');

    await act(t, w.s.officer, p.id, 'accept');
    expect((await petitionTodos(p.id)).find((x) => x.id === listed.id)?.status).toBe('done');
    const after = await petitionTodos(p.id);
    expect(after.filter((x) => x.status === 'open').map((x) => x.assigneeRole)).toEqual([
      'discipline_officer',
    ]);
    expect(after.filter((x) => x.assigneeRole === 'party_secretary').map((x) => x.status)).toEqual(['done']);
    expect(await overdueIds()).not.toContain(p.id);
  });

  it('handling: 60 days from acceptance; an assigned case no later than the assigning body’s date', async () => {
    await at('2026-03-02');
    const p = await postPetition(t, w.s.officer, letter());
    expect((await act(t, w.s.officer, p.id, 'accept')).json().dueOn).toBe('2026-05-01');
    const a = await postPetition(
      t,
      w.s.officer,
      letter({
        channel: 'assigned',
        assignedBy: '清江区纪委',
        assignedRef: '清纪交〔2026〕9号',
        assignedDueOn: '2026-03-12',
      }),
    );
    expect(a.dueOn).toBe('2026-03-12');
    expect((await act(t, w.s.officer, a.id, 'accept')).json()).toMatchObject({
      dueKind: 'handling',
      dueOn: '2026-03-12',
    });
  });
});

/** Registers a real-name case and takes it to 待审批 (予以了结) on `start`, approves it on `approveOn`. */
async function approvedOn(start: string, approveOn: string) {
  await at(start);
  const p = await postPetition(
    t,
    w.s.officer,
    letter({ receivedOn: start, realName: true, reporter: { name: '钱立新' } }),
  );
  await act(t, w.s.officer, p.id, 'accept');
  await act(t, w.s.officer, p.id, 'close', { opinion: '反映问题已解决，予以了结。' });
  await at(approveOn);
  return (await act(t, w.s.secretary, p.id, 'approve')).json();
}

describe('real-name result feedback: 15 working days after approval, on the real calendar', () => {
  it('the calendar holds National Day 2025 and Spring Festival 2026 with their 调休 days', async () => {
    for (const [day, working] of [
      ['2025-09-28', true],
      ['2025-10-01', false],
      ['2025-10-08', false],
      ['2025-10-11', true],
      ['2026-02-14', true],
      ['2026-02-16', false],
      ['2026-02-28', true],
    ] as const)
      expect(await t.ctx.calendar.isWorkingDay(day), day).toBe(working);
  });

  it('across National Day: approved Friday 2025-09-26 → due 2025-10-23', async () => {
    const p = await approvedOn('2025-09-01', '2025-09-26');
    expect(p).toMatchObject({ status: 'approved', dueKind: 'reply', dueOn: '2025-10-23' });
    await at('2025-10-23');
    expect((await get(p.id)).overdueDays).toBe(0);
    await at('2025-10-24');
    expect((await get(p.id)).overdueDays).toBe(1);
  });

  it('across Spring Festival: approved Thursday 2026-02-12 → due 2026-03-11', async () => {
    const p = await approvedOn('2026-01-05', '2026-02-12');
    expect(p).toMatchObject({ dueKind: 'reply', dueOn: '2026-03-11' });
  });
});

describe('review requests', () => {
  async function repliedOn(day: string) {
    await at(day);
    const p = await postPetition(t, w.s.officer, letter({ receivedOn: day }));
    await act(t, w.s.officer, p.id, 'accept');
    await act(t, w.s.officer, p.id, 'close', { opinion: '予以了结。' });
    await act(t, w.s.secretary, p.id, 'approve');
    await act(t, w.s.officer, p.id, 'reply', { reply: '经核实，问题已解决。' });
    return (await act(t, w.s.officer, p.id, 'conclude')).json();
  }

  it('are accepted on day 30 after the reply and refused on day 31 with the last day named', async () => {
    const a = await repliedOn('2026-03-02');
    const b = await repliedOn('2026-03-02');
    await at('2026-04-01');
    const ok = await act(t, w.s.officer, a.id, 'request_review');
    expect(ok.json()).toMatchObject({
      status: 'reviewing',
      reviewRequestedOn: '2026-04-01',
      dueOn: '2026-05-01',
    });
    await at('2026-04-02');
    const late = await act(t, w.s.officer, b.id, 'request_review');
    expect(late.statusCode).toBe(422);
    expect(late.json().error.message).toBe('申请期限已过：应在收到答复之日起 30 日内（2026-04-01 前）提出');
  });
});
