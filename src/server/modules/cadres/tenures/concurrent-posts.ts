import { and, asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { tenureDatesProblem } from '../../../../domain/tenure.js';
import type { Actor } from '../../../platform/access/actor.js';
import { orgInScope } from '../../../platform/access/scope.js';
import { recordAudit } from '../../../platform/audit/record.js';
import type { AppContext } from '../../../platform/context.js';
import { badRequest, notFound, outOfScope } from '../../../platform/http/errors.js';
import { orgs } from '../../../platform/orgs/schema.js';
import { loadCadre } from '../load-cadre.js';
import { concurrentPosts } from '../schema.js';
import type { concurrentPostIn } from './contract.js';

/** 交叉兼职 held by a cadre, oldest first. */
export async function listConcurrentPosts(opts: { ctx: AppContext; actor: Actor; cadreId: number }) {
  await loadCadre(opts.ctx.db, opts.actor, opts.cadreId);
  const rows = await opts.ctx.db
    .select({ post: concurrentPosts, orgName: orgs.name })
    .from(concurrentPosts)
    .innerJoin(orgs, eq(orgs.id, concurrentPosts.orgId))
    .where(eq(concurrentPosts.cadreId, opts.cadreId))
    .orderBy(asc(concurrentPosts.startDate), asc(concurrentPosts.id));
  return rows.map(({ post: p, orgName }) => ({
    id: p.id,
    orgId: p.orgId,
    orgName,
    title: p.title,
    startDate: p.startDate,
    endDate: p.endDate,
  }));
}

export async function addConcurrentPost(opts: {
  ctx: AppContext;
  actor: Actor;
  cadreId: number;
  input: z.infer<typeof concurrentPostIn>;
}) {
  const { ctx, actor, cadreId, input } = opts;
  const cadre = await loadCadre(ctx.db, actor, cadreId);
  if (!(await orgInScope(ctx.db, actor, input.orgId))) throw outOfScope();
  const problem = tenureDatesProblem(input.startDate, input.endDate ?? null);
  if (problem) throw badRequest('结束日期不能早于开始日期', { endDate: '结束日期不能早于开始日期' });
  await ctx.db.transaction(async (tx) => {
    const [saved] = await tx
      .insert(concurrentPosts)
      .values({ ...input, endDate: input.endDate ?? null, cadreId })
      .returning();
    await recordAudit(tx, ctx.clock, actor, {
      action: 'concurrent_post.create',
      objectType: 'cadre',
      objectId: cadreId,
      detail: { postId: saved.id, name: cadre.name, title: saved.title, orgId: saved.orgId },
    });
  });
}

export async function removeConcurrentPost(opts: {
  ctx: AppContext;
  actor: Actor;
  cadreId: number;
  postId: number;
}) {
  const { ctx, actor, cadreId, postId } = opts;
  const cadre = await loadCadre(ctx.db, actor, cadreId);
  await ctx.db.transaction(async (tx) => {
    const [gone] = await tx
      .delete(concurrentPosts)
      .where(and(eq(concurrentPosts.id, postId), eq(concurrentPosts.cadreId, cadreId)))
      .returning();
    if (!gone) throw notFound('兼职记录不存在');
    await recordAudit(tx, ctx.clock, actor, {
      action: 'concurrent_post.delete',
      objectType: 'cadre',
      objectId: cadreId,
      detail: { postId, name: cadre.name, title: gone.title, orgId: gone.orgId, startDate: gone.startDate },
    });
  });
}
