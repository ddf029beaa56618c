import { and, desc, eq } from 'drizzle-orm';
import { approvalProblem } from '../../../../domain/petition-workflow.js';
import type { Actor } from '../../../platform/access/actor.js';
import type { AppContext } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/client.js';
import { petitionDocuments, petitionEvents } from '../schema.js';
import { type Petition, todayOf } from './petition-clock.js';

/**
 * Why the caller may not approve this petition's opinions (四眼原则, rule petition.four_eyes, on by
 * default), or null: the submitter is the last step into 处理意见待审批 (提交处理意见 or 予以了结),
 * the authors are those who wrote its opinions. No check without an acting user (the history an
 * import writes).
 */
export async function approvalBlock(
  db: Queryable,
  ctx: AppContext,
  actor: Actor | null,
  p: Petition,
): Promise<string | null> {
  if (!actor || p.status !== 'awaiting_approval') return null;
  const fourEyes = await ctx.rules.value<boolean>('petition.four_eyes', todayOf(ctx));
  if (!fourEyes) return null;
  const [submitted] = await db
    .select({ userId: petitionEvents.userId })
    .from(petitionEvents)
    .where(and(eq(petitionEvents.petitionId, p.id), eq(petitionEvents.toStatus, 'awaiting_approval')))
    .orderBy(desc(petitionEvents.id))
    .limit(1);
  const authors = await db
    .selectDistinct({ userId: petitionDocuments.userId })
    .from(petitionDocuments)
    .where(and(eq(petitionDocuments.petitionId, p.id), eq(petitionDocuments.kind, 'opinion')));
  return approvalProblem({
    approverId: actor.userId,
    submitterId: submitted?.userId ?? null,
    authorIds: authors.map((a) => a.userId),
    fourEyes,
  });
}
