import { and, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openReporter } from '../../src/server/modules/petitions/reporter-identity.js';
import { petitionDocuments, petitions } from '../../src/server/modules/petitions/schema.js';
import { call, makeUser, type Session, signIn } from '../support/factories.js';
import {
  act,
  advanceDays,
  type PetitionWorld,
  petitionWorkflowWorld,
  postPetition,
  setNow,
} from '../support/petition-workflow-world.js';
import { createTestApp, FakeClock, type TestApp } from '../support/test-app.js';

let t: TestApp;
let w: PetitionWorld;
let admin: Session;
beforeAll(async () => {
  t = await createTestApp({ clock: new FakeClock(new Date('2026-03-02T01:00:00Z')) });
  w = await petitionWorkflowWorld(t);
  admin = await signIn(
    t,
    (await makeUser(t.ctx, { orgId: w.district.id, roles: ['sys_admin'], dataScope: 'all' })).username,
  );
});
afterAll(async () => t.close());
afterEach(() => setNow(t, '2026-03-02T01:00:00Z'));

const letter = (over: Record<string, unknown> = {}) => ({
  orgId: w.town.id,
  channel: 'letter',
  receivedOn: '2026-03-02',
  realName: false,
  title: '反映村干部优亲厚友问题',
  content: '低保评定中优亲厚友。',
  ...over,
});
const detail = async (s: Session, id: number) => (await call(t, s, 'GET', `/api/v1/petitions/${id}`)).json();

describe('四眼原则: approval by someone other than the one who submitted or wrote the opinions', () => {
  it('refuses the officer who closed the case with their own opinion, in Chinese; another approver or the secretary approves', async () => {
    const p = await postPetition(t, w.s.officer, letter());
    await act(t, w.s.officer, p.id, 'accept');
    await act(t, w.s.officer, p.id, 'close', { opinion: '反映问题不具体，予以了结。' });
    const mine = await detail(w.s.officer, p.id);
    expect(mine.status).toBe('awaiting_approval');
    expect(mine.actions).toEqual(['return']);
    expect(mine.approvalNote).toBe(
      '处理意见须由提交人以外的人员审批：该件由您提交审批，请由党委书记或其他有审批权限的人员审批',
    );
    const refused = await act(t, w.s.officer, p.id, 'approve');
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.message).toBe(mine.approvalNote);
    expect((await detail(w.s.secretary, p.id)).actions).toEqual(['approve', 'return']);
    const approved = await act(t, w.s.investigator, p.id, 'approve');
    expect(approved.json()).toMatchObject({ status: 'approved' });
  });

  it('refuses the author of an opinion that another officer submitted', async () => {
    const p = await postPetition(t, w.s.officer, letter());
    await act(t, w.s.officer, p.id, 'accept');
    await act(t, w.s.officer, p.id, 'investigate', {
      disposal: 'preliminary_check',
      investigatorUserId: w.ids.investigator,
    });
    const r = await act(t, w.s.investigator, p.id, 'report', { report: '经核实，反映属实。' });
    await call(t, w.s.investigator, 'POST', `/api/v1/petitions/${p.id}/opinions`, {
      version: r.json().version,
      content: '建议批评教育。',
    });
    await act(t, w.s.officer, p.id, 'submit');
    const author = await act(t, w.s.investigator, p.id, 'approve');
    expect(author.statusCode).toBe(422);
    expect(author.json().error.message).toBe(
      '处理意见须由撰写人以外的人员审批：该件的处理意见由您撰写，请由党委书记或其他有审批权限的人员审批',
    );
    expect((await act(t, w.s.officer, p.id, 'approve')).statusCode).toBe(422);
    expect((await act(t, w.s.secretary, p.id, 'approve')).json().status).toBe('approved');
  });

  it('is rule data: with petition.four_eyes off, one officer may approve what they submitted', async () => {
    const off = await call(t, admin, 'POST', '/api/v1/rules/petition.four_eyes/versions', {
      value: false,
      effectiveFrom: '2026-03-02',
      source: '镇纪委会议决定（测试）',
    });
    expect(off.statusCode, off.body).toBe(200);
    const p = await postPetition(t, w.s.officer, letter());
    await act(t, w.s.officer, p.id, 'accept');
    await act(t, w.s.officer, p.id, 'close', { opinion: '予以了结。' });
    expect((await detail(w.s.officer, p.id)).approvalNote).toBeNull();
    expect((await act(t, w.s.officer, p.id, 'approve')).json().status).toBe('approved');
    const on = await call(t, admin, 'POST', '/api/v1/rules/petition.four_eyes/versions', {
      value: true,
      effectiveFrom: '2026-03-03',
      source: '恢复四眼原则（测试）',
    });
    expect(on.statusCode, on.body).toBe(200);
  });
});

