import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { chinaDate } from '../../../domain/calendar.js';
import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import { notFound, unprocessable } from '../../platform/http/errors.js';
import { addEvent, bumpVersion, loadForChange } from './access.js';
import type { withdrawIn } from './contract.js';
import { getCase } from './get-case.js';
import { requireSelectionStage } from './registrants.js';
import { appointmentRegistrants } from './schema.js';

type Input = z.infer<typeof withdrawIn>;

/**
 * 报名撤回: a registrant of a 公开选拔/竞争上岗 case still at 动议 withdraws, with the reason given.
 * The registration stays in the record (纪实) marked withdrawn: it takes no check, no scores and no
 * rank, and it cannot be withdrawn twice.
 */
export async function withdrawRegistration(opts: {
  ctx: AppContext;
  actor: Actor;
  id: number;
  registrantId: number;
  input: Input;
}) {
  const { ctx, actor, id, registrantId, input } = opts;
  await ctx.db.transaction(async (tx) => {
    const row = await loadForChange(tx, actor, id, input.version);
    requireSelectionStage(row);
    const [reg] = await tx
      .select()
      .from(appointmentRegistrants)
      .where(eq(appointmentRegistrants.id, registrantId))
      .for('update');
    if (!reg || reg.caseId !== id) throw notFound('报名人员不存在');
    if (reg.withdrawnOn) throw unprocessable(`${reg.name}已于 ${reg.withdrawnOn} 撤回报名`);
    const on = input.on ?? chinaDate(ctx.clock.now());
    if (on < reg.registeredOn) {
      const message = `撤回日期不能早于报名日期 ${reg.registeredOn}`;
      throw unprocessable(message, { on: message });
    }
    await tx
      .update(appointmentRegistrants)
      .set({
        withdrawnOn: on,
        withdrawReason: input.reason,
        withdrawnBy: actor.userId,
        examScore: null,
        interviewScore: null,
      })
      .where(eq(appointmentRegistrants.id, registrantId));
    await bumpVersion(tx, row, {}, ctx.clock.now());
    await addEvent(tx, ctx, actor, id, 'withdraw_registration', {
      occurredOn: on,
      reason: input.reason,
      detail: { name: reg.name },
    });
    await recordAudit(tx, ctx.clock, actor, {
      action: 'appointment.registrant_withdraw',
      objectType: 'appointment',
      objectId: id,
      detail: { registrantId, cadreId: reg.cadreId, positionId: reg.positionId, on },
    });
  });
  return getCase({ ctx, actor, id });
}
