import { ADMONITION_STATUSES, ORG_MEASURES } from '../../../../domain/admonitions/admonition-workflow.js';
import type { Actor } from '../../../platform/access/actor.js';
import { recordAudit } from '../../../platform/audit/record.js';
import type { AppContext } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/client.js';
import { admonitionEvent } from '../events.js';
import { nextRecordCode } from '../record-code.js';
import { moveReportTodo } from '../report-todos.js';
import { admonitions } from '../schema.js';
import { moveAdmonitionTodo, todayOf } from '../tracking.js';
import type { GoodAdmonitionRow } from './check-rows.js';

/**
 * Writes one ledger row as the record it was, inside the import's transaction: the dates of the
 * ledger, the tracking plan of the rules on the talk's day, the check-ins the ledger counts, and a
 * timeline of its steps (立项, 谈话, 解除诫勉 or 组织措施) marked as imported. A record that ended
 * gets no to-do; one still under tracking (or still to be talked) goes on like any other — its next
 * check-in or decision as a to-do, the cadre's next report — except that a decision day already past
 * does not escalate again (escalated_on is the import's day). Audited one by one.
 */
export async function writeImportedAdmonition(
  tx: Queryable,
  ctx: AppContext,
  actor: Actor,
  g: GoodAdmonitionRow,
  meta: { jobId: number; rowNumber: number },
): Promise<number> {
  const { record: r, cadre, plan } = g;
  const today = todayOf(ctx);
  const code =
    r.code ?? (await nextRecordCode(tx, 'admonitions', cadre.orgId, Number(r.openedOn.slice(0, 4))));
  const tracking = r.status === 'tracking';
  const now = ctx.clock.now();
  const [row] = await tx
    .insert(admonitions)
    .values({
      orgId: cadre.orgId,
      cadreId: cadre.id,
      code,
      kind: r.kind,
      status: r.status,
      sourceKind: r.source,
      reason: r.reason,
      openedOn: r.openedOn,
      talkOn: r.talkOn,
      talkPlace: r.place,
      talkers: r.talkers,
      trackingEndsOn: plan?.endsOn ?? null,
      checkInDates: plan?.checkIns ?? [],
      reportDates: plan?.reports ?? [],
      checkInsDone: g.checkInsDone,
      nextCheckInOn: tracking ? (plan?.checkIns[g.checkInsDone] ?? null) : null,
      decideBy: plan?.decideBy ?? null,
      responsibleUserId: actor.userId,
      releasedOn: r.releasedOn,
      measureKind: r.measure,
      measureOn: r.measureOn,
      endNote: r.note,
      escalatedOn: tracking && plan && plan.decideBy < today ? today : null,
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  const event = (action: string, occurredOn: string, note: string, detail?: Record<string, unknown>) =>
    admonitionEvent(tx, ctx, {
      admonitionId: row.id,
      action,
      occurredOn,
      userId: actor.userId,
      note,
      detail: { imported: true, jobId: meta.jobId, ...detail },
    });
  await event('open', r.openedOn, `台帐导入；来源：${r.source}`);
  if (r.talkOn) await event('talk', r.talkOn, `谈话人：${r.talkers.join('、')}；地点：${r.place ?? ''}`);
  if (r.releasedOn) await event('release', r.releasedOn, r.note ?? '台帐导入');
  if (r.measure && r.measureOn)
    await event('measure', r.measureOn, `${ORG_MEASURES[r.measure]}：${r.note ?? '台帐导入'}`, {
      measure: r.measure,
    });
  await recordAudit(tx, ctx.clock, actor, {
    action: 'admonition.import',
    objectType: 'admonition',
    objectId: row.id,
    detail: { code, status: ADMONITION_STATUSES[r.status], jobId: meta.jobId, row: meta.rowNumber },
  });
  if (tracking || r.status === 'pending_talk') {
    await moveAdmonitionTodo(tx, ctx, row);
    await moveReportTodo(tx, ctx, row);
  }
  return row.id;
}
