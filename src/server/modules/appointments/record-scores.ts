import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { scoreProblem } from '../../../domain/appointments/selection.js';
import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import { badRequest } from '../../platform/http/errors.js';
import { addEvent, bumpVersion, loadForChange } from './access.js';
import type { scoresIn } from './contract.js';
import { getCase } from './get-case.js';
import { registrantsOf, requireSelectionStage } from './registrants.js';
import { appointmentRegistrants } from './schema.js';

type Input = z.infer<typeof scoresIn>;

/** 笔试、面试成绩 (0–100, two decimals at most) of registrants who passed the qualification check. */
export async function recordScores(opts: { ctx: AppContext; actor: Actor; id: number; input: Input }) {
  const { ctx, actor, id, input } = opts;
  await ctx.db.transaction(async (tx) => {
    const row = await loadForChange(tx, actor, id, input.version);
    requireSelectionStage(row);
    const regs = new Map((await registrantsOf(tx, id)).map((r) => [r.id, r]));
    const seen = new Set<number>();
    for (const [i, s] of input.scores.entries()) {
      const r = regs.get(s.registrantId);
      const field = `scores.${i}.registrantId`;
      if (!r || seen.has(s.registrantId))
        throw badRequest('须为本事项的报名人员，每人一行', { [field]: '须为本事项的报名人员，每人一行' });
      if (r.withdrawnOn) {
        const message = `${r.name}已撤回报名，不能录入成绩`;
        throw badRequest(message, { [field]: message });
      }
      if (r.qualification !== 'passed') {
        const message = `${r.name}未通过资格审查，不能录入成绩`;
        throw badRequest(message, { [field]: message });
      }
      seen.add(s.registrantId);
      const p =
        scoreProblem(s.examScore, `scores.${i}.examScore`, '笔试成绩') ??
        scoreProblem(s.interviewScore, `scores.${i}.interviewScore`, '面试成绩');
      if (p) throw badRequest(p.message, { [p.field]: p.message });
    }
    for (const s of input.scores)
      await tx
        .update(appointmentRegistrants)
        .set({ examScore: s.examScore, interviewScore: s.interviewScore })
        .where(eq(appointmentRegistrants.id, s.registrantId));
    await bumpVersion(tx, row, {}, ctx.clock.now());
    await addEvent(tx, ctx, actor, id, 'scores', { detail: { count: input.scores.length } });
    await recordAudit(tx, ctx.clock, actor, {
      action: 'appointment.scores',
      objectType: 'appointment',
      objectId: id,
      detail: { scores: input.scores },
    });
  });
  return getCase({ ctx, actor, id });
}
