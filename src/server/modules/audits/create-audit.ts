import { eq } from 'drizzle-orm';
import { auditDatesProblem } from '../../../domain/audits/audit.js';
import { chinaDate } from '../../../domain/calendar.js';
import type { Actor } from '../../platform/access/actor.js';
import { orgInScope, requireAccess } from '../../platform/access/scope.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/client.js';
import { badRequest } from '../../platform/http/errors.js';

import { checkAuditors } from './check-auditors.js';
import type { CreateAuditInput } from './contract.js';
import { addAuditEvent } from './events.js';
import { getAudit } from './get-audit.js';
import { auditPlans, econAudits } from './schema.js';

/**
 * Records an audit in progress (定期 / 重点 / 离任 entered by the officer) inside the caller's
 * transaction: the org and the subject cadre in scope, the auditors checked for recusal.
 */
export async function insertAudit(tx: Queryable, ctx: AppContext, actor: Actor, input: CreateAuditInput) {
  const today = chinaDate(ctx.clock.now());
  if (!(await orgInScope(tx, actor, input.orgId)))
    throw badRequest('被审计单位不存在或不在您的管理范围内', {
      orgId: '被审计单位不存在或不在您的管理范围内',
    });
  const problem = auditDatesProblem({ ...input, today });
  if (problem) throw badRequest(problem.message, { [problem.field]: problem.message });
  if (input.planId) {
    const [plan] = await tx.select().from(auditPlans).where(eq(auditPlans.id, input.planId));
    if (!plan || !(await orgInScope(tx, actor, plan.orgId)))
      throw badRequest('审计计划不存在', { planId: '审计计划不存在' });
  }
  const subjects = input.subjectCadreId ? [input.subjectCadreId] : [];
  if (subjects.length) await requireAccess(tx, actor, 'cadre', subjects);
  const auditors = await checkAuditors(tx, actor, input.auditorUserIds, subjects);
  const now = ctx.clock.now();
  const [row] = await tx
    .insert(econAudits)
    .values({
      orgId: input.orgId,
      planId: input.planId ?? null,
      kind: input.kind,
      status: 'in_progress',
      title: input.title,
      subjectCadreId: input.subjectCadreId ?? null,
      subjectCadreIds: subjects,
      periodFrom: input.periodFrom,
      periodTo: input.periodTo,
      auditorUserIds: auditors,
      noticeNo: input.noticeNo ?? null,
      noticeOn: input.noticeOn ?? null,
      startedOn: input.startedOn ?? today,
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: econAudits.id });
  await addAuditEvent(tx, ctx, actor, row.id, 'create', { detail: { kind: input.kind } });
  await recordAudit(tx, ctx.clock, actor, {
    action: 'econ_audit.create',
    objectType: 'econ_audit',
    objectId: row.id,
    detail: { kind: input.kind, orgId: input.orgId, subjectCadreId: input.subjectCadreId ?? null, auditors },
  });
  return row.id;
}

export async function createAudit(opts: { ctx: AppContext; actor: Actor; input: CreateAuditInput }) {
  const { ctx, actor, input } = opts;
  const id = await ctx.db.transaction((tx) => insertAudit(tx, ctx, actor, input));
  return getAudit({ ctx, actor, id });
}
