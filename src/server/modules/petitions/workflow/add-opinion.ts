import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Actor } from '../../../platform/access/actor.js';
import { recordAudit } from '../../../platform/audit/record.js';
import type { AppContext } from '../../../platform/context.js';
import { conflict, unprocessable } from '../../../platform/http/errors.js';
import { text } from '../../../platform/http/text.js';
import { loadPetition } from '../load-petition.js';
import { petitionDocuments, petitionEvents, petitions } from '../schema.js';
import { getPetition } from './get-petition.js';
import { mayAddOpinion, reachOf, requireMay } from './may.js';
import { todayOf } from './petition-clock.js';

export const opinionBody = z.object({
  version: z.number().int().positive('请提供版本号'),
  content: text().trim().min(1, '请填写处理意见').max(20000, '处理意见不超过 20000 字'),
});

/** A 处理意见 after the investigation report: each opinion is a record of its own (a statistic). */
export async function addOpinion(opts: {
  ctx: AppContext;
  actor: Actor;
  id: number;
  input: z.infer<typeof opinionBody>;
}) {
  const { ctx, actor, id, input } = opts;
  await ctx.db.transaction(async (tx) => {
    const p = await loadPetition(tx, actor, id);
    if (p.version !== input.version) throw conflict();
    if (p.status !== 'reported')
      throw unprocessable('只有已形成调查报告、尚未提交审批的信访件可以添加处理意见');
    requireMay(mayAddOpinion(actor, await reachOf(tx, actor, p), p));
    const now = ctx.clock.now();
    const [saved] = await tx
      .update(petitions)
      .set({ version: p.version + 1, updatedAt: now })
      .where(and(eq(petitions.id, id), eq(petitions.version, p.version)))
      .returning({ id: petitions.id });
    if (!saved) throw conflict();
    const on = todayOf(ctx);
    await tx.insert(petitionDocuments).values({
      petitionId: id,
      kind: 'opinion',
      content: input.content,
      occurredOn: on,
      userId: actor.userId,
      createdAt: now,
    });
    await tx.insert(petitionEvents).values({
      petitionId: id,
      action: 'opinion',
      fromStatus: p.status,
      toStatus: p.status,
      occurredOn: on,
      userId: actor.userId,
      createdAt: now,
    });
    await recordAudit(tx, ctx.clock, actor, {
      action: 'petition.opinion',
      objectType: 'petition',
      objectId: id,
      detail: { code: p.code },
    });
  });
  return getPetition({ ctx, actor, id });
}
