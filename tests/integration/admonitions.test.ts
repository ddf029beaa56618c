import { and, eq, inArray } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepOverdueSupervision } from '../../src/server/modules/admonitions/overdue-sweep.js';
import { admonitions, inquiries } from '../../src/server/modules/admonitions/schema.js';
import { petitionEvents } from '../../src/server/modules/petitions/schema.js';
import { auditLog } from '../../src/server/platform/audit/schema.js';
import { todos } from '../../src/server/platform/todos/schema.js';
import { type AdmonitionWorld, admonitionWorld, ok, twoTalkers } from '../support/admonition-world.js';
import { call } from '../support/factories.js';
import { upload } from '../support/lrmx-helpers.js';
import { act, advanceDays, postPetition, setNow } from '../support/petition-workflow-world.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let w: AdmonitionWorld;

beforeAll(async () => {
  t = await createTestApp();
  w = await admonitionWorld(t);
});
afterAll(async () => t.close());

const auditActions = async (objectType: string, id: number) =>
  (
    await t.ctx.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.objectType, objectType), eq(auditLog.objectId, String(id))))
  ).map((r) => r.action);

async function petitionUnderInquiry() {
  const p = await postPetition(t, w.s.officer, {
    orgId: w.town.id,
    channel: 'letter',
    receivedOn: '2026-03-02',
    realName: false,
    title: '反映王建军工作作风问题',
    content: '王建军在征地工作中态度粗暴。',
    subjects: [{ cadreId: w.cadreId }],
  });
  expect((await act(t, w.s.officer, p.id, 'accept')).statusCode).toBe(200);
  const r = await act(t, w.s.officer, p.id, 'investigate', {
    disposal: 'talk_inquiry',
    investigatorUserId: w.ids.officer,
  });
  expect(r.statusCode, r.body).toBe(200);
  return p;
}

