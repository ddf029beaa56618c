import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { chinaDate } from '../../../domain/calendar.js';
import { type Actor, can } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import { forbidden, notFound, unprocessable } from '../../platform/http/errors.js';
import { eligibilityOf } from '../cadres/file/cadre-eligibility.js';
import { addEvent, bumpVersion, loadCase, loadForChange } from './access.js';
import type { qualifyIn } from './contract.js';
import { getCase } from './get-case.js';
import { registrantsOf, requireSelectionStage } from './registrants.js';
import { appointmentRegistrants } from './schema.js';

type Input = z.infer<typeof qualifyIn>;

/**
 * 资格审查: the officer's 通过 / 不通过 with a reason. For a registry cadre the system's promotion
 * eligibility for the post is read again today and kept; one it finds blocked passes only with an
 * override reason recorded by a holder of appointment.override (audited).
 */
export async function qualify(opts: {
  ctx: AppContext;
  actor: Actor;
  id: number;
  registrantId: number;
  input: Input;
}) {
  const { ctx, actor, id, registrantId, input } = opts;
  await loadCase(ctx.db, actor, id);
  const reg = (await registrantsOf(ctx.db, id)).find((r) => r.id === registrantId);
  if (!reg) throw notFound('报名人员不存在');
  if (reg.withdrawnOn) throw unprocessable(`${reg.name}已撤回报名，不再进行资格审查`);
  const today = chinaDate(ctx.clock.now());
  const e = reg.cadreId
    ? await eligibilityOf(ctx, reg.cadreId, today, { level: reg.level, isPrincipal: reg.isPrincipal })
    : null;
  const blocked = e?.verdict === 'blocked' ? e.reasons.map((r) => r.message).join('；') : null;
  const override = input.result === 'passed' && blocked;
  if (override) {
    if (!input.overrideReason) {
      const message = `${reg.name}经系统核对不符合提拔条件（${blocked}），须由有权限的人员记录理由后方可通过资格审查`;
      throw unprocessable(message, { overrideReason: message });
    }
    if (!can(actor, 'appointment.override'))
      throw forbidden('不符合提拔条件的人选通过资格审查，须由有更高权限的人员记录理由');
  }
  await ctx.db.transaction(async (tx) => {
    const row = await loadForChange(tx, actor, id, input.version);
    requireSelectionStage(row);
    await tx
      .update(appointmentRegistrants)
      .set({
        qualification: input.result,
        qualificationReason: input.reason,
        qualifiedBy: actor.userId,
        eligibilityVerdict: e?.verdict ?? null,
        eligibilityReasons: e
          ? [...e.reasons.map((r) => r.message), ...e.missing.map((m) => m.message)].join('；') || null
          : null,
        overrideReason: override ? input.overrideReason! : null,
        overrideBy: override ? actor.userId : null,
        // a registrant who fails the check takes no scores
        ...(input.result === 'failed' ? { examScore: null, interviewScore: null } : {}),
      })
      .where(eq(appointmentRegistrants.id, registrantId));
    await bumpVersion(tx, row, {}, ctx.clock.now());
    await addEvent(tx, ctx, actor, id, 'qualify', {
      reason: input.reason,
      detail: { name: reg.name, result: input.result },
    });
    await recordAudit(tx, ctx.clock, actor, {
      action: 'appointment.qualify',
      objectType: 'appointment',
      objectId: id,
      detail: { registrantId, result: input.result },
    });
    if (override)
      await recordAudit(tx, ctx.clock, actor, {
        action: 'appointment.qualification_override',
        objectType: 'appointment',
        objectId: id,
        detail: { registrantId, reasons: blocked, overrideReason: input.overrideReason },
      });
  });
  return getCase({ ctx, actor, id });
}
