import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import {
  extensionProblem,
  extensionTooLate,
  type PetitionStatus,
} from '../../../../domain/petition-workflow.js';
import type { Actor } from '../../../platform/access/actor.js';
import { recordAudit } from '../../../platform/audit/record.js';
import type { AppContext } from '../../../platform/context.js';
import { conflict, unprocessable } from '../../../platform/http/errors.js';
import { text } from '../../../platform/http/text.js';
import { petitionClockRules } from '../clock-rules.js';
import { loadPetition } from '../load-petition.js';
import { petitionEvents, petitions } from '../schema.js';
import { getPetition } from './get-petition.js';
import { reachOf, requireMay } from './may.js';
import { clockFacts, clockOf, todayOf } from './petition-clock.js';
import { moveStepTodo } from './petition-todos.js';

export const extensionBody = z.object({
  version: z.number().int().positive('请提供版本号'),
  days: z.number().int('延期天数应为整数'),
  reason: text().trim().min(2, '请填写延期理由（至少 2 个字）').max(1000, '延期理由不超过 1000 字'),
});

/**
 * Extends the handling period once, by at most the rule's days, with a reason, while the period
 * still runs: a case past its due date is refused (docs/decisions/petition-extension.md). One step:
 * whoever holds petition.approve grants it (the officer who needs it asks an approver; both roles
 * of the discipline office hold it). The clock and the open to-do move to the new due date.
 */
export async function extendPetition(opts: {
  ctx: AppContext;
  actor: Actor;
  id: number;
  input: z.infer<typeof extensionBody>;
}) {
  const { ctx, actor, id, input } = opts;
  await ctx.db.transaction(async (tx) => {
    const p = await loadPetition(tx, actor, id);
    if (p.version !== input.version) throw conflict();
    const reach = await reachOf(tx, actor, p);
    requireMay(actor.permissions.has('petition.approve') && reach.byOrg);
    const today = todayOf(ctx);
    const problem = extensionProblem(
      { status: p.status as PetitionStatus, extensionDays: p.extensionDays },
      input.days,
      await petitionClockRules(ctx.rules, today),
    );
    if (problem) throw unprocessable(problem, { days: problem });
    const late = extensionTooLate(p.dueOn, today);
    if (late) throw unprocessable(late);
    const next = { ...p, extensionDays: input.days };
    const clock = await clockOf(ctx, clockFacts(next));
    const now = ctx.clock.now();
    const [saved] = await tx
      .update(petitions)
      .set({
        extensionDays: input.days,
        extensionReason: input.reason,
        extensionApprovedBy: actor.userId,
        ...clock,
        version: p.version + 1,
        updatedAt: now,
      })
      .where(and(eq(petitions.id, id), eq(petitions.version, p.version)))
      .returning();
    if (!saved) throw conflict();
    await tx.insert(petitionEvents).values({
      petitionId: id,
      action: 'extend',
      fromStatus: p.status,
      toStatus: p.status,
      occurredOn: today,
      userId: actor.userId,
      note: `延期 ${input.days} 天：${input.reason}`,
      createdAt: now,
    });
    await moveStepTodo(tx, ctx, saved);
    await recordAudit(tx, ctx.clock, actor, {
      action: 'petition.extend',
      objectType: 'petition',
      objectId: id,
      detail: { code: p.code, days: input.days, dueOn: clock.dueOn },
    });
  });
  return getPetition({ ctx, actor, id });
}
