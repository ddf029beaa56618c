import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jointMeetings, meetingDecisions } from '../../src/server/modules/audits/schema.js';
import { todos } from '../../src/server/platform/todos/schema.js';
import { auditWorld } from '../support/audit-world.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// 联席会议 decisions: each names who must act; one about an audited cadre respects recusal.
let t: TestApp;
let w: Awaited<ReturnType<typeof auditWorld>>;
let auditId: number;
let meetingId: number;
const decisions: Record<string, number> = {};

beforeAll(async () => {
  t = await createTestApp(); // today is 2026-03-02 in China
  w = await auditWorld(t);
  const res = await w.api('auditor', 'POST', '/api/v1/econ-audits', {
    orgId: w.unitA,
    kind: 'departure',
    title: '张三离任经济责任审计',
    subjectCadreId: w.cadres.zhang,
    periodFrom: '2021-03-01',
    periodTo: '2026-02-27',
  });
  expect(res.statusCode, res.body).toBe(200);
  auditId = res.json().id;
});
afterAll(async () => t.close());

const meeting = (decisions: Record<string, unknown>[]) => ({
  orgId: w.townA,
  heldOn: '2026-03-02',
  title: '一季度审计联席会议',
  attendees: ['纪委书记', '组织委员', '财政所长'],
  auditIds: [auditId],
  minutes: '通报审计情况。',
  decisions,
});
const talk = { content: '约谈张三，督促退还违规补贴', dueOn: '2026-03-20' };
const byDecision = (id: number) =>
  t.ctx.db
    .select()
    .from(todos)
    .where(and(eq(todos.recordType, 'meeting_decision'), eq(todos.recordId, String(id))));

