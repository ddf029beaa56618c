import { nextReportDue } from '../../../domain/admonitions/own-report.js';
import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/client.js';
import { admonitionStep } from './admonition-step.js';
import { admonitionEvent } from './events.js';
import { reportsDone } from './report-todos.js';
import { saveAdmonition } from './save-admonition.js';
import { checkStepDate } from './tracking.js';

/** The cadre's written report (书面报告思想和工作情况), handed in and recorded by the officer. */
export function recordReport(opts: {
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
    'report',
    async (tx, a) => {
      checkStepDate(ctx, 'on', '报告日期', input.on, { on: a.talkOn, label: '谈话日期' });
      // the event first: the cadre's report to-do, moved by the save, counts it
      await admonitionEvent(tx, ctx, {
        admonitionId: a.id,
        action: 'report',
        occurredOn: input.on,
        dueOn: nextReportDue(a.reportDates, await reportsDone(tx, a.id)),
        note: input.note,
        userId: actor.userId,
      });
      await saveAdmonition(tx, ctx, a, {});
      await recordAudit(tx, ctx.clock, actor, {
        action: 'admonition.report',
        objectType: 'admonition',
        objectId: a.id,
        detail: { code: a.code, on: input.on },
      });
    },
    outer,
  );
}
