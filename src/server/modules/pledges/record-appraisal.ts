import { and, eq } from 'drizzle-orm';
import { appraisalOutcome } from '../../../domain/pledges/pledges.js';
import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/client.js';
import { badRequest, conflict, unprocessable } from '../../platform/http/errors.js';
import { openAdmonition } from '../admonitions/open-admonition.js';
import { loadPledge } from './access.js';
import type { AppraisalInput } from './contract.js';
import { getPledge } from './get-pledge.js';
import { pledges } from './schema.js';

/**
 * 评诺 inside the caller's transaction: the villagers' appraisal entered as tallies (满意 / 基本满意 /
 * 不满意), after the 述诺. When the share of 不满意 reaches the rule pledge.appraisal_failure_threshold
 * (in force on the appraisal day), an admonition talk is opened from it — the path the democratic
 * evaluation takes (assessments/close-evaluation.ts), with source 民主测评 and this pledge as its record.
 */
export async function recordAppraisalIn(
  tx: Queryable,
  ctx: AppContext,
  actor: Actor,
  id: number,
  input: AppraisalInput,
) {
  const p = await loadPledge(tx, actor, id, { version: input.version });
  if (p.appraisal) throw unprocessable('该承诺已录入评诺结果', { version: '该承诺已录入评诺结果' });
  if (!p.report || !p.reportedOn) throw unprocessable('请先录入述诺报告', { report: '请先录入述诺报告' });
  if (input.appraisedOn < p.reportedOn)
    throw badRequest('评诺日期不能早于述诺日期', { appraisedOn: '评诺日期不能早于述诺日期' });
  const tally = { satisfied: input.satisfied, basic: input.basic, unsatisfied: input.unsatisfied };
  const threshold = await ctx.rules.value<number>('pledge.appraisal_failure_threshold', input.appraisedOn);
  const outcome = appraisalOutcome(tally, threshold);
  if (!outcome.total) throw badRequest('评诺票数不能全为 0', { satisfied: '评诺票数不能全为 0' });
  let admonitionId: number | null = null;
  if (outcome.fails) {
    const a = await openAdmonition(tx, ctx, actor, {
      cadreId: p.cadreId,
      source: {
        kind: '民主测评',
        refType: 'pledge',
        refId: p.id,
        note: `任期承诺评诺“${p.title}”：不满意 ${outcome.failureShare}%（${tally.unsatisfied}/${outcome.total}），达到 ${threshold}% 的诫勉谈话标准`,
      },
      reason: `任期承诺评诺中“不满意”占 ${outcome.failureShare}%，达到诫勉谈话标准（${threshold}%）`,
      openedOn: input.appraisedOn,
    });
    admonitionId = a.id;
  }
  const [saved] = await tx
    .update(pledges)
    .set({
      appraisal: {
        ...tally,
        total: outcome.total,
        failureShare: outcome.failureShare,
        threshold,
        failed: outcome.fails,
      },
      appraisedOn: input.appraisedOn,
      admonitionId,
      version: p.version + 1,
      updatedAt: ctx.clock.now(),
    })
    .where(and(eq(pledges.id, p.id), eq(pledges.version, p.version)))
    .returning({ id: pledges.id });
  if (!saved) throw conflict();
  await recordAudit(tx, ctx.clock, actor, {
    action: 'pledge.appraisal',
    objectType: 'pledge',
    objectId: p.id,
    detail: { ...tally, failureShare: outcome.failureShare, threshold, admonitionId },
  });
}

export async function recordAppraisal(opts: {
  ctx: AppContext;
  actor: Actor;
  id: number;
  input: AppraisalInput;
}) {
  const { ctx, actor, id, input } = opts;
  await ctx.db.transaction((tx) => recordAppraisalIn(tx, ctx, actor, id, input));
  return getPledge({ ctx, actor, id });
}