describe('a decision names who must act', () => {
  it('refuses a named person related to the audited cadre (回避) or not holding the role; nothing written', async () => {
    const related = await w.api(
      'auditor',
      'POST',
      '/api/v1/audit-meetings',
      meeting([
        {
          ...talk,
          assigneeOrgId: w.townA,
          assigneeRole: 'audit_officer',
          auditId,
          assigneeUserId: w.ids.spouse,
        },
      ]),
    );
    expect(related.statusCode).toBe(422);
    expect(related.json().error.fields['decisions.0.assigneeUserId']).toContain('须回避');
    const wrongRole = await w.api(
      'auditor',
      'POST',
      '/api/v1/audit-meetings',
      meeting([
        { ...talk, assigneeOrgId: w.townA, assigneeRole: 'audit_officer', assigneeUserId: w.ids.headB },
      ]),
    );
    expect(wrongRole.statusCode).toBe(400);
    expect(wrongRole.json().error.fields).toHaveProperty(['decisions.0.assigneeUserId']);
    const notHeard = await w.api(
      'auditor',
      'POST',
      '/api/v1/audit-meetings',
      meeting([{ ...talk, assigneeOrgId: w.townA, assigneeRole: 'audit_officer', auditId: auditId + 1000 }]),
    );
    expect(notHeard.statusCode).toBe(400);
    expect(notHeard.json().error.fields).toHaveProperty(['decisions.0.auditId']);
    expect(await t.ctx.db.select().from(jointMeetings)).toEqual([]);
    // the picker offers the role's holders, less the relative
    const picker = await w.api(
      'auditor',
      'GET',
      `/api/v1/audit-meetings/assignees?orgId=${w.townA}&role=audit_officer&auditId=${auditId}`,
    );
    const offered = picker.json().items.map((u: any) => u.id);
    expect(offered).toContain(w.ids.auditor2);
    expect(offered).not.toContain(w.ids.spouse);
  });

  it('each decision is a to-do for the person named or the role, titled by meeting and item and who acts, never the decision’s words', async () => {
    const res = await w.api(
      'auditor',
      'POST',
      '/api/v1/audit-meetings',
      meeting([
        {
          ...talk,
          assigneeOrgId: w.townA,
          assigneeRole: 'audit_officer',
          auditId,
          assigneeUserId: w.ids.auditor2,
        },
        {
          content: '农业服务中心建立津补贴审批制度',
          dueOn: '2026-04-30',
          assigneeOrgId: w.unitA,
          assigneeRole: 'unit_head',
        },
        {
          content: '复核张三任期内专项资金',
          dueOn: '2026-04-30',
          assigneeOrgId: w.townA,
          assigneeRole: 'audit_officer',
          auditId,
        },
      ]),
    );
    expect(res.statusCode, res.body).toBe(200);
    meetingId = res.json().id;
    const rows = await t.ctx.db
      .select()
      .from(meetingDecisions)
      .where(eq(meetingDecisions.meetingId, meetingId))
      .orderBy(meetingDecisions.id);
    [decisions.named, decisions.unit, decisions.role] = rows.map((r) => r.id);
    expect(rows[0]).toMatchObject({ assigneeUserId: w.ids.auditor2, subjectCadreIds: [w.cadres.zhang] });
    expect(rows[1].subjectCadreIds).toEqual([]);
    const [named] = await byDecision(decisions.named);
    expect(named).toMatchObject({ assigneeUserId: w.ids.auditor2, assigneeRole: null, dueOn: '2026-03-20' });
    expect(named.title).toMatch(
      /^落实联席会议决定：2026-03-02《一季度审计联席会议》第 1 项（承办：财政所（审计）.+）$/,
    );
    const [unit] = await byDecision(decisions.unit);
    expect(unit.title).toContain('第 2 项（承办：农业服务中心单位负责人）');
    for (const d of [named, unit]) expect(d.title).not.toMatch(/张三|约谈|津补贴/);
    const detail = res.json().decisions;
    expect(detail[0].assignee).toMatch(/^财政所（审计）/);
    expect(detail[1].assignee).toBe('农业服务中心单位负责人');
  });

  it('a member related to the audited cadre neither sees the decision, its to-do nor acts on it', async () => {
    const spouseTodos = (await w.api('spouse', 'GET', '/api/v1/todos')).json().items;
    expect(
      spouseTodos.filter((x: any) => x.recordType === 'meeting_decision').map((x: any) => x.recordId),
    ).toEqual([]);
    const auditorTodos = (await w.api('auditor', 'GET', '/api/v1/todos')).json().items;
    expect(auditorTodos.map((x: any) => x.recordId)).toContain(String(decisions.role));
    const seen = (await w.api('spouse', 'GET', `/api/v1/audit-meetings/${meetingId}`)).json();
    // the unit's decision is about no one: the two about 张三's audit are withheld
    expect(seen.decisions.map((d: any) => d.id)).toEqual([decisions.unit]);
    expect(seen.withheld).toBe(2);
    expect(seen.audits).toEqual([]);
    expect(JSON.stringify(seen)).not.toContain('张三');
    const act = await w.api(
      'spouse',
      'POST',
      `/api/v1/audit-meetings/${meetingId}/decisions/${decisions.role}/done`,
      { note: '已复核。' },
    );
    expect(act.statusCode).toBe(404);
    const [row] = await t.ctx.db
      .select()
      .from(meetingDecisions)
      .where(eq(meetingDecisions.id, decisions.role));
    expect(row.doneOn).toBeNull();
  });

  it('the unit head reads only the decision given to the unit, without the minutes, and records it done', async () => {
    const seen = await w.api('headA', 'GET', `/api/v1/audit-meetings/${meetingId}`);
    expect(seen.statusCode, seen.body).toBe(200);
    expect(seen.json()).toMatchObject({ minutes: null, audits: [], withheld: 2 });
    expect(seen.json().decisions.map((d: any) => d.id)).toEqual([decisions.unit]);
    expect((await w.api('headB', 'GET', `/api/v1/audit-meetings/${meetingId}`)).statusCode).toBe(404);
    const notMine = await w.api(
      'headA',
      'POST',
      `/api/v1/audit-meetings/${meetingId}/decisions/${decisions.named}/done`,
      { note: 'x' },
    );
    expect(notMine.statusCode).toBe(404);
    const done = await w.api(
      'headA',
      'POST',
      `/api/v1/audit-meetings/${meetingId}/decisions/${decisions.unit}/done`,
      { note: '已印发审批制度。' },
    );
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().decisions[0].state).toBe('按期办结');
    const [todo] = await byDecision(decisions.unit);
    expect(todo.status).toBe('done');
  });
});
