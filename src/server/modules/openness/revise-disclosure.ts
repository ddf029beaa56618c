import { and, eq } from 'drizzle-orm';
import type { FinanceTable } from '../../../domain/openness/finance-table.js';
import {
  REVISION_STATUSES,
  type RevisionStatus,
  revisionTransition,
} from '../../../domain/openness/review.js';
import { sameVersion } from '../../../domain/openness/version-diff.js';
import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import { conflict, unprocessable } from '../../platform/http/errors.js';
import { cancelTodos } from '../../platform/todos/close-todos.js';
import { createTodo } from '../../platform/todos/create-todo.js';
import { loadDisclosure, loadUnit } from './access.js';
import { REVIEW_TODO } from './audit-labels.js';
import type { ReviseDisclosureInput } from './contract.js';
import { checkFinance } from './disclosure-input.js';
import { disclosureEvent } from './events.js';
import { getDisclosure } from './get-disclosure.js';
import { publishVersion } from './publication.js';
import { disclosures } from './schema.js';

/** A village item's revision waiting for the 村务监督委员会, as `disclosures.revision` holds it. */
export type PendingRevision = {
  title: string;
  body: string;
  finance: FinanceTable | null;
  note: string;
  userId: number | null;
  at: string;
};

/**
 * 修订: a published item's title, text or finance table changed. A township's or department's
 * revision is published at once as a new version with who, when and the reason (修订说明), so the
 * diff against the version before is visible. A village's revision goes to the 村务监督委员会 first:
 * it is kept beside the published text (which the public still sees) until the committee approves
 * it and the 村委会 publishes it (`disclosureStep`); a revision of a revision, even an approved one,
 * goes back to the committee. A table that does not add up, or a revision that changes nothing, is
 * refused.
 */
export async function reviseDisclosure(opts: {
  ctx: AppContext;
  actor: Actor;
  id: number;
  input: ReviseDisclosureInput;
}) {
  const { ctx, actor, id, input } = opts;
  await ctx.db.transaction(async (tx) => {
    const row = await loadDisclosure(tx, actor, id, true);
    if (row.status !== 'published') {
      const m = '只有已公开的事项才能修订；未公开的请直接修改';
      throw unprocessable(m, { status: m });
    }
    checkFinance(input.finance);
    const next = {
      title: input.title,
      body: input.body,
      finance: (input.finance ?? null) as FinanceTable | null,
    };
    const current = { title: row.title, body: row.body, finance: row.finance as FinanceTable | null };
    if (sameVersion(current, next)) {
      const m = '修订内容与现行版本相同';
      throw unprocessable(m, { body: m });
    }
    const unit = (await loadUnit(tx, row.orgId))!;
    if (unit.kind === 'village') {
      const step = revisionTransition(row.revisionStatus as RevisionStatus | null, 'revise');
      if ('problem' in step)
        throw unprocessable(step.problem.message, { [step.problem.field]: step.problem.message });
      const revision: PendingRevision = {
        ...next,
        note: input.note,
        userId: actor.userId,
        at: ctx.clock.now().toISOString(),
      };
      const [saved] = await tx
        .update(disclosures)
        .set({
          revision,
          revisionStatus: step.to,
          version: input.version + 1,
          updatedAt: ctx.clock.now(),
        })
        .where(and(eq(disclosures.id, id), eq(disclosures.version, input.version)))
        .returning({ id: disclosures.id });
      if (!saved) throw conflict();
      await disclosureEvent(tx, ctx, {
        disclosureId: id,
        action: 'revise_submit',
        fromStatus: row.status,
        toStatus: row.status,
        note: `${REVISION_STATUSES.in_review}：${input.note}`,
        userId: actor.userId,
      });
      // one review to-do for the revision in front of the committee
      await cancelTodos(tx, ctx.clock, { recordType: REVIEW_TODO, recordId: id });
      await createTodo(tx, ctx.clock, {
        title: `审核村务公开修订「${input.title}」`,
        recordType: REVIEW_TODO,
        recordId: id,
        link: `/openness/disclosures/${id}`,
        orgId: row.orgId,
        assigneeRole: 'village_supervisor',
        fallback: { orgId: row.orgId, assigneeRole: 'org_officer' },
      });
      await recordAudit(tx, ctx.clock, actor, {
        action: 'disclosure.revise',
        objectType: 'disclosure',
        objectId: id,
        detail: { title: input.title, note: input.note, pendingReview: true },
      });
      return;
    }
    const no = await publishVersion(tx, ctx, row, next, {
      note: input.note,
      userId: actor.userId,
      rowVersion: input.version,
    });
    if (no == null) throw conflict();
    await disclosureEvent(tx, ctx, {
      disclosureId: id,
      action: 'revise',
      fromStatus: row.status,
      toStatus: row.status,
      note: `第 ${no} 版：${input.note}`,
      userId: actor.userId,
    });
    await recordAudit(tx, ctx.clock, actor, {
      action: 'disclosure.revise',
      objectType: 'disclosure',
      objectId: id,
      detail: { title: input.title, versionNo: no, note: input.note },
    });
  });
  return getDisclosure({ ctx, actor, id });
}
