import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { chinaDate } from '../../../domain/calendar.js';
import type { Actor } from '../../platform/access/actor.js';
import {
  orgInScope,
  recusedCadreIds,
  registerRecordType,
  requireAccess,
  scopeFilter,
} from '../../platform/access/scope.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/client.js';
import { badRequest, forbidden, notFound, unprocessable } from '../../platform/http/errors.js';
import { isoDay, text } from '../../platform/http/text.js';
import { orgs } from '../../platform/orgs/schema.js';
import { completeTodos } from '../../platform/todos/close-todos.js';
import { registerTodoRecordType } from '../../platform/todos/record-types.js';
import { auditVisibility } from './access.js';
import {
  assigneeText,
  checkDecision,
  DECISION_ROLES,
  decisionIn,
  insertDecision,
  mayActOn,
  userNames,
} from './meeting-decisions.js';
import { econAudits, jointMeetings, meetingDecisions } from './schema.js';

export { DECISION_ROLES, decisionIn };

// a meeting sits in its township; its decisions' to-dos open it for whoever holds econ_audit.read
registerRecordType('joint_meeting', async (db, ids) => {
  const rows = await db
    .select({ id: jointMeetings.id, orgId: jointMeetings.orgId })
    .from(jointMeetings)
    .where(inArray(jointMeetings.id, ids.map(Number)));
  return rows.map((r) => ({ id: String(r.id), orgId: r.orgId }));
});
registerTodoRecordType('joint_meeting', 'econ_audit.read');
const required = (label: string, max: number) =>
  text().trim().min(1, `请填写${label}`).max(max, `${label}不超过 ${max} 字`);

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
  const checked = [];
  for (const [i, d] of input.decisions.entries()) checked.push(await checkDecision(tx, actor, d, i, input));
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
  for (const [i, d] of checked.entries())
    await insertDecision(
      tx,
      ctx,
      { id: m.id, orgId: input.orgId, heldOn: input.heldOn, title: input.title },
      d,
      i + 1,
    );
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
 * A decision is done: the person named (else a holder of its role covering its org) or the audit
 * officer records how — never someone who must recuse from the cadres it concerns (404); its to-do is
 * done. On time or late is kept (the figure of decisions done on time).
 */
export async function completeDecisionIn(
  tx: Queryable,
  ctx: AppContext,
  actor: Actor,
  meetingId: number,
  decisionId: number,
  note: string,
) {
  const [d] = await tx
    .select()
    .from(meetingDecisions)
    .where(and(eq(meetingDecisions.id, decisionId), eq(meetingDecisions.meetingId, meetingId)));
  if (!d) throw notFound('决定事项不存在');
  if (d.doneOn) throw unprocessable('该决定事项已办结');
  if (!(await mayActOn(tx, actor, d))) throw forbidden('只有承办人或审计人员才能登记该决定的办理情况');
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

/**
 * A meeting as the caller may read it. The officers (econ_audit.read, in scope) read it whole, less
 * what they must recuse from: the audits and the decisions about a cadre they are related to. Anyone
 * else reads only the decisions they must act on (a unit head given one), without the minutes.
 */
export async function getMeeting(opts: { ctx: AppContext; actor: Actor; id: number }) {
  const { ctx, actor, id } = opts;
  const officer = actor.permissions.has('econ_audit.read');
  const [m] = await ctx.db.select().from(jointMeetings).where(eq(jointMeetings.id, id));
  if (officer || !m) await requireAccess(ctx.db, actor, 'joint_meeting', [id]);
  const today = chinaDate(ctx.clock.now());
  const recused = await recusedCadreIds(ctx.db, actor);
  const all = await ctx.db
    .select()
    .from(meetingDecisions)
    .where(eq(meetingDecisions.meetingId, id))
    .orderBy(asc(meetingDecisions.id));
  const readable = all.filter((d) => !d.subjectCadreIds.some((c) => recused.has(c)));
  const decisions = [];
  for (const [n, d] of all.entries())
    if (readable.includes(d) && (officer || (await mayActOn(ctx.db, actor, d).catch(() => false))))
      decisions.push({ ...d, no: n + 1 });
  if (!officer && !decisions.length) await requireAccess(ctx.db, actor, 'joint_meeting', [id]);
  const audits =
    officer && m.auditIds.length
      ? await ctx.db
          .select({ id: econAudits.id, title: econAudits.title })
          .from(econAudits)
          .where(and(inArray(econAudits.id, m.auditIds), auditVisibility(actor)))
      : [];
  const [names, orgNames] = await Promise.all([
    userNames(
      ctx.db,
      decisions.flatMap((d) => (d.assigneeUserId ? [d.assigneeUserId] : [])),
    ),
    ctx.db
      .select({ id: orgs.id, name: orgs.name })
      .from(orgs)
      .where(inArray(orgs.id, [0, ...decisions.map((d) => d.assigneeOrgId)])),
  ]);
  const orgName = new Map(orgNames.map((o) => [o.id, o.name]));
  return {
    ...m,
    minutes: officer ? m.minutes : null,
    createdAt: m.createdAt.toISOString(),
    audits,
    /** Decisions left out: about a cadre the caller must recuse from (or, for a unit, not theirs). */
    withheld: all.length - decisions.length,
    decisions: decisions.map((d) => ({
      ...d,
      assigneeRoleLabel: DECISION_ROLES[d.assigneeRole] ?? d.assigneeRole,
      assigneeUserName: d.assigneeUserId ? (names.get(d.assigneeUserId) ?? null) : null,
      assigneeOrgName: orgName.get(d.assigneeOrgId) ?? null,
      assignee: assigneeText(
        d.assigneeRole,
        orgName.get(d.assigneeOrgId) ?? null,
        d.assigneeUserId ? (names.get(d.assigneeUserId) ?? null) : null,
      ),
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
