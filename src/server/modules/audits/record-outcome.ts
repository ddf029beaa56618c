import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { isAmountKind, type OutcomeKind, toFen } from '../../../domain/audits/outcomes.js';
import { chinaDate } from '../../../domain/calendar.js';
import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/client.js';
import { badRequest, unprocessable } from '../../platform/http/errors.js';
import { registerTodoRecordType } from '../../platform/todos/record-types.js';
import { bumpAudit, loadAuditForChange } from './access.js';
import type { outcomeIn } from './contract.js';
import { addAuditEvent } from './events.js';
import { getAudit } from './get-audit.js';
import { openReferralPetition } from './refer-petition.js';
import { auditFindings, auditOutcomes } from './schema.js';

// the to-dos of referrals recorded before they opened petitions
registerTodoRecordType('econ_audit_referral', 'econ_audit.read');

/**
 * 整改成效: an amount (上缴财政, 归还原资金渠道, 调整账项) or a count (移送事项/人员, 完善制度). A 移送 opens a
 * petition (channel 审计移送) for the discipline officers, naming the referred cadres.
 */
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
  const referral = kind === 'referred_matter' || kind === 'referred_person';
  const persons = input.persons ?? [];
  if (persons.length && !referral)
    throw badRequest('只有移送事项、移送人员可以填写移送人员', {
      persons: '只有移送事项、移送人员可以填写移送人员',
    });
  if (kind === 'referred_person' && !persons.length)
    throw badRequest('移送人员须列明被移送的人员', { persons: '移送人员须列明被移送的人员' });
  if (kind === 'referred_person' && input.count && input.count !== persons.length)
    throw badRequest('移送人数应与所列人员人数一致', { count: '移送人数应与所列人员人数一致' });
  const count = kind === 'referred_person' ? persons.length : input.count;
  if (amountKind && input.amount == null) throw badRequest('请填写金额', { amount: '请填写金额' });
  if (!amountKind && !count) throw badRequest('请填写数量', { count: '请填写数量' });
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
        count: amountKind ? 0 : (count ?? 0),
        achievedOn: input.achievedOn,
        note: input.note ?? null,
        createdAt: ctx.clock.now(),
      })
      .returning({ id: auditOutcomes.id });
    let petition: { id: number; code: string } | null = null;
    if (referral) {
      // 移送: a case for the discipline officers of the audited unit's township, linked both ways
      petition = await openReferralPetition(tx, ctx, actor, audit, {
        kind,
        findingId: input.findingId ?? null,
        achievedOn: input.achievedOn,
        note: input.note ?? null,
        persons,
      });
      await tx.update(auditOutcomes).set({ petitionId: petition.id }).where(eq(auditOutcomes.id, row.id));
    }
    await bumpAudit(tx, audit, {}, ctx.clock.now());
    await addAuditEvent(tx, ctx, actor, id, 'outcome', {
      detail: { outcomeId: row.id, kind, petitionId: petition?.id, petitionCode: petition?.code },
    });
    await recordAudit(tx, ctx.clock, actor, {
      action: 'econ_audit.outcome',
      objectType: 'econ_audit',
      objectId: id,
      detail: { outcomeId: row.id, kind, petitionId: petition?.id ?? null },
    });
  }
}