describe('petition 谈话函询 → inquiry → reply → 诫勉 → tracking → release', () => {
  let petitionId: number;
  let inquiryId: number;
  let admonitionId: number;

  it('sends an inquiry from a petition under 谈话函询, linked both ways, with its reply period on the calendar', async () => {
    petitionId = (await petitionUnderInquiry()).id;
    const i = await ok(t, w.s.officer, 'POST', '/api/v1/inquiries', {
      cadreId: w.cadreId,
      sourceKind: '信访',
      petitionId,
      question: '请就群众反映你在征地工作中态度粗暴的问题作出说明。',
    });
    inquiryId = i.id;
    // 2026-03-02 (Mon) + 15 working days = 2026-03-23
    expect(i).toMatchObject({ status: 'sent', dueOn: '2026-03-23', cadreName: '王建军', petitionId });
    expect(i.code).toMatch(/^[A-Z0-9]+-HX2026-0001$/);
    const events = await t.ctx.db
      .select()
      .from(petitionEvents)
      .where(eq(petitionEvents.petitionId, petitionId));
    expect(events.find((e) => e.action === 'inquiry')?.note).toContain(i.code);
    const [todo] = await t.ctx.db
      .select()
      .from(todos)
      .where(
        and(eq(todos.recordType, 'inquiry'), eq(todos.recordId, String(i.id)), eq(todos.status, 'open')),
      );
    expect(todo).toMatchObject({ assigneeUserId: w.ids.cadre, dueOn: '2026-03-23' });
    const letter = await call(t, w.s.officer, 'GET', `/api/v1/inquiries/${i.id}/letter.docx`);
    expect(letter.statusCode).toBe(200);
    expect(letter.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('refuses a petition not under 谈话函询 and a cadre the petition does not name', async () => {
    const res = await call(t, w.s.officer, 'POST', '/api/v1/inquiries', {
      cadreId: w.otherCadreId,
      sourceKind: '信访',
      petitionId,
      question: '说明',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toHaveProperty('cadreId');
    expect(await t.ctx.db.select().from(inquiries).where(eq(inquiries.cadreId, w.otherCadreId))).toEqual([]);
  });

  it('the cadre sees only its own inquiry; another cadre can neither see nor answer it', async () => {
    const mine = await ok(t, w.s.cadre, 'GET', '/api/v1/me/inquiries');
    expect(mine.items.map((x: any) => x.id)).toEqual([inquiryId]);
    expect((await ok(t, w.s.otherCadre, 'GET', '/api/v1/me/inquiries')).items).toEqual([]);
    expect((await call(t, w.s.otherCadre, 'GET', `/api/v1/me/inquiries/${inquiryId}`)).statusCode).toBe(404);
    const forged = await call(t, w.s.otherCadre, 'POST', `/api/v1/me/inquiries/${inquiryId}/reply`, {
      version: 1,
      reply: '代为回复',
    });
    expect(forged.statusCode).toBe(404);
    // the cadre role reaches nothing of the officers' routes, nor its own record there
    expect((await call(t, w.s.cadre, 'GET', `/api/v1/inquiries/${inquiryId}`)).statusCode).toBe(403);
    expect((await call(t, w.s.cadre, 'GET', '/api/v1/admonitions')).statusCode).toBe(403);
  });

  it('the subject and related users do not see the record; another township gets 404', async () => {
    expect((await call(t, w.s.wife, 'GET', `/api/v1/inquiries/${inquiryId}`)).statusCode).toBe(404);
    expect((await ok(t, w.s.wife, 'GET', '/api/v1/inquiries')).items).toEqual([]);
    expect((await call(t, w.s.otherTown, 'GET', `/api/v1/inquiries/${inquiryId}`)).statusCode).toBe(404);
  });

  it('the cadre replies; the unit head endorses; a reply after it closed is refused', async () => {
    const r = await ok(t, w.s.cadre, 'POST', `/api/v1/me/inquiries/${inquiryId}/reply`, {
      version: 1,
      reply: '本人在征地中确有急躁情绪，已向当事群众道歉。',
    });
    expect(r).toMatchObject({ status: 'replied', onTime: true });
    const again = await call(t, w.s.cadre, 'POST', `/api/v1/me/inquiries/${inquiryId}/reply`, {
      version: 2,
      reply: '补充',
    });
    expect(again.statusCode).toBe(422);
    const e = await ok(t, w.s.unitHead, 'POST', `/api/v1/inquiries/${inquiryId}/endorse`, {
      version: 2,
      note: '情况属实',
    });
    expect(e).toMatchObject({ status: 'endorsed', endorsedBy: w.ids.unitHead });
    expect(e.endorsedAt).toBeTruthy();
  });

  it('the conclusion 诫勉 opens an admonition through openAdmonition, linked both ways', async () => {
    const c = await ok(t, w.s.officer, 'POST', `/api/v1/inquiries/${inquiryId}/conclude`, {
      version: 3,
      conclusion: 'admonition',
      note: '工作方法简单粗暴，给予诫勉。',
    });
    expect(c).toMatchObject({ status: 'concluded', conclusion: 'admonition', conclusionLabel: '诫勉' });
    admonitionId = c.admonitionId;
    const a = await ok(t, w.s.officer, 'GET', `/api/v1/admonitions/${admonitionId}`);
    expect(a).toMatchObject({
      status: 'pending_talk',
      sourceKind: '函询',
      sourceRefType: 'inquiry',
      sourceRefId: inquiryId,
      inquiry: { id: inquiryId },
    });
    const events = await t.ctx.db
      .select()
      .from(petitionEvents)
      .where(eq(petitionEvents.petitionId, petitionId));
    expect(events.find((e) => e.action === 'inquiry_concluded')?.note).toContain('诫勉');
    // the reply went to the supervision file
    const file = await ok(t, w.s.officer, 'GET', `/api/v1/cadres/${w.cadreId}/file`);
    const titles = JSON.stringify(file.timeline);
    expect(titles).toContain('函询回复');
    expect(titles).toContain('诫勉谈话');
    // the subject's own account never reads it
    expect((await call(t, w.s.wife, 'GET', `/api/v1/cadres/${w.cadreId}/file`)).statusCode).toBe(404);
  });

  it('a talk with one talker or a future date is refused naming the field; nothing is written', async () => {
    const before = (await t.ctx.db.select().from(admonitions).where(eq(admonitions.id, admonitionId)))[0];
    const one = await call(t, w.s.officer, 'POST', `/api/v1/admonitions/${admonitionId}/talk`, {
      ...twoTalkers('2026-03-02'),
      talkers: ['张书记', '张书记'],
      version: before.version,
    });
    expect(one.statusCode, one.body).toBe(400);
    expect(one.json().error.fields.talkers).toContain('不少于 2 名');
    const future = await call(t, w.s.officer, 'POST', `/api/v1/admonitions/${admonitionId}/talk`, {
      ...twoTalkers('2027-01-10'),
      version: before.version,
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.fields).toHaveProperty('talkOn');
    const after = (await t.ctx.db.select().from(admonitions).where(eq(admonitions.id, admonitionId)))[0];
    expect(after).toEqual(before);
  });

  it('the talk starts six monthly check-ins; release before the end is refused; eligibility shows the block', async () => {
    await setNow(t, '2026-03-25T02:00:00Z');
    const a = await ok(t, w.s.officer, 'POST', `/api/v1/admonitions/${admonitionId}/talk`, {
      ...twoTalkers('2026-03-25'),
      version: 1,
    });
    expect(a).toMatchObject({
      status: 'tracking',
      trackingEndsOn: '2026-09-25',
      nextCheckInOn: '2026-04-27',
    });
    expect(a.checkInDates).toHaveLength(6);
    const early = await call(t, w.s.officer, 'POST', `/api/v1/admonitions/${admonitionId}/release`, {
      version: a.version,
      on: '2026-03-25',
      note: '表现良好',
    });
    expect(early.statusCode).toBe(422);
    expect(early.json().error.message).toContain('期满后方可解除诫勉');
    const e = await ok(t, w.s.orgOfficer, 'GET', `/api/v1/cadres/${w.cadreId}/eligibility`);
    const block = e.reasons.find((r: any) => r.code === 'admonition');
    expect(block).toMatchObject({
      since: '2026-03-25',
      clearsOn: '2026-09-25',
      rule: { key: 'admonition.promotion_block' },
    });
  });

  it('runs the check-ins with the clock, releases, and the block ends at the rule date', async () => {
    let a = await ok(t, w.s.officer, 'GET', `/api/v1/admonitions/${admonitionId}`);
    for (const due of a.checkInDates as string[]) {
      await setNow(t, `${due}T02:00:00Z`);
      a = await ok(t, w.s.officer, 'POST', `/api/v1/admonitions/${admonitionId}/check-ins`, {
        version: a.version,
        on: due,
        rating: '好',
        note: '工作态度明显改进',
      });
    }
    expect(a.checkInsDone).toBe(6);
    expect(a.nextCheckInOn).toBeNull();
    const more = await call(t, w.s.officer, 'POST', `/api/v1/admonitions/${admonitionId}/check-ins`, {
      version: a.version,
      on: a.checkInDates[5],
      rating: '好',
      note: '再记一次',
    });
    expect(more.statusCode).toBe(422);
    await setNow(t, '2026-09-28T02:00:00Z');
    a = await ok(t, w.s.officer, 'POST', `/api/v1/admonitions/${admonitionId}/release`, {
      version: a.version,
      on: '2026-09-28',
      note: '跟踪考察期间表现良好，解除诫勉。',
    });
    expect(a).toMatchObject({ status: 'released', releasedOn: '2026-09-28' });
    expect(a.effects[0]).toMatchObject({ label: '诫勉', clearsOn: '2026-09-25' });
    const e = await ok(t, w.s.orgOfficer, 'GET', `/api/v1/cadres/${w.cadreId}/eligibility?date=2026-09-24`);
    expect(e.reasons.map((r: any) => r.code)).toContain('admonition');
    const later = await ok(
      t,
      w.s.orgOfficer,
      'GET',
      `/api/v1/cadres/${w.cadreId}/eligibility?date=2026-09-25`,
    );
    expect(later.reasons.map((r: any) => r.code)).not.toContain('admonition');
    // every step audited
    expect(await auditActions('admonition', admonitionId)).toEqual(
      expect.arrayContaining([
        'admonition.open',
        'admonition.talk',
        'admonition.check_in',
        'admonition.release',
      ]),
    );
    expect(await auditActions('inquiry', inquiryId)).toEqual(
      expect.arrayContaining(['inquiry.open', 'inquiry.reply', 'inquiry.endorse', 'inquiry.conclude']),
    );
    // the check-in to-dos are done, none left open
    const open = await t.ctx.db
      .select()
      .from(todos)
      .where(
        and(
          eq(todos.recordType, 'admonition'),
          eq(todos.recordId, String(admonitionId)),
          eq(todos.status, 'open'),
        ),
      );
    expect(open).toEqual([]);
  });

  it('the relatives and the subject never see the admonition; the list shows it to the office', async () => {
    expect((await call(t, w.s.wife, 'GET', `/api/v1/admonitions/${admonitionId}`)).statusCode).toBe(404);
    expect((await ok(t, w.s.wife, 'GET', '/api/v1/admonitions')).items).toEqual([]);
    expect((await call(t, w.s.otherTown, 'GET', `/api/v1/admonitions/${admonitionId}`)).statusCode).toBe(404);
    const list = await ok(t, w.s.orgOfficer, 'GET', '/api/v1/admonitions?status=released');
    expect(list.items.map((x: any) => x.id)).toEqual([admonitionId]);
    const ledger = await call(t, w.s.orgOfficer, 'GET', '/api/v1/admonitions/ledger.xlsx?year=2026');
    expect(ledger.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(ledger.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('诫勉台帐')!;
    expect(sheet.getRow(2).getCell(2).value).toBe('编号');
    expect(sheet.getRow(3).getCell(3).value).toBe('王建军');
    expect(sheet.getRow(3).getCell(6).value).toBe('函询');
    expect(sheet.getRow(3).getCell(13).value).toBe('已解除诫勉');
    const inq = await call(t, w.s.officer, 'GET', '/api/v1/inquiries/ledger.xlsx?year=2026');
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(inq.rawPayload as unknown as ArrayBuffer);
    expect(wb2.getWorksheet('函询台帐')!.getRow(3).getCell(15).value).toBe('诫勉');
    // the wife's ledger leaves him out
    const hers = await call(t, w.s.wife, 'GET', '/api/v1/inquiries/ledger.xlsx?year=2026');
    const wb3 = new ExcelJS.Workbook();
    await wb3.xlsx.load(hers.rawPayload as unknown as ArrayBuffer);
    expect(wb3.getWorksheet('函询台帐')!.actualRowCount).toBe(2);
  });
});

describe('organizational measures, escalation, bad input', () => {
  it('an admonition opened by hand, talked, ending in 免职: the measure blocks for its own period', async () => {
    await setNow(t, '2026-10-12T02:00:00Z');
    let a = await ok(t, w.s.orgOfficer, 'POST', '/api/v1/admonitions', {
      cadreId: w.otherCadreId,
      sourceKind: '民主测评',
      reason: '民主测评不称职票超过三分之一',
      talk: twoTalkers('2026-10-12'),
    });
    expect(a.status).toBe('tracking');
    a = await ok(t, w.s.orgOfficer, 'POST', `/api/v1/admonitions/${a.id}/measure`, {
      version: a.version,
      on: '2026-10-12',
      measure: 'removal',
      note: '整改不力，予以免职',
    });
    expect(a).toMatchObject({ status: 'measures', measureKind: 'removal' });
    const e = await ok(t, w.s.orgOfficer, 'GET', `/api/v1/cadres/${w.otherCadreId}/eligibility`);
    expect(e.reasons.find((r: any) => r.code === 'org_measure')).toMatchObject({
      clearsOn: '2027-10-12',
      rule: { key: 'org_measure.removal' },
    });
  });

  it('an unanswered inquiry and an undecided admonition escalate once to the party secretary', async () => {
    await setNow(t, '2026-11-02T02:00:00Z');
    const i = await ok(t, w.s.officer, 'POST', '/api/v1/inquiries', {
      cadreId: w.otherCadreId,
      sourceKind: '其他',
      question: '请说明你在某项目中的履职情况。',
    });
    const a = await ok(t, w.s.orgOfficer, 'POST', '/api/v1/admonitions', {
      cadreId: w.otherCadreId,
      sourceKind: '组织考察',
      reason: '考察中发现问题',
      talk: twoTalkers('2026-11-02'),
    });
    expect(await sweepOverdueSupervision(t.ctx)).toBe(0);
    await advanceDays(t, 30);
    expect(await sweepOverdueSupervision(t.ctx)).toBe(1);
    expect(await sweepOverdueSupervision(t.ctx)).toBe(0);
    const pressed = await t.ctx.db
      .select()
      .from(todos)
      .where(and(eq(todos.recordType, 'inquiry_overdue'), eq(todos.recordId, String(i.id))));
    expect(pressed).toHaveLength(1);
    expect(pressed[0].assigneeRole).toBe('party_secretary');
    // the admonition: 6 months + 5 working days later, still undecided
    await setNow(t, `${a.decideBy}T02:00:00Z`);
    await advanceDays(t, 1);
    expect(await sweepOverdueSupervision(t.ctx)).toBe(1);
    const detail = await ok(t, w.s.orgOfficer, 'GET', `/api/v1/admonitions/${a.id}`);
    expect(detail.events.map((e: any) => e.action)).toContain('overdue');
    expect(detail.overdue).toBe(true);
    const late = await ok(t, w.s.officer, 'GET', '/api/v1/inquiries?overdue=true');
    expect(late.items.map((x: any) => x.id)).toContain(i.id);
  });

  it('bad input: a cadre outside the scope, a future opening date, a stale version, an unknown source', async () => {
    const far = await call(t, w.s.orgOfficer, 'POST', '/api/v1/admonitions', {
      cadreId: w.farCadreId,
      sourceKind: '组织考察',
      reason: '越权',
    });
    expect(far.statusCode).toBe(404);
    const future = await call(t, w.s.orgOfficer, 'POST', '/api/v1/admonitions', {
      cadreId: w.otherCadreId,
      sourceKind: '组织考察',
      reason: '未来',
      openedOn: '2099-01-01',
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.fields).toHaveProperty('openedOn');
    const unknown = await call(t, w.s.orgOfficer, 'POST', '/api/v1/admonitions', {
      cadreId: w.otherCadreId,
      sourceKind: '天降',
      reason: '未知',
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields).toHaveProperty('sourceKind');
    const rows = await t.ctx.db
      .select()
      .from(admonitions)
      .where(inArray(admonitions.reason, ['越权', '未来', '未知']));
    expect(rows).toEqual([]);
    const [one] = await t.ctx.db.select().from(admonitions).where(eq(admonitions.cadreId, w.otherCadreId));
    const stale = await call(t, w.s.orgOfficer, 'POST', `/api/v1/admonitions/${one.id}/reports`, {
      version: one.version - 1,
      on: '2026-12-01',
      note: '旧版本',
    });
    expect(stale.statusCode).toBe(409);
  });
});

describe('figures', () => {
  it('count what the drill-down lists, as of a date, for the office and none for the relatives', async () => {
    const keys = [
      'admonitions.started',
      'admonitions.released',
      'admonitions.tracking',
      'admonitions.measures',
      'inquiries.sent',
      'inquiries.answered_on_time',
      'inquiries.concluded',
    ];
    const q = `orgId=${w.town.id}&from=2026-01-01&to=2026-12-31&asOf=2026-12-31`;
    const res = await ok(t, w.s.orgOfficer, 'GET', `/api/v1/figures?keys=${keys.join(',')}&${q}`);
    const value = Object.fromEntries(res.figures.map((f: any) => [f.key, f.value]));
    expect(value).toEqual({
      'admonitions.started': 3,
      'admonitions.released': 1,
      'admonitions.tracking': 1,
      'admonitions.measures': 1,
      'inquiries.sent': 2,
      'inquiries.answered_on_time': 1,
      'inquiries.concluded': 1,
    });
    for (const key of keys) {
      const r = await ok(t, w.s.orgOfficer, 'GET', `/api/v1/figures/${key}/records?${q}&pageSize=100`);
      expect(r.total, key).toBe(value[key]);
      expect(r.items, key).toHaveLength(value[key]);
    }
    const concluded = res.figures.find((f: any) => f.key === 'inquiries.concluded');
    expect(concluded.groups.find((g: any) => g.key === 'admonition').value).toBe(1);
    // as of the day before the release, it was still under tracking
    const before = await ok(
      t,
      w.s.orgOfficer,
      'GET',
      `/api/v1/figures?keys=admonitions.released,admonitions.tracking&orgId=${w.town.id}&from=2026-01-01&to=2026-12-31&asOf=2026-09-27`,
    );
    expect(before.figures.map((f: any) => f.value)).toEqual([0, 1]);
    // the wife (related to 王建军) counts without his records
    const hers = await ok(t, w.s.wife, 'GET', `/api/v1/figures?keys=admonitions.started&${q}`);
    expect(hers.figures[0].value).toBe(2);
  });
});

describe('the other conclusions', () => {
  const answer = async (id: number, cadre: 'cadre' | 'otherCadre') => {
    await ok(t, w.s[cadre], 'POST', `/api/v1/me/inquiries/${id}/reply`, {
      version: 1,
      reply: '如实说明有关情况。',
    });
    await ok(t, w.s.unitHead, 'POST', `/api/v1/inquiries/${id}/endorse`, { version: 2 });
  };

  it('予以提醒 opens a 提醒谈话: one talk, no tracking', async () => {
    const i = await ok(t, w.s.officer, 'POST', '/api/v1/inquiries', {
      cadreId: w.otherCadreId,
      sourceKind: '个人有关事项',
      question: '请说明个人有关事项报告中漏报的情况。',
    });
    await answer(i.id, 'otherCadre');
    const c = await ok(t, w.s.officer, 'POST', `/api/v1/inquiries/${i.id}/conclude`, {
      version: 3,
      conclusion: 'reminder',
      note: '属漏报，予以提醒',
    });
    const a = await ok(t, w.s.officer, 'GET', `/api/v1/admonitions/${c.admonitionId}`);
    expect(a).toMatchObject({ kind: 'reminder', status: 'pending_talk', sourceKind: '函询' });
    const talked = await ok(t, w.s.officer, 'POST', `/api/v1/admonitions/${a.id}/talk`, {
      ...twoTalkers(a.openedOn),
      version: a.version,
    });
    expect(talked).toMatchObject({ status: 'talked', trackingEndsOn: null, checkInDates: [], effects: [] });
  });

  it('初步核实 hands the petition back to its handlers, with the result on its history', async () => {
    const p = await petitionUnderInquiry();
    const i = await ok(t, w.s.officer, 'POST', '/api/v1/inquiries', {
      cadreId: w.cadreId,
      sourceKind: '信访',
      petitionId: p.id,
      question: '请说明。',
    });
    await answer(i.id, 'cadre');
    await ok(t, w.s.officer, 'POST', `/api/v1/inquiries/${i.id}/conclude`, {
      version: 3,
      conclusion: 'preliminary_check',
      note: '说明不清，转初步核实',
    });
    const handBack = await t.ctx.db
      .select()
      .from(todos)
      .where(and(eq(todos.recordType, 'petition_inquiry'), eq(todos.recordId, String(p.id))));
    expect(handBack).toHaveLength(1);
    expect(handBack[0].title).toContain('初步核实');
    const detail = await ok(t, w.s.officer, 'GET', `/api/v1/petitions/${p.id}`);
    expect(detail.events.map((e: any) => e.action)).toEqual(
      expect.arrayContaining(['inquiry', 'inquiry_concluded']),
    );
    // the wife never sees the petition's inquiry either
    expect((await call(t, w.s.wife, 'GET', `/api/v1/inquiries?petitionId=${p.id}`)).json().items).toEqual([]);
  });
});

describe('files on an admonition', () => {
  it('keeps the talk record as a file, serves it back audited by number, and never to a related or far officer', async () => {
    await setNow(t, '2026-11-20T02:00:00Z');
    const a = await ok(t, w.s.orgOfficer, 'POST', '/api/v1/admonitions', {
      cadreId: w.cadreId,
      sourceKind: '其他',
      reason: '工作作风问题',
      talk: twoTalkers('2026-11-20'),
    });
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const up = await upload(t, w.s.orgOfficer, `/api/v1/admonitions/${a.id}/attachments`, {
      name: '谈话记录.pdf',
      bytes: pdf,
    });
    expect(up.statusCode, up.body).toBe(200);
    const url = `/api/v1/admonitions/${a.id}/attachments/${up.json().id}`;
    const dl = await call(t, w.s.orgOfficer, 'GET', url);
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-disposition']).toMatch(/^attachment;/);
    expect(dl.rawPayload.equals(pdf)).toBe(true);
    const [entry] = await t.ctx.db
      .select({ detail: auditLog.detail })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'admonition.attachment_download'), eq(auditLog.objectId, String(a.id))));
    expect(entry.detail).toMatchObject({ code: a.code, attachmentId: up.json().id });
    expect(JSON.stringify(entry.detail)).not.toContain('谈话记录');
    // the cadre's wife (recused) and another township's officer get nothing
    expect((await call(t, w.s.wife, 'GET', url)).statusCode).toBe(404);
    expect((await call(t, w.s.otherTown, 'GET', url)).statusCode).toBe(404);
    // an attachment number of another record is not found through this one
    expect(
      (await call(t, w.s.orgOfficer, 'GET', `/api/v1/admonitions/${a.id}/attachments/999999`)).statusCode,
    ).toBe(404);
  });
});
