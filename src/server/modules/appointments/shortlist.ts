import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { shortlistProblem } from '../../../domain/appointments/selection.js';
import { nextStep } from '../../../domain/appointments/workflow.js';
import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import { badRequest, unprocessable } from '../../platform/http/errors.js';
import { addEvent, bumpVersion, loadForChange } from './access.js';
import type { shortlistIn } from './contract.js';
import { getCase } from './get-case.js';
import { requireSelectionStage } from './registrants.js';
import { appointmentCandidates } from './schema.js';
import { rankingOf } from './selection-ranking.js';

type Input = z.infer<typeof shortlistIn>;

/**
 * 确定考察对象 of a 公开选拔/竞争上岗 case: for each post, the top `count` of the ranking (who passed
 * the qualification check and have both scores) become the case's candidates for 考察. The count
 * must meet the 差额 ratio (rule `appointment.shortlist_ratio`), the cut may not split a tie, and
 * each one must be a registry cadre. The case moves on from 动议 as a recommendation would.
 */
export async function shortlist(opts: { ctx: AppContext; actor: Actor; id: number; input: Input }) {
  const { ctx, actor, id, input } = opts;
  await ctx.db.transaction(async (tx) => {
    const row = await loadForChange(tx, actor, id, input.version);
    requireSelectionStage(row);
    const step = nextStep(row.step as 'proposed', 'recommend');
    if ('problem' in step) throw unprocessable(step.problem);
    const ranking = await rankingOf(ctx, tx, row, input.on);
    const chosen: (typeof ranking.rows)[number][] = [];
    const seen = new Set<number>();
    for (const [i, c] of input.counts.entries()) {
      const field = `counts.${i}`;
      if (!row.positionIds.includes(c.positionId) || seen.has(c.positionId))
        throw badRequest('须为本次动议的职务，每个职务一行', {
          [`${field}.positionId`]: '须为本次动议的职务，每个职务一行',
        });
      seen.add(c.positionId);
      const ratio = shortlistProblem(c.count, 1, ranking.ratio);
      if (ratio) throw unprocessable(ratio, { [`${field}.count`]: ratio });
      const ranked = ranking.rows.filter((r) => r.positionId === c.positionId && r.rank != null);
      if (ranked.length < c.count) {
        const message = `该职务通过资格审查并有成绩的只有 ${ranked.length} 人，不足 ${c.count} 人`;
        throw unprocessable(message, { [`${field}.count`]: message });
      }
      const next = ranked[c.count];
      if (next && next.rank === ranked[c.count - 1].rank) {
        const message = `第 ${next.rank} 名并列（${ranked[c.count - 1].name}、${next.name}），请调整考察人数`;
        throw unprocessable(message, { [`${field}.count`]: message });
      }
      for (const r of ranked.slice(0, c.count)) {
        if (!r.cadreId) {
          const message = `${r.name}不在干部名册中，请先录入干部名册后再确定为考察对象`;
          throw unprocessable(message, { [`${field}.count`]: message });
        }
        chosen.push(r);
      }
    }
    const missing = row.positionIds.find((p) => !seen.has(p));
    if (missing) throw badRequest('请填写每个职务的考察人数', { counts: '请填写每个职务的考察人数' });
    await tx.delete(appointmentCandidates).where(eq(appointmentCandidates.caseId, id));
    await tx.insert(appointmentCandidates).values(
      chosen.map((r) => ({
        caseId: id,
        cadreId: r.cadreId!,
        positionId: r.positionId,
        examScore: Number(r.examScore),
        interviewScore: Number(r.interviewScore),
        rank: r.rank,
      })),
    );
    await bumpVersion(
      tx,
      row,
      {
        step: step.to,
        recommendation: {
          kind: 'selection',
          on: input.on,
          weights: ranking.weights,
          ratio: ranking.ratio,
          registrants: ranking.rows.length,
        },
      },
      ctx.clock.now(),
    );
    await addEvent(tx, ctx, actor, id, 'shortlist', {
      occurredOn: input.on,
      detail: { names: chosen.map((r) => r.name) },
    });
    await recordAudit(tx, ctx.clock, actor, {
      action: 'appointment.shortlist',
      objectType: 'appointment',
      objectId: id,
      detail: { registrants: chosen.map((r) => r.id), counts: input.counts },
    });
  });
  return getCase({ ctx, actor, id });
}
