import { and, eq } from 'drizzle-orm';
import { type RevisionStatus, revisionTransition } from '../../../domain/openness/review.js';
import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/client.js';
import { conflict, unprocessable } from '../../platform/http/errors.js';
import { completeTodos } from '../../platform/todos/close-todos.js';
import type { DisclosureRow } from './access.js';
import { REVIEW_TODO } from './audit-labels.js';
import type { StepInput } from './contract.js';
import { disclosureEvent } from './events.js';
import { publishVersion } from './publication.js';
import type { PendingRevision } from './revise-disclosure.js';
import { disclosures } from './schema.js';

const LABEL = { approve: '监委会审核通过修订', return: '监委会退回修订', publish: '公开修订' } as const;

/**
 * The review chain of a published village item's revision: the 村务监督委员会 approves it or returns
 * it with a reason; the 村委会 publishes only an approved one, which becomes the item's next version.
 * The item stays published throughout. Runs inside the step's transaction (`disclosureStep`).
 */
export async function revisionStep(
  tx: Queryable,
  ctx: AppContext,
  actor: Actor,
  row: DisclosureRow,
  action: 'approve' | 'return' | 'publish',
  input: StepInput,
) {
  const step = revisionTransition(row.revisionStatus as RevisionStatus | null, action);
  if ('problem' in step)
    throw unprocessable(step.problem.message, { [step.problem.field]: step.problem.message });
  const reason = input.reason?.trim() || null;
  if (action === 'return' && !reason) {
    const m = '请填写退回理由';
    throw unprocessable(m, { reason: m });
  }
  const pending = row.revision as PendingRevision;
  let note = reason;
  let versionNo: number | null = null;
  if (action === 'publish') {
    versionNo = await publishVersion(
      tx,
      ctx,
      row,
      { title: pending.title, body: pending.body, finance: pending.finance },
      {
        note: pending.note,
        userId: pending.userId,
        rowVersion: input.version,
        extra: { revision: null, revisionStatus: null },
      },
    );
    if (versionNo == null) throw conflict();
    note = `第 ${versionNo} 版：${pending.note}`;
  } else {
    const [saved] = await tx
      .update(disclosures)
      .set({ revisionStatus: step.to, version: input.version + 1, updatedAt: ctx.clock.now() })
      .where(and(eq(disclosures.id, row.id), eq(disclosures.version, input.version)))
      .returning({ id: disclosures.id });
    if (!saved) throw conflict();
    await completeTodos(tx, ctx.clock, { recordType: REVIEW_TODO, recordId: row.id });
  }
  await disclosureEvent(tx, ctx, {
    disclosureId: row.id,
    action: `revision_${action}`,
    fromStatus: row.status,
    toStatus: row.status,
    note,
    userId: actor.userId,
  });
  await recordAudit(tx, ctx.clock, actor, {
    action: `disclosure.${action}`,
    objectType: 'disclosure',
    objectId: row.id,
    detail: { title: pending.title, step: LABEL[action], reason, versionNo },
  });
}
