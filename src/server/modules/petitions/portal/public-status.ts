import { and, desc, eq } from 'drizzle-orm';
import {
  materialProblem,
  nextReview,
  publicStage,
  ratingProblem,
} from '../../../../domain/petition-public.js';
import { type PetitionStatus, reviewRequestProblem } from '../../../../domain/petition-workflow.js';
import type { AppContext } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/client.js';
import { petitionClockRules } from '../clock-rules.js';
import { petitionDocuments, petitionEvents } from '../schema.js';
import { type Petition, todayOf } from '../workflow/petition-clock.js';
import type { PublicStatus } from './contract.js';

/**
 * The reporter's view of a petition: where it stands in plain words, the decline notice, the
 * reply, the material they added and what they may still do. Never the identity, the officers,
 * the internal notes, reports or opinions — this is built field by field, not from the row.
 */
export async function publicStatus(
  ctx: AppContext,
  p: Petition,
  db: Queryable = ctx.db,
): Promise<PublicStatus> {
  const today = todayOf(ctx);
  const rules = await petitionClockRules(ctx.rules, today);
  const status = p.status as PetitionStatus;
  const [notice] =
    status === 'declined'
      ? await db
          .select({ content: petitionDocuments.content })
          .from(petitionDocuments)
          .where(and(eq(petitionDocuments.petitionId, p.id), eq(petitionDocuments.kind, 'notice')))
          .orderBy(desc(petitionDocuments.id))
          .limit(1)
      : [];
  const materials = await db
    .select({ on: petitionEvents.occurredOn })
    .from(petitionEvents)
    .where(and(eq(petitionEvents.petitionId, p.id), eq(petitionEvents.action, 'material')))
    .orderBy(petitionEvents.id);
  const { stage, label } = publicStage(status, p.reviewLevel);
  const reviewBlocked = reviewRequestProblem({ ...p, status }, today, rules);
  const review = nextReview(p, rules.reviewRequestDays);
  return {
    title: p.title,
    receivedOn: p.receivedOn,
    stage,
    stageLabel: label,
    acceptedOn: p.acceptedOn,
    declinedOn: p.declinedOn,
    notice: notice?.content ?? (status === 'declined' ? p.declineReason : null),
    reply: p.repliedOn ? p.reply : null,
    repliedOn: p.repliedOn,
    concludedOn: p.concludedOn,
    materials,
    canAddMaterial: !materialProblem(status),
    rating: p.rating,
    canRate: !ratingProblem(p),
    review: {
      level: p.reviewLevel,
      label: review.label,
      until: p.reviewLevel >= 2 ? null : review.until,
      canRequest: !reviewBlocked,
      problem: status === 'concluded' ? reviewBlocked : null,
    },
  };
}
