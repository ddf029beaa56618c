import type { z } from 'zod';
import { nextAuditStatus } from '../../../domain/audits/audit.js';
import { chinaDate } from '../../../domain/calendar.js';
import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/client.js';
import { unprocessable } from '../../platform/http/errors.js';
import { completeTodos } from '../../platform/todos/close-todos.js';
import { bumpAudit, loadAuditForChange } from './access.js';
import { checkAuditors } from './check-auditors.js';
import type { confirmAuditIn as confirmBody, dismissAuditIn } from './contract.js';
import { addAuditEvent } from './events.js';
import { getAudit } from './get-audit.js';

/** 确认离任审计: the draft becomes an audit in progress with its auditors (recusal checked). */
export async function confirmAudit(opts: {
  ctx: AppContext;
  actor: Actor;
  id: number;
  input: z.infer<typeof confirmBody>;
}) {
  const { ctx, actor, id, input } = opts;
  await ctx.db.transaction((tx) => confirmAuditIn(tx, ctx, actor, id, input));
  return getAudit({ ctx, actor, id });
}

/** The same inside the caller's transaction (the demo). */
export async function confirmAuditIn(
  tx: Queryable,
  ctx: AppContext,
  actor: Actor,
  id: number,
  input: z.infer<typeof confirmBody>,
) {
  {
    const row = await loadAuditForChange(tx, actor, id, input.version);
    const step = nextAuditStatus(row.status as 'draft', 'confirm');
    if ('problem' in step) throw unprocessable(step.problem);
    const auditors = await checkAuditors(tx, actor, input.auditorUserIds, row.subjectCadreIds);
    const today = chinaDate(ctx.clock.now());
    await bumpAudit(
      tx,
      row,
      {
        status: step.to,
        auditorUserIds: auditors,
        noticeNo: input.noticeNo ?? row.noticeNo,
        noticeOn: input.noticeOn ?? row.noticeOn,
        startedOn: today,
      },
      ctx.clock.now(),
    );
    await completeTodos(tx, ctx.clock, { recordType: 'econ_audit', recordId: id });
    await addAuditEvent(tx, ctx, actor, id, 'confirm', { detail: { auditors } });
    await recordAudit(tx, ctx.clock, actor, {
      action: 'econ_audit.confirm',
      objectType: 'econ_audit',
      objectId: id,
      detail: { auditors },
    });
  }
}

/** 不予审计: a draft is closed with its reason. */
export async function dismissAudit(opts: {
  ctx: AppContext;
  actor: Actor;
  id: number;
  input: z.infer<typeof dismissAuditIn>;
}) {
  const { ctx, actor, id, input } = opts;
  await ctx.db.transaction(async (tx) => {
    const row = await loadAuditForChange(tx, actor, id, input.version);
    const step = nextAuditStatus(row.status as 'draft', 'dismiss');
    if ('problem' in step) throw unprocessable(step.problem);
    const today = chinaDate(ctx.clock.now());
    await bumpAudit(
      tx,
      row,
      { status: step.to, closedOn: today, dismissReason: input.reason },
      ctx.clock.now(),
    );
    await completeTodos(tx, ctx.clock, { recordType: 'econ_audit', recordId: id });
    await addAuditEvent(tx, ctx, actor, id, 'dismiss', { reason: input.reason });
    await recordAudit(tx, ctx.clock, actor, {
      action: 'econ_audit.dismiss',
      objectType: 'econ_audit',
      objectId: id,
      // the reason is case content: it stays on the audit's event, not in the audit log
      detail: { reasonGiven: true },
    });
  });
  return getAudit({ ctx, actor, id });
}
