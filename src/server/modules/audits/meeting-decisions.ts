import { eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Actor } from '../../platform/access/actor.js';
import { recusedUsers } from '../../platform/access/recusal.js';
import { orgInScope, registerRecordType, requireAccess } from '../../platform/access/scope.js';
import type { AppContext, Clock } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/client.js';
import { badRequest, unprocessable } from '../../platform/http/errors.js';
import { isoDay, text } from '../../platform/http/text.js';
import { orgs } from '../../platform/orgs/schema.js';
import { createTodo } from '../../platform/todos/create-todo.js';
import { roleHolders } from '../../platform/todos/recipients.js';
import { registerTodoRecordType } from '../../platform/todos/record-types.js';
import { users } from '../../platform/users/schema.js';
import { cadres } from '../cadres/schema.js';
import { loadAudit } from './access.js';
import { econAudits, meetingDecisions } from './schema.js';

// A decision sits in the org that must act on it (a unit head reaches their unit's), and is about the
// cadres it concerns: they and users related to them neither see it, nor its to-do, nor act on it.
registerRecordType('meeting_decision', async (db, ids) => {
  const rows = await db
    .select({
      id: meetingDecisions.id,
      orgId: meetingDecisions.assigneeOrgId,
      subjects: meetingDecisions.subjectCadreIds,
      owner: meetingDecisions.assigneeUserId,
    })
    .from(meetingDecisions)
    .where(inArray(meetingDecisions.id, ids.map(Number)));
  return rows.map((r) => ({
    id: String(r.id),
    orgId: r.orgId,
    subjectCadreIds: r.subjects,
    ownerUserId: r.owner ?? undefined,
  }));
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

const positive = (message: string) => z.number({ message }).int(message).positive(message);

export const decisionIn = z.strictObject({
  content: text().trim().min(1, '请填写决定事项').max(1000, '决定事项不超过 1000 字'),
  assigneeOrgId: positive('请选择承办单位'),
  assigneeRole: z.enum(Object.keys(DECISION_ROLES) as [string, ...string[]], { message: '请选择承办人' }),
  /** The person named to act, a holder of the role covering the org; else any holder. */
  assigneeUserId: positive('承办人不正确').nullable().optional(),
  /** The audit (one the meeting heard) the decision concerns: its subject is the decision's. */
  auditId: positive('审计项目不正确').nullable().optional(),
  /** A cadre the decision concerns (e.g. the one to be talked to). */
  cadreId: positive('涉及干部不正确').nullable().optional(),
  dueOn: isoDay('请填写办理时限'),
});
export type DecisionInput = z.infer<typeof decisionIn>;

type Checked = DecisionInput & { subjectCadreIds: number[]; assigneeName: string | null };

/**
 * A decision's address and subjects, refused with the field named: the org in scope, the audit one
 * the meeting heard, the cadre known, the named person a holder of the role covering the org who need
 * not recuse from the cadres it concerns (回避).
 */
export async function checkDecision(
  tx: Queryable,
  actor: Actor,
  d: DecisionInput,
  i: number,
  meeting: { heldOn: string; auditIds: number[] },
): Promise<Checked> {
  const field = (name: string, message: string) =>
    badRequest(message, { [`decisions.${i}.${name}`]: message });
  if (!(await orgInScope(tx, actor, d.assigneeOrgId)))
    throw field('assigneeOrgId', '承办单位不在您的管理范围内');
  if (d.dueOn < meeting.heldOn) throw field('dueOn', '办理时限不能早于会议日期');
  const subjects = new Set<number>();
  if (d.auditId) {
    if (!meeting.auditIds.includes(d.auditId)) throw field('auditId', '请选择本次会议通报的审计项目');
    const [a] = await tx
      .select({ subjects: econAudits.subjectCadreIds })
      .from(econAudits)
      .where(eq(econAudits.id, d.auditId));
    for (const c of a?.subjects ?? []) subjects.add(c);
  }
  if (d.cadreId) {
    const [c] = await tx.select({ id: cadres.id }).from(cadres).where(eq(cadres.id, d.cadreId));
    if (!c) throw field('cadreId', '涉及干部不存在');
    subjects.add(d.cadreId);
  }
  const subjectCadreIds = [...subjects];
  let assigneeName: string | null = null;
  if (d.assigneeUserId) {
    const [org] = await tx
      .select({ id: orgs.id, path: orgs.path })
      .from(orgs)
      .where(eq(orgs.id, d.assigneeOrgId));
    const holders = await roleHolders(tx, d.assigneeRole, org);
    const named = holders.find((h) => h.id === d.assigneeUserId);
    if (!named) throw field('assigneeUserId', `承办人须为该单位的${DECISION_ROLES[d.assigneeRole]}`);
    if ((await recusedUsers(tx, [named.id], subjectCadreIds)).has(named.id))
      throw unprocessable('承办人与该决定涉及的干部有回避关系，须回避', {
        [`decisions.${i}.assigneeUserId`]: '承办人与该决定涉及的干部有回避关系，须回避',
      });
    assigneeName = named.displayName;
  }
  return { ...d, subjectCadreIds, assigneeName };
}

/** Who must act, in words: the named person with the role, or the role of the org. */
export const assigneeText = (role: string, orgName: string | null, userName: string | null) =>
  userName ? `${DECISION_ROLES[role] ?? role}${userName}` : `${orgName ?? ''}${DECISION_ROLES[role] ?? role}`;

/**
 * One decision and its to-do with the clock, addressed to the person named or the role of the org.
 * The to-do's title names the meeting, the item and who must act, never the decision's words (case
 * content about a cadre); it carries the cadres concerned, so those who must recuse never see it.
 */
export async function insertDecision(
  tx: Queryable,
  ctx: { clock: Clock },
  meeting: { id: number; orgId: number; heldOn: string; title: string },
  d: Checked,
  n: number,
) {
  const [row] = await tx
    .insert(meetingDecisions)
    .values({
      meetingId: meeting.id,
      content: d.content,
      assigneeOrgId: d.assigneeOrgId,
      assigneeRole: d.assigneeRole,
      assigneeUserId: d.assigneeUserId ?? null,
      auditId: d.auditId ?? null,
      subjectCadreIds: d.subjectCadreIds,
      dueOn: d.dueOn,
    })
    .returning({ id: meetingDecisions.id });
  const [org] = await tx.select({ name: orgs.name }).from(orgs).where(eq(orgs.id, d.assigneeOrgId));
  const who = assigneeText(d.assigneeRole, org?.name ?? null, d.assigneeName);
  await createTodo(tx, ctx.clock, {
    title: `落实联席会议决定：${meeting.heldOn}《${meeting.title}》第 ${n} 项（承办：${who}）`,
    recordType: 'meeting_decision',
    recordId: row.id,
    link: `/audit-meetings/${meeting.id}`,
    orgId: d.assigneeOrgId,
    ...(d.assigneeUserId ? { assigneeUserId: d.assigneeUserId } : { assigneeRole: d.assigneeRole }),
    dueOn: d.dueOn,
    subjectCadreIds: d.subjectCadreIds,
    fallback: { orgId: meeting.orgId, assigneeRole: 'audit_officer' },
  });
  return row.id;
}

/**
 * May the caller act on the decision? Not if they must recuse (404, as for a record they may not
 * see); the named person, else a holder of the role covering its org; the audit officers always.
 */
export async function mayActOn(
  tx: Queryable,
  actor: Actor,
  d: typeof meetingDecisions.$inferSelect,
): Promise<boolean> {
  await requireAccess(tx, actor, 'meeting_decision', [d.id]);
  if (actor.permissions.has('econ_audit.manage')) return true;
  if (d.assigneeUserId) return d.assigneeUserId === actor.userId;
  return actor.roles.includes(d.assigneeRole) && (await orgInScope(tx, actor, d.assigneeOrgId));
}

/** The names of the people named on decisions. */
export async function userNames(db: Queryable, ids: number[]) {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map<number, string>();
  const rows = await db
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(inArray(users.id, unique));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export const assigneeQuery = z.object({
  orgId: z.coerce.number().int().positive('请选择承办单位'),
  role: z.enum(Object.keys(DECISION_ROLES) as [string, ...string[]], { message: '请选择承办人' }),
  auditId: z.coerce.number().int().positive('审计项目不正确').optional(),
});

/**
 * Whom a decision may name: the holders of the role covering the org, less those who must recuse
 * from the audit's subject.
 */
export async function listAssignees(opts: {
  ctx: AppContext;
  actor: Actor;
  query: z.infer<typeof assigneeQuery>;
}) {
  const { ctx, actor, query } = opts;
  if (!(await orgInScope(ctx.db, actor, query.orgId)))
    throw badRequest('承办单位不在您的管理范围内', { orgId: '承办单位不在您的管理范围内' });
  let subjects: number[] = [];
  if (query.auditId) subjects = (await loadAudit(ctx.db, actor, query.auditId)).subjectCadreIds;
  const [org] = await ctx.db
    .select({ id: orgs.id, path: orgs.path })
    .from(orgs)
    .where(eq(orgs.id, query.orgId));
  const holders = await roleHolders(ctx.db, query.role, org, subjects);
  return { items: holders.map((h) => ({ id: h.id, name: h.displayName })) };
}
