import type { z } from 'zod';
import { nextAuditStatus } from '../../../domain/audits/audit.js';
import { toFen } from '../../../domain/audits/outcomes.js';
import { chinaDate } from '../../../domain/calendar.js';
import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/client.js';
import { badRequest, unprocessable } from '../../platform/http/errors.js';
import { bumpAudit, loadAuditForChange } from './access.js';
import type { reportAuditIn as reportBody } from './contract.js';
import { addAuditEvent } from './events.js';
import { getAudit } from './get-audit.js';

/** 出具审计报告: the report's day, 文书号, overall opinion and the amount audited. */
export async function reportAudit(opts: {
  ctx: AppContext;
  actor: Actor;
  id: number;
  input: z.infer<typeof reportBody>;
}) {
  const { ctx, actor, id, input } = opts;
  await ctx.db.transaction((tx) => reportAuditIn(tx, ctx, actor, id, input));
  return getAudit({ ctx, actor, id });
}

/** The same inside the caller's transaction (the demo). */
export async function reportAuditIn(
  tx: Queryable,
  ctx: AppContext,
  actor: Actor,
  id: number,
  input: z.infer<typeof reportBody>,
) {
  {
    const row = await loadAuditForChange(tx, actor, id, input.version);
    const step = nextAuditStatus(row.status as 'draft', 'report');
    if ('problem' in step) throw unprocessable(step.problem);
    if (input.reportedOn > chinaDate(ctx.clock.now()))
      throw badRequest('审计报告日期不能晚于今天', { reportedOn: '审计报告日期不能晚于今天' });
    if (row.startedOn && input.reportedOn < row.startedOn)
      throw badRequest('审计报告日期不能早于进点日期', { reportedOn: '审计报告日期不能早于进点日期' });
    await bumpAudit(
      tx,
      row,
      {
        status: step.to,
        reportedOn: input.reportedOn,
        reportNo: input.reportNo,
        opinion: input.opinion,
        amountFen: input.amount == null ? null : toFen(input.amount),
      },
      ctx.clock.now(),
    );
    await addAuditEvent(tx, ctx, actor, id, 'report', { detail: { reportNo: input.reportNo } });
    await recordAudit(tx, ctx.clock, actor, {
      action: 'econ_audit.report',
      objectType: 'econ_audit',
      objectId: id,
      detail: { reportNo: input.reportNo, reportedOn: input.reportedOn },
    });
  }
}
