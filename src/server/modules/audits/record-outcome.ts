import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { isAmountKind, type OutcomeKind, toFen } from '../../../domain/audits/outcomes.js';
import { chinaDate } from '../../../domain/calendar.js';
import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/client.js';
import { badRequest, unprocessable } from '../../platform/http/errors.js';
import { createTodo } from '../../platform/todos/create-todo.js';
import { registerTodoRecordType } from '../../platform/todos/record-types.js';
import { bumpAudit, loadAuditForChange } from './access.js';
import type { outcomeIn } from './contract.js';
import { addAuditEvent } from './events.js';
import { getAudit } from './get-audit.js';
import { auditFindings, auditOutcomes } from './schema.js';

registerTodoRecordType('econ_audit_referral', 'econ_audit.read');

/** 整改成效: an amount (上缴财政, 归还原资金渠道, 调整账项) or a count (移送事项/人员, 完善制度). */
export async function recordOutcome(opts: {
  ctx: AppContext;
  actor: Actor;
  id: number;
  input: z.infer<typeof outcomeIn>;
}) {
  const { ctx, actor, id, input } = opts;
  await ctx.db.transaction((tx) => recordOutcomeIn(tx, ctx, actor, id, input));
  return getAudit({ ctx, actor, id });
}

/** The same inside the caller's transaction (the demo). */
export async function recordOutcomeIn(
  tx: Queryable,
  ctx: AppContext,
  actor: Actor,
  id: number,
  input: z.infer<typeof outcomeIn>,
) {
  const kind = input.kind as OutcomeKind;
  const amountKind = isAmountKind(kind);
  if (amountKind && input.amount == null) throw badRequest('请填写金额', { amount: '请填写金额' });
  if (!amountKind && !input.count) throw badRequest('请填写数量', { count: '请填写数量' });
  if (input.achievedOn > chinaDate(ctx.clock.now()))
    throw badRequest('日期不能晚于今天', { achievedOn: '日期不能晚于今天' });
  {
    const audit = await loadAuditForChange(tx, actor, id, input.version);
    if (audit.status === 'draft' || audit.status === 'dismissed')
      throw unprocessable('该审计项目尚未开展，不能登记整改成效');
    let unitOrgId = audit.orgId;
    if (input.findingId) {
      const [f] = await tx
        .select({ unitOrgId: auditFindings.unitOrgId })
        .from(auditFindings)
        .where(and(eq(auditFindings.id, input.findingId), eq(auditFindings.auditId, id)));
      if (!f) throw badRequest('审计发现不属于该审计项目', { findingId: '审计发现不属于该审计项目' });
      unitOrgId = f.unitOrgId;
    }
    const [row] = await tx
      .insert(auditOutcomes)
      .values({
        auditId: id,
        findingId: input.findingId ?? null,
        unitOrgId,
        kind,
        amountFen: amountKind ? (toFen(input.amount!) ?? 0) : 0,
        count: amountKind ? 0 : (input.count ?? 0),
        achievedOn: input.achievedOn,
        note: input.note ?? null,
        createdAt: ctx.clock.now(),
      })
      .returning({ id: auditOutcomes.id });
    if (kind === 'referred_matter' || kind === 'referred_person') {
      // 移送: the discipline officer of the audited unit's township gets it to handle, with its clock
      const days = await ctx.rules.value<number>('econ_audit.referral_period');
      await createTodo(tx, ctx.clock, {
        title: `办理审计移送${kind === 'referred_person' ? '人员' : '事项'}：${input.note ?? audit.title}`,
        recordType: 'econ_audit_referral',
        recordId: row.id,
        link: `/audits/${id}`,
        orgId: audit.orgId,
        assigneeRole: 'discipline_officer',
        dueOn: await ctx.calendar.addWorkingDays(input.achievedOn, days),
        kind: 'personal',
        subjectCadreIds: audit.subjectCadreIds,
      });
    }
    await bumpAudit(tx, audit, {}, ctx.clock.now());
    await addAuditEvent(tx, ctx, actor, id, 'outcome', { detail: { outcomeId: row.id, kind } });
    await recordAudit(tx, ctx.clock, actor, {
      action: 'econ_audit.outcome',
      objectType: 'econ_audit',
      objectId: id,
      detail: { outcomeId: row.id, kind },
    });
  }
}
