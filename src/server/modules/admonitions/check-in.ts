import type { Rating } from '../../../domain/admonitions/admonition-workflow.js';
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
 * 跟踪谈心谈话: fills the next scheduled check-in with its rating (好/一般/差) and note. Not
 * before the talk or the previous check-in, not in the future; once all are held, the to-do
 * becomes the decision due by `decideBy`.
 */
export function checkIn(opts: {
  ctx: AppContext;
  actor: Actor;
  id: number;
  input: { version: number; on: string; rating: Rating; note: string };
  tx?: Queryable;
}) {
  const { ctx, actor, id, input, tx: outer } = opts;
  return admonitionStep(
    ctx,
    actor,
    id,
    input.version,
    'check_in',
    async (tx, a) => {
      const due = a.checkInDates[a.checkInsDone];
      if (!due) throw unprocessable(`跟踪考察期内的 ${a.checkInDates.length} 次谈心谈话已全部记录`);
      checkStepDate(ctx, 'on', '谈心谈话日期', input.on, { on: a.talkOn, label: '谈话日期' });
      const done = a.checkInsDone + 1;
      await saveAdmonition(tx, ctx, a, { checkInsDone: done, nextCheckInOn: a.checkInDates[done] ?? null });
      await admonitionEvent(tx, ctx, {
        admonitionId: a.id,
        action: 'check_in',
        occurredOn: input.on,
        dueOn: due,
        rating: input.rating,
        note: input.note,
        userId: actor.userId,
        detail: { n: done, of: a.checkInDates.length },
      });
      await recordAudit(tx, ctx.clock, actor, {
        action: 'admonition.check_in',
        objectType: 'admonition',
        objectId: a.id,
        detail: { code: a.code, n: done, dueOn: due, on: input.on, rating: input.rating },
      });
    },
    outer,
  );
}
