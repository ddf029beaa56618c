import type { z } from 'zod';
import type { AppContext } from '../../../platform/context.js';
import { applyTransition } from '../workflow/apply-transition.js';
import type { reviewInput } from './contract.js';
import { publicStatus } from './public-status.js';
import { petitionByCode } from './receipt.js';

/**
 * The reporter asks for a review (复查, then 复核) with the receipt code. The workflow step checks
 * the period and the level (reviewRequestProblem) and answers in Chinese when it is too late or
 * after a 复核; it restarts the clock and puts the review on the officers' to-do list.
 */
export async function requestReview(ctx: AppContext, ip: string, input: z.infer<typeof reviewInput>) {
  const petition = await petitionByCode(ctx, ip, input.code);
  return ctx.db.transaction(async (tx) => {
    const saved = await applyTransition(tx, ctx, null, petition, 'request_review', {
      version: petition.version,
      note: input.reason.trim(),
    });
    return publicStatus(ctx, saved, tx);
  });
}
