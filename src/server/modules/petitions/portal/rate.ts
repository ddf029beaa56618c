import { and, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import { ratingProblem } from '../../../../domain/petition-public.js';
import { recordAudit } from '../../../platform/audit/record.js';
import type { AppContext } from '../../../platform/context.js';
import { unprocessable } from '../../../platform/http/errors.js';
import { petitionEvents, petitions } from '../schema.js';
import { todayOf } from '../workflow/petition-clock.js';
import type { ratingInput } from './contract.js';
import { publicStatus } from './public-status.js';
import { petitionByCode } from './receipt.js';

const STARS = ['', '很不满意', '不满意', '基本满意', '满意', '非常满意'];

/** The reporter rates the handling once, after the reply (1–5 stars and an optional comment). */
export async function ratePetition(ctx: AppContext, ip: string, input: z.infer<typeof ratingInput>) {
  const petition = await petitionByCode(ctx, ip, input.code);
  const problem = ratingProblem(petition);
  if (problem) throw unprocessable(problem);
  const comment = input.comment?.trim() || null;
  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    // only one rating, even for two answers sent at the same moment
    const [saved] = await tx
      .update(petitions)
      .set({ rating: input.rating, ratingComment: comment, version: petition.version + 1, updatedAt: now })
      .where(and(eq(petitions.id, petition.id), isNull(petitions.rating)))
      .returning();
    if (!saved) throw unprocessable('您已经评价过，不能重复评价');
    await tx.insert(petitionEvents).values({
      petitionId: petition.id,
      action: 'rate',
      fromStatus: petition.status,
      toStatus: petition.status,
      occurredOn: todayOf(ctx),
      note: `${input.rating} 星（${STARS[input.rating]}）${comment ? `：${comment}` : ''}`,
      createdAt: now,
    });
    await recordAudit(tx, ctx.clock, null, {
      action: 'petition.rate',
      objectType: 'petition',
      objectId: petition.id,
      detail: { code: petition.code, rating: input.rating },
    });
    return publicStatus(ctx, saved, tx);
  });
}
