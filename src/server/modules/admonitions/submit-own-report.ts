import { nextReportDue, ownReportRefusal } from '../../../domain/admonitions/own-report.js';
import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/client.js';
import { conflict, unprocessable } from '../../platform/http/errors.js';
import { admonitionEvent } from './events.js';
import { loadOwnAdmonition } from './own-admonition.js';
import { reportsDone } from './report-todos.js';
import { saveAdmonition } from './save-admonition.js';
import { todayOf } from './tracking.js';

/**
 * The cadre hands in the written report due (书面报告思想和工作情况) from their own account: only
 * for their own admonition, while its tracking runs and a report is due. It joins the record's
 * timeline for the officer, and the cadre's to-do moves on to the next report.
 */
export async function submitOwnReport(opts: {
  ctx: AppContext;
  actor: Actor;
  id: number;
  input: { version: number; text: string };
  tx?: Queryable;
}): Promise<number> {
  const { ctx, actor, id, input, tx: outer } = opts;
  const today = todayOf(ctx);
  const body = async (tx: Queryable) => {
    const a = await loadOwnAdmonition(tx, actor, id, true);
    if (a.version !== input.version) throw conflict();
    const done = await reportsDone(tx, a.id);
    const refusal = ownReportRefusal(a, done);
    if (refusal) throw unprocessable(refusal);
    const dueOn = nextReportDue(a.reportDates, done);
    await admonitionEvent(tx, ctx, {
      admonitionId: a.id,
      action: 'report',
      occurredOn: today,
      dueOn,
      note: input.text,
      userId: actor.userId,
      detail: { by: 'own_account', late: dueOn !== null && today > dueOn },
    });
    await saveAdmonition(tx, ctx, a, {});
    await recordAudit(tx, ctx.clock, actor, {
      action: 'admonition.own_report',
      objectType: 'admonition',
      objectId: a.id,
      detail: { code: a.code, dueOn },
    });
  };
  if (outer) await body(outer);
  else await ctx.db.transaction(body);
  return id;
}