describe('an extension on an overdue case', () => {
  it('is refused with the reason once the handling period has run out; on the last day it is granted', async () => {
    const p = await postPetition(t, w.s.officer, letter());
    await act(t, w.s.officer, p.id, 'accept'); // due 2026-05-01
    const extend = async () =>
      call(t, w.s.officer, 'POST', `/api/v1/petitions/${p.id}/extension`, {
        version: (await detail(w.s.officer, p.id)).version,
        days: 20,
        reason: '案情复杂，需进一步核实',
      });
    await setNow(t, '2026-05-02T01:00:00Z');
    const late = await detail(w.s.officer, p.id);
    const why = '办理期限已于 2026-05-01 届满，逾期后不能再延期，请尽快办理；延期须在办理期限内申请';
    // the page says why there is no 延期, as the refusal does
    expect(late).toMatchObject({ dueOn: '2026-05-01', overdueDays: 1, canExtend: false, extensionNote: why });
    // only to someone who could otherwise extend it: not to the township head, who reads the case
    expect((await detail(w.s.head, p.id)).extensionNote).toBeNull();
    const refused = await extend();
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.message).toBe(why);
    const [row] = await t.ctx.db.select().from(petitions).where(eq(petitions.id, p.id));
    expect(row).toMatchObject({ extensionDays: 0, dueOn: '2026-05-01' });

    const q = await postPetition(t, w.s.officer, letter({ receivedOn: '2026-03-02' }));
    await setNow(t, '2026-03-02T01:00:00Z');
    await act(t, w.s.officer, q.id, 'accept');
    await advanceDays(t, 60); // 2026-05-01, the last day
    expect(await detail(w.s.officer, q.id)).toMatchObject({ canExtend: true, extensionNote: null });
    const onTime = await call(t, w.s.officer, 'POST', `/api/v1/petitions/${q.id}/extension`, {
      version: (await detail(w.s.officer, q.id)).version,
      days: 20,
      reason: '案情复杂，需进一步核实',
    });
    expect(onTime.json()).toMatchObject({ dueOn: '2026-05-21', overdueDays: 0 });
  });
});

describe('a step refuses what it does not read', () => {
  it('refuses 提交处理意见 with an opinion, instead of dropping it', async () => {
    const p = await postPetition(t, w.s.officer, letter());
    await act(t, w.s.officer, p.id, 'accept');
    await act(t, w.s.officer, p.id, 'investigate', {
      disposal: 'talk_inquiry',
      investigatorUserId: w.ids.investigator,
    });
    await act(t, w.s.officer, p.id, 'report', { report: '经谈话函询，已作说明。' });
    const res = await act(t, w.s.officer, p.id, 'submit', { opinion: '予以澄清。' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      message: '提交审批时不接收处理意见：请先“添加处理意见”，再提交审批',
      fields: { opinion: '提交审批时不接收处理意见：请先“添加处理意见”，再提交审批' },
    });
    expect((await detail(w.s.officer, p.id)).status).toBe('reported');
    const docs = await t.ctx.db
      .select()
      .from(petitionDocuments)
      .where(and(eq(petitionDocuments.petitionId, p.id), eq(petitionDocuments.kind, 'opinion')));
    expect(docs).toEqual([]);
    const other = await act(t, w.s.officer, p.id, 'submit', { reply: '已处理' });
    expect(other.json().error.message).toBe('“提交处理意见”不接收答复内容');
    const unknown = await act(t, w.s.officer, p.id, 'submit', { comment: '请审批' });
    expect(unknown.statusCode).toBe(400);
  });
});

describe('the reporter’s ID number on the office’s form', () => {
  it('is checked as the cadre form checks it, with the same Chinese message; a valid one is kept upper-cased', async () => {
    for (const [idNumber, message] of [
      ['12345', '身份证号码应为 18 位（最后一位可为 X）'],
      ['420106198001011234', '身份证号码校验位不正确'],
    ]) {
      const res = await call(
        t,
        w.s.officer,
        'POST',
        '/api/v1/petitions',
        letter({ realName: true, reporter: { name: '孙志强', idNumber } }),
      );
      expect(res.statusCode, idNumber).toBe(400);
      expect(res.json().error.fields).toEqual({ 'reporter.idNumber': message });
    }
    const ok = await postPetition(
      t,
      w.s.officer,
      letter({ realName: true, reporter: { name: '孙志强', idNumber: '43010219850715432x' } }),
    );
    const [row] = await t.ctx.db.select().from(petitions).where(eq(petitions.id, ok.id));
    expect(openReporter(t.ctx.crypto, row.reporterEnc!).idNumber).toBe('43010219850715432X');
  });
});
