import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { chinaDate } from '../../../domain/calendar.js';
import type { Actor } from '../../platform/access/actor.js';
import { orgInScope, registerRecordType, requireAccess, scopeFilter } from '../../platform/access/scope.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/client.js';
import { badRequest, forbidden, notFound, unprocessable } from '../../platform/http/errors.js';
import { isoDay, text } from '../../platform/http/text.js';
import { orgs } from '../../platform/orgs/schema.js';
import { completeTodos } from '../../platform/todos/close-todos.js';
import { createTodo } from '../../platform/todos/create-todo.js';
import { registerTodoRecordType } from '../../platform/todos/record-types.js';
import { econAudits, jointMeetings, meetingDecisions } from './schema.js';

// a meeting sits in its township; its decisions' to-dos open it for whoever holds econ_audit.read
registerRecordType('joint_meeting', async (db, ids) => {
  const rows = await db
    .select({ id: jointMeetings.id, orgId: jointMeetings.orgId })
    .from(jointMeetings)
    .where(inArray(jointMeetings.id, ids.map(Number)));
  return rows.map((r) => ({ id: String(r.id), orgId: r.orgId }));
});
registerTodoRecordType('joint_meeting', 'econ_audit.read');
// each decision waits on its own to-do, addressed to whoever must act on it
registerRecordType('meeting_decision', async (db, ids) => {
  const rows = await db
    .select({ id: meetingDecisions.id, orgId: jointMeetings.orgId })
    .from(meetingDecisions)
    .innerJoin(jointMeetings, eq(jointMeetings.id, meetingDecisions.meetingId))
    .where(inArray(meetingDecisions.id, ids.map(Number)));
  return rows.map((r) => ({ id: String(r.id), orgId: r.orgId }));
});
registerTodoRecordType('meeting_decision', 'econ_audit.read');

/** Who may be given a decision to act on: the heads the meeting brings together, and the units. */
export const DECISION_ROLES: Record<string, string> = {
  discipline_officer: '纪检委员',
  org_officer: '组织委员',
  audit_officer: '财政所（审计）',
  township_head: '镇长',
  unit_head: '单位负责人',
};

const required = (label: string, max: number) =>
  text().trim().min(1, `请填写${label}`).max(max, `${label}不超过 ${max} 字`);

export const decisionIn = z.strictObject({
  content: required('决定事项', 1000),
  assigneeOrgId: z.number({ message: '请选择承办单位' }).int().positive('请选择承办单位'),
  assigneeRole: z.enum(Object.keys(DECISION_ROLES) as [string, ...string[]], { message: '请选择承办人' }),
  dueOn: isoDay('请填写办理时限'),
});
export const meetingIn = z.strictObject({
  orgId: z.number({ message: '请选择单位' }).int().positive('请选择单位'),
  heldOn: isoDay('请填写会议日期'),
  title: required('会议名称', 100),
  attendees: z.array(required('参会人员', 60)).min(1, '请填写参会人员').max(30, '参会人员最多 30 人'),
  auditIds: z.array(z.number().int().positive('审计项目不正确')).max(50, '最多 50 个审计项目').default([]),
  minutes: required('会议纪要', 10000),
  decisions: z.array(decisionIn).max(30, '最多 30 项决定').default([]),
});
export const decisionDoneIn = z.strictObject({ note: required('办理情况', 1000) });
export type MeetingInput = z.infer<typeof meetingIn>;

/** 联席会议 inside the caller's transaction: the meeting, its decisions and a to-do with its clock for each. */
export async function insertMeeting(tx: Queryable, ctx: AppContext, actor: Actor, input: MeetingInput) {
  const today = chinaDate(ctx.clock.now());
  if (!(await orgInScope(tx, actor, input.orgId)))
    throw badRequest('单位不存在或不在您的管理范围内', { orgId: '单位不存在或不在您的管理范围内' });
  if (input.heldOn > today) throw badRequest('会议日期不能晚于今天', { heldOn: '会议日期不能晚于今天' });
  if (input.auditIds.length) await requireAccess(tx, actor, 'econ_audit', input.auditIds);
  for (const [i, d] of input.decisions.entries()) {
    if (!(await orgInScope(tx, actor, d.assigneeOrgId)))
      throw badRequest('承办单位不在您的管理范围内', {
        [`decisions.${i}.assigneeOrgId`]: '承办单位不在您的管理范围内',
      });
    if (d.dueOn < input.heldOn)
      throw badRequest('办理时限不能早于会议日期', { [`decisions.${i}.dueOn`]: '办理时限不能早于会议日期' });
  }
  const [m] = await tx
    .insert(jointMeetings)
    .values({
      orgId: input.orgId,
      heldOn: input.heldOn,
      title: input.title,
      attendees: input.attendees,
      auditIds: [...new Set(input.auditIds)],
      minutes: input.minutes,
      createdBy: actor.userId,
      createdAt: ctx.clock.now(),
    })
    .returning({ id: jointMeetings.id });
  for (const d of input.decisions) {
    const [row] = await tx
      .insert(meetingDecisions)
      .values({ meetingId: m.id, ...d })
      .returning({ id: meetingDecisions.id });
    await createTodo(tx, ctx.clock, {
      title: `落实联席会议决定：${d.content.slice(0, 40)}`,
      recordType: 'meeting_decision',
      recordId: row.id,
      link: `/audit-meetings/${m.id}`,
      orgId: d.assigneeOrgId,
      assigneeRole: d.assigneeRole,
      dueOn: d.dueOn,
      fallback: { orgId: input.orgId, assigneeRole: 'audit_officer' },
    });
  }
  await recordAudit(tx, ctx.clock, actor, {
    action: 'econ_audit.meeting',
    objectType: 'joint_meeting',
    objectId: m.id,
    detail: { heldOn: input.heldOn, decisions: input.decisions.length, audits: input.auditIds.length },
  });
  return m.id;
}

