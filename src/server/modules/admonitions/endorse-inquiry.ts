import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/client.js';
import { loadInquiry } from './access.js';
import { inquiryEvent } from './events.js';
import { stepInquiry } from './inquiry-step.js';
import { todayOf } from './tracking.js';

/** 签字背书: the principal of the cadre's unit (or the office recording the signed paper) endorses the reply; who and when are kept. */
export async function endorseInquiry(opts: {
  ctx: AppContext;
  actor: Actor;
  id: number;
  input: { version: number; note?: string | null };
  tx?: Queryable;
}): Promise<number> {
  const { ctx, actor, id, input, tx: outer } = opts;
  const body = async (tx: Queryable) => {
    const i = await loadInquiry(tx, actor, id, true);
    await stepInquiry(tx, ctx, i, input.version, 'endorse', {
      endorsedBy: actor.userId,
      endorsedAt: ctx.clock.now(),
      endorseNote: input.note ?? null,
    });
    await inquiryEvent(tx, ctx, {
      inquiryId: i.id,
      action: 'endorse',
      occurredOn: todayOf(ctx),
      userId: actor.userId,
      note: input.note ?? null,
    });
    await recordAudit(tx, ctx.clock, actor, {
      action: 'inquiry.endorse',
      objectType: 'inquiry',
      objectId: i.id,
      detail: { code: i.code },
    });
  };
  if (outer) await body(outer);
  else await ctx.db.transaction(body);
  return id;
}
