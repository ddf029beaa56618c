import { releaseRefusal } from '../../../domain/admonitions/admonition-workflow.js';
import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/client.js';
import { unprocessable } from '../../platform/http/errors.js';
import { admonitionStep } from './admonition-step.js';
import { admonitionEvent } from './events.js';
import { saveAdmonition } from './save-admonition.js';
import { checkStepDate } from './tracking.js';

/**
 * 解除诫勉: only once the tracking is over (its end day) and every scheduled check-in is held. The
 * effect on promotion still runs to the end of its rule period (admonition.promotion_block), as the
 * file and the eligibility say.
 */
export function releaseAdmonition(opts: {
  ctx: AppContext;
  actor: Actor;
  id: number;
  input: { version: number; on: string; note: string };
  tx?: Queryable;
}) {
  const { ctx, actor, id, input, tx: outer } = opts;
  return admonitionStep(
    ctx,
    actor,
    id,
    input.version,
    'release',
    async (tx, a) => {
      checkStepDate(ctx, 'on', '解除日期', input.on, { on: a.talkOn, label: '谈话日期' });
      const plan = {
        endsOn: a.trackingEndsOn!,
        checkIns: a.checkInDates,
        reports: a.reportDates,
        decideBy: a.decideBy!,
      };
      const refusal = releaseRefusal(plan, a.checkInsDone, input.on);
      if (refusal) throw unprocessable(refusal, { on: refusal });
      await saveAdmonition(tx, ctx, a, { status: 'released', releasedOn: input.on, endNote: input.note });
      await admonitionEvent(tx, ctx, {
        admonitionId: a.id,
        action: 'release',
        occurredOn: input.on,
        note: input.note,
        userId: actor.userId,
      });
      await recordAudit(tx, ctx.clock, actor, {
        action: 'admonition.release',
        objectType: 'admonition',
        objectId: a.id,
        detail: { code: a.code, on: input.on },
      });
    },
    outer,
  );
}