export async function createMeeting(opts: { ctx: AppContext; actor: Actor; input: MeetingInput }) {
  const { ctx, actor, input } = opts;
  const id = await ctx.db.transaction((tx) => insertMeeting(tx, ctx, actor, input));
  return getMeeting({ ctx, actor, id });
}

/**
 * A decision is done: the assignee (a holder of its role in its org's scope) or the audit officer
 * records how; its to-do is done. On time or late is kept (the figure of decisions done on time).
 */
export async function completeDecisionIn(
  tx: Queryable,
  ctx: AppContext,
  actor: Actor,
  meetingId: number,
  decisionId: number,
  note: string,
) {
  await requireAccess(tx, actor, 'joint_meeting', [meetingId]);
  const [d] = await tx
    .select()
    .from(meetingDecisions)
    .where(and(eq(meetingDecisions.id, decisionId), eq(meetingDecisions.meetingId, meetingId)));
  if (!d) throw notFound('决定事项不存在');
  if (d.doneOn) throw unprocessable('该决定事项已办结');
  const mayAct =
    actor.permissions.has('econ_audit.manage') ||
    (actor.roles.includes(d.assigneeRole) && (await orgInScope(tx, actor, d.assigneeOrgId)));
  if (!mayAct) throw forbidden('只有承办人或审计人员才能登记该决定的办理情况');
  const today = chinaDate(ctx.clock.now());
  await tx
    .update(meetingDecisions)
    .set({ doneOn: today, doneNote: note, doneBy: actor.userId })
    .where(eq(meetingDecisions.id, decisionId));
  await completeTodos(tx, ctx.clock, { recordType: 'meeting_decision', recordId: decisionId });
  await recordAudit(tx, ctx.clock, actor, {
    action: 'econ_audit.decision_done',
    objectType: 'joint_meeting',
    objectId: meetingId,
    detail: { decisionId, onTime: today <= d.dueOn },
  });
}

export async function completeDecision(opts: {
  ctx: AppContext;
  actor: Actor;
  id: number;
  decisionId: number;
  note: string;
}) {
  const { ctx, actor, id, decisionId, note } = opts;
  await ctx.db.transaction((tx) => completeDecisionIn(tx, ctx, actor, id, decisionId, note));
  return getMeeting({ ctx, actor, id });
}

export async function getMeeting(opts: { ctx: AppContext; actor: Actor; id: number }) {
  const { ctx, actor, id } = opts;
  await requireAccess(ctx.db, actor, 'joint_meeting', [id]);
  const [m] = await ctx.db.select().from(jointMeetings).where(eq(jointMeetings.id, id));
  const today = chinaDate(ctx.clock.now());
  const [decisions, audits] = await Promise.all([
    ctx.db
      .select()
      .from(meetingDecisions)
      .where(eq(meetingDecisions.meetingId, id))
      .orderBy(asc(meetingDecisions.id)),
    m.auditIds.length
      ? ctx.db
          .select({ id: econAudits.id, title: econAudits.title })
          .from(econAudits)
          .where(inArray(econAudits.id, m.auditIds))
      : Promise.resolve([]),
  ]);
  return {
    ...m,
    createdAt: m.createdAt.toISOString(),
    audits,
    decisions: decisions.map((d) => ({
      ...d,
      assigneeRoleLabel: DECISION_ROLES[d.assigneeRole] ?? d.assigneeRole,
      state: d.doneOn
        ? d.doneOn <= d.dueOn
          ? '按期办结'
          : '逾期办结'
        : d.dueOn < today
          ? '已逾期'
          : '办理中',
    })),
  };
}

export async function listMeetings(opts: { ctx: AppContext; actor: Actor }) {
  const { ctx, actor } = opts;
  const rows = await ctx.db
    .select({ m: jointMeetings, orgName: orgs.name })
    .from(jointMeetings)
    .leftJoin(orgs, eq(orgs.id, jointMeetings.orgId))
    .where(scopeFilter(actor, jointMeetings.orgId))
    .orderBy(desc(jointMeetings.heldOn), desc(jointMeetings.id));
  const ids = rows.map((r) => r.m.id);
  const decisions = ids.length
    ? await ctx.db.select().from(meetingDecisions).where(inArray(meetingDecisions.meetingId, ids))
    : [];
  return {
    items: rows.map(({ m, orgName }) => {
      const mine = decisions.filter((d) => d.meetingId === m.id);
      return {
        id: m.id,
        orgName,
        heldOn: m.heldOn,
        title: m.title,
        audits: m.auditIds.length,
        decisions: mine.length,
        done: mine.filter((d) => d.doneOn).length,
      };
    }),
  };
}
