import type { z } from 'zod';
import { nextStatus } from '../../../domain/accountability/transitions.js';
import { chinaDate } from '../../../domain/calendar.js';
import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import { unprocessable } from '../../platform/http/errors.js';
import { completeTodos } from '../../platform/todos/close-todos.js';
import { bumpVersion, loadForChange } from './access.js';
import type { dismissIn } from './contract.js';
import { getRecord } from './get-record.js';
import { addEvent } from './write-people.js';

/** 不予追究: a draft is closed without effect, with its reason. */
export async function dismissRecord(opts: {
  ctx: AppContext;
  actor: Actor;
  id: number;
  input: z.infer<typeof dismissIn>;
}) {
  const { ctx, actor, id, input } = opts;
  await ctx.db.transaction(async (tx) => {
    const row = await loadForChange(tx, actor, id, input.version);
    const step = nextStatus(row.status as 'draft', 'dismiss');
    if ('problem' in step) throw unprocessable(step.problem);
    const today = chinaDate(ctx.clock.now());
    await bumpVersion(
      tx,
      row,
      { status: step.to, closedOn: today, dismissReason: input.reason },
      ctx.clock.now(),
    );
    await completeTodos(tx, ctx.clock, { recordType: 'accountability', recordId: id });
    await addEvent(tx, ctx, actor, id, 'dismiss', { reason: input.reason });
    await recordAudit(tx, ctx.clock, actor, {
      action: 'accountability.dismiss',
      objectType: 'accountability',
      objectId: id,
      // the reason is case content: it stays on the record and its event, not in the audit log
      detail: { reasonGiven: true },
    });
  });
  return getRecord({ ctx, actor, id });
}
