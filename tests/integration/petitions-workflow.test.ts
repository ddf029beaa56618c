import { and, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../src/server/platform/audit/schema.js';
import { todos } from '../../src/server/platform/todos/schema.js';
import { call } from '../support/factories.js';
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
beforeAll(async () => {
  t = await createTestApp({ clock: new FakeClock(new Date('2026-03-02T01:00:00Z')) });
  w = await petitionWorkflowWorld(t);
});
afterAll(async () => t.close());
afterEach(() => setNow(t, '2026-03-02T01:00:00Z'));

const base = () => ({
  orgId: w.town.id,
  channel: 'letter',
  receivedOn: '2026-03-02',
  realName: true,
  reporter: { name: '孙志强', phone: '13812345678' },
  title: '反映村干部优亲厚友问题',
  content: '低保评定中优亲厚友。',
  category: 'village_affairs',
  subjects: [{ cadreId: 0 }].slice(1),
});
const openTodos = async (id: number) =>
  (
    await t.ctx.db
      .select()
      .from(todos)
      .where(and(eq(todos.recordType, 'petition'), eq(todos.recordId, String(id)), eq(todos.status, 'open')))
  ).map((x) => ({
    title: x.title.replace(/ ([A-Z0-9]+-)?XF\d{4}-\d{4}.*/, ''),
    role: x.assigneeRole,
    user: x.assigneeUserId,
    org: x.orgId,
  }));

describe('a case from registration to 复核', () => {
  it('goes through every step with its clock, documents and to-dos', async () => {
    const p = await postPetition(t, w.s.officer, base());
    expect(p).toMatchObject({
      status: 'registered',
      dueKind: 'acceptance',
      dueOn: '2026-03-17',
      actions: ['accept', 'decline'],
    });
    expect(await openTodos(p.id)).toEqual([
      { title: '受理信访件', role: 'discipline_officer', user: null, org: w.town.id },
    ]);

    let r = await act(t, w.s.officer, p.id, 'accept');
    expect(r.json()).toMatchObject({
      status: 'accepted',
      acceptedOn: '2026-03-02',
      dueKind: 'handling',
      dueOn: '2026-05-01',
    });
    expect(r.json().actions).toEqual(['investigate', 'hold', 'close']);

    r = await act(t, w.s.officer, p.id, 'investigate', { disposal: 'preliminary_check' });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.message).toBe('请指定调查人或承办单位');
    r = await act(t, w.s.officer, p.id, 'investigate', {
      disposal: 'preliminary_check',
      investigatorUserId: w.ids.investigator,
    });
    expect(r.json()).toMatchObject({
      status: 'investigating',
      disposal: 'preliminary_check',
      investigatorName: expect.any(String),
    });
    expect(await openTodos(p.id)).toEqual([
      { title: '调查核实信访件', role: null, user: w.ids.investigator, org: w.town.id },
    ]);

    r = await act(t, w.s.officer, p.id, 'report', { report: '  ' });
    expect(r.statusCode).toBe(400);
    r = await act(t, w.s.investigator, p.id, 'report', { report: '经初步核实，反映问题部分属实。' });
    expect(r.json()).toMatchObject({ status: 'reported', reportedOn: '2026-03-02', canAddOpinion: true });

    r = await act(t, w.s.officer, p.id, 'submit');
    expect(r.statusCode).toBe(422);
    expect(r.json().error.message).toBe('尚未填写处理意见，请先添加处理意见再提交审批');
    const v =
      r.json().version ?? (await call(t, w.s.officer, 'GET', `/api/v1/petitions/${p.id}`)).json().version;
    r = await call(t, w.s.officer, 'POST', `/api/v1/petitions/${p.id}/opinions`, {
      version: v,
      content: '建议对其进行谈话提醒。',
    });
    expect(r.statusCode).toBe(200);
    r = await call(t, w.s.officer, 'POST', `/api/v1/petitions/${p.id}/opinions`, {
      version: r.json().version,
      content: '责令退还违规所得。',
    });
    expect(r.json().documents.map((d: any) => d.kind)).toEqual(['report', 'opinion', 'opinion']);

    r = await act(t, w.s.officer, p.id, 'submit');
    expect(r.json().status).toBe('awaiting_approval');
    expect(await openTodos(p.id)).toEqual([
      { title: '审批信访件处理意见', role: 'party_secretary', user: null, org: w.town.id },
    ]);
    r = await act(t, w.s.secretary, p.id, 'return', {});
    expect(r.json().error.message).toBe('请填写退回理由');
    r = await act(t, w.s.secretary, p.id, 'return', { note: '处理意见过轻' });
    expect(r.json().status).toBe('reported');
    await act(t, w.s.officer, p.id, 'submit');

    await advanceDays(t, 3); // 2026-03-05
    expect((await act(t, w.s.head, p.id, 'approve')).statusCode).toBe(403);
    r = await act(t, w.s.secretary, p.id, 'approve');
    // real name: the result within 15 working days of approval
    expect(r.json()).toMatchObject({
      status: 'approved',
      approvedOn: '2026-03-05',
      dueKind: 'reply',
      dueOn: '2026-03-26',
    });
    r = await act(t, w.s.officer, p.id, 'reply', { reply: '经核查，反映的作风问题部分属实，已责令整改。' });
    expect(r.json()).toMatchObject({ status: 'replied', repliedOn: '2026-03-05', dueOn: null });
    const found = await call(t, w.s.officer, 'GET', `/api/v1/petitions?q=${encodeURIComponent('责令整改')}`);
    expect(found.json().items.map((x: any) => x.id)).toContain(p.id);
    r = await act(t, w.s.officer, p.id, 'conclude');
    expect(r.json()).toMatchObject({
      status: 'concluded',
      concludedOn: '2026-03-05',
      actions: ['request_review'],
    });
    expect(await openTodos(p.id)).toEqual([]);

    r = await act(t, w.s.officer, p.id, 'request_review');
    expect(r.json()).toMatchObject({
      status: 'reviewing',
      reviewLevel: 1,
      dueKind: 'review_answer',
      dueOn: '2026-04-04',
    });
    r = await act(t, w.s.officer, p.id, 'answer_review', { reply: '经复查，维持原处理意见。' });
    expect(r.json()).toMatchObject({ status: 'concluded', reviewLevel: 1 });
    r = await act(t, w.s.officer, p.id, 'request_review');
    expect(r.json()).toMatchObject({ status: 'reviewing', reviewLevel: 2 });
    await act(t, w.s.officer, p.id, 'answer_review', { reply: '经复核，维持原处理意见。' });
    r = await act(t, w.s.officer, p.id, 'request_review');
    expect(r.statusCode).toBe(422);
    expect(r.json().error.message).toBe('已经复核，不再受理复查（复核）申请');

    const detail = (await call(t, w.s.officer, 'GET', `/api/v1/petitions/${p.id}`)).json();
    expect(detail.events.map((e: any) => e.action)).toEqual([
      'register',
      'accept',
      'investigate',
      'report',
      'opinion',
      'opinion',
      'submit',
      'return',
      'submit',
      'approve',
      'reply',
      'conclude',
      'request_review',
      'answer_review',
      'request_review',
      'answer_review',
    ]);
    const audited = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.objectType, 'petition'), eq(auditLog.objectId, String(p.id))));
    expect(new Set(audited.map((a) => a.action))).toEqual(
      new Set([
        'petition.register',
        'petition.accept',
        'petition.investigate',
        'petition.report',
        'petition.opinion',
        'petition.submit',
        'petition.return',
        'petition.approve',
        'petition.reply',
        'petition.conclude',
        'petition.request_review',
        'petition.answer_review',
        'petition.view',
      ]),
    );
    expect(JSON.stringify(audited)).not.toMatch(/孙志强|13812345678/);
  });

  it('declines with a reason and a notice; holds; closes with an opinion; hands a case to a unit', async () => {
    const a = await postPetition(t, w.s.officer, base());
    let r = await act(t, w.s.officer, a.id, 'decline', {});
    expect(r.json().error.message).toBe('请填写不予受理理由');
    r = await act(t, w.s.officer, a.id, 'decline', { declineReason: '不属于本机关受理范围' });
    expect(r.json()).toMatchObject({
      status: 'declined',
      declinedOn: '2026-03-02',
      declineReason: '不属于本机关受理范围',
      dueOn: null,
      actions: [],
    });
    expect(r.json().documents[0]).toMatchObject({
      kind: 'notice',
      content: expect.stringContaining('不属于本机关受理范围'),
    });
    expect(await openTodos(a.id)).toEqual([]);

    const b = await postPetition(t, w.s.officer, base());
    await act(t, w.s.officer, b.id, 'accept');
    r = await act(t, w.s.officer, b.id, 'hold', { note: '线索不具体，暂存' });
    expect(r.json()).toMatchObject({
      status: 'held',
      disposal: 'hold',
      dueKind: 'handling',
      actions: ['investigate', 'close'],
    });
    r = await act(t, w.s.officer, b.id, 'close', {});
    expect(r.json().error.message).toBe('予以了结请填写处理意见');
    r = await act(t, w.s.officer, b.id, 'close', { opinion: '反映问题不具体，予以了结。' });
    expect(r.json()).toMatchObject({ status: 'awaiting_approval', disposal: 'close' });

    const c = await postPetition(t, w.s.officer, base());
    await act(t, w.s.officer, c.id, 'accept');
    r = await act(t, w.s.officer, c.id, 'investigate', {
      disposal: 'talk_inquiry',
      assignedUnitOrgId: w.other.id,
    });
    expect(r.json().error.message).toBe('承办单位应为本单位的下属单位');
    r = await act(t, w.s.officer, c.id, 'investigate', {
      disposal: 'talk_inquiry',
      assignedUnitOrgId: w.unit.id,
    });
    expect(r.json()).toMatchObject({ status: 'investigating', assignedUnitName: '东湖镇农业服务中心' });
    expect(await openTodos(c.id)).toEqual([
      { title: '调查核实信访件', role: 'unit_head', user: null, org: w.unit.id },
    ]);
    // the unit head records the report and the opinion, but takes no other step
    const seen = (await call(t, w.s.unitHead, 'GET', `/api/v1/petitions/${c.id}`)).json();
    expect(seen.actions).toEqual(['report']);
    r = await act(t, w.s.unitHead, c.id, 'report', { report: '经谈话函询，已作出说明。' });
    expect(r.json()).toMatchObject({ status: 'reported', canAddOpinion: true, actions: [] });
    r = await call(t, w.s.unitHead, 'POST', `/api/v1/petitions/${c.id}/opinions`, {
      version: r.json().version,
      content: '予以澄清。',
    });
    expect(r.statusCode).toBe(200);
    expect((await act(t, w.s.unitHead, c.id, 'submit')).statusCode).toBe(403);
  });

  it('extends handling once, by at most 30 days, with a reason; the clock and to-do move', async () => {
    const p = await postPetition(t, w.s.officer, base());
    let r = await act(t, w.s.officer, p.id, 'accept');
    const ext = (days: number, version = r.json().version) =>
      call(t, w.s.officer, 'POST', `/api/v1/petitions/${p.id}/extension`, {
        version,
        days,
        reason: '案情复杂，需进一步核实',
      });
    expect((await ext(31)).json().error.message).toBe('延期天数应为 1 至 30 天');
    expect(
      (
        await call(t, w.s.head, 'POST', `/api/v1/petitions/${p.id}/extension`, {
          version: r.json().version,
          days: 10,
          reason: '需要',
        })
      ).statusCode,
    ).toBe(403);
    r = await ext(30);
    expect(r.json()).toMatchObject({
      extensionDays: 30,
      extensionReason: '案情复杂，需进一步核实',
      dueOn: '2026-05-31',
      canExtend: false,
    });
    expect((await openTodos(p.id))[0].title).toBe('确定信访件处置方式');
    const [todo] = await t.ctx.db
      .select()
      .from(todos)
      .where(and(eq(todos.recordId, String(p.id)), eq(todos.status, 'open')));
    expect(todo.title).toContain('（截止 2026-05-31）');
    expect((await ext(5, r.json().version)).json().error.message).toBe('该信访件已延期，不能再次延期');
  });

  it('answers a stale version with 409 and the same step taken twice at once succeeds only once', async () => {
    const p = await postPetition(t, w.s.officer, base());
    const body = { version: p.version };
    const [x, y] = await Promise.all([
      call(t, w.s.officer, 'POST', `/api/v1/petitions/${p.id}/actions/accept`, body),
      call(t, w.s.investigator, 'POST', `/api/v1/petitions/${p.id}/actions/decline`, {
        ...body,
        declineReason: '重复件',
      }),
    ]);
    expect([x.statusCode, y.statusCode].sort()).toEqual([200, 409]);
    const stale = await call(t, w.s.officer, 'POST', `/api/v1/petitions/${p.id}/actions/investigate`, {
      version: p.version,
      disposal: 'talk_inquiry',
      investigatorUserId: w.ids.investigator,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.message).toBe('记录已被他人修改，请刷新后重试');
    const wrong = await act(t, w.s.officer, p.id, 'conclude');
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error.message).toMatch(/^当前状态为“(已受理|不予受理)”，不能办结$/);
    expect(
      (await call(t, w.s.officer, 'POST', `/api/v1/petitions/${p.id}/actions/fly`, body)).json().error
        .message,
    ).toContain('不支持的办理操作');
  });
});
