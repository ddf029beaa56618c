import { answeredOnTime } from '../../../domain/admonitions/inquiry-workflow.js';
import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/client.js';
import { inquiryEvent } from './events.js';
import { stepInquiry } from './inquiry-step.js';
import { loadOwnInquiry } from './own-inquiry.js';
import { todayOf } from './tracking.js';

/**
 * The cadre's reply (向组织说明), by the cadre's own account: only its own inquiry, only while it
 * awaits the reply (a reply after it closed is refused). A late reply is taken and marked late.
 */
export async function replyInquiry(opts: {
  ctx: AppContext;
  actor: Actor;
  id: number;
  input: { version: number; reply: string };
  tx?: Queryable;
}): Promise<number> {
  const { ctx, actor, id, input, tx: outer } = opts;
  const today = todayOf(ctx);
  const body = async (tx: Queryable) => {
    const i = await loadOwnInquiry(tx, actor, id, true);
    await stepInquiry(tx, ctx, i, input.version, 'reply', {
      replyText: input.reply,
      repliedOn: today,
      repliedBy: actor.userId,
    });
    const onTime = answeredOnTime(today, i.dueOn);
    await inquiryEvent(tx, ctx, {
      inquiryId: i.id,
      action: 'reply',
      occurredOn: today,
      userId: actor.userId,
      note: onTime ? '按期回复' : `逾期回复（期限 ${i.dueOn}）`,
    });
    await recordAudit(tx, ctx.clock, actor, {
      action: 'inquiry.reply',
      objectType: 'inquiry',
      objectId: i.id,
      detail: { code: i.code, onTime },
    });
  };
  if (outer) await body(outer);
  else await ctx.db.transaction(body);
  return id;
}
