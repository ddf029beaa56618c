import { eq } from 'drizzle-orm';
import { pledgeItemsProblem } from '../../../domain/pledges/pledges.js';
import type { Actor } from '../../platform/access/actor.js';
import { orgInScope, recusedCadreIds } from '../../platform/access/scope.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/client.js';
import { AppError, badRequest } from '../../platform/http/errors.js';
import { orgs } from '../../platform/orgs/schema.js';
import { cadres, tenures } from '../cadres/schema.js';
import type { CreatePledgeInput } from './contract.js';
import { getPledge } from './get-pledge.js';
import { pledgeItems, pledges } from './schema.js';

/** A tenure the caller may not pledge for reads as missing, named by its field, and is audited. */
const noTenure = () =>
  new AppError(
    404,
    'not_found',
    '所选任职不存在或不在您的管理范围内',
    { tenureId: '所选任职不存在或不在您的管理范围内' },
    true,
  );

/**
 * 承诺 inside the caller's transaction: a village cadre's pledge for the term of their tenure of a
 * village post (registry), with its item tree. The village must lie in the caller's scope and the
 * cadre must not be one the caller is recused from; each item needs a target and a due date in term.
 */
export async function createPledgeIn(tx: Queryable, ctx: AppContext, actor: Actor, input: CreatePledgeInput) {
  const [tenure] = await tx
    .select({ t: tenures, kind: orgs.kind, deletedAt: cadres.deletedAt })
    .from(tenures)
    .innerJoin(orgs, eq(orgs.id, tenures.orgId))
    .innerJoin(cadres, eq(cadres.id, tenures.cadreId))
    .where(eq(tenures.id, input.tenureId));
  if (!tenure || tenure.deletedAt || !(await orgInScope(tx, actor, tenure.t.orgId!))) throw noTenure();
  if ((await recusedCadreIds(tx, actor)).has(tenure.t.cadreId)) throw noTenure();
  if (tenure.kind !== 'village')
    throw badRequest('任期承诺只适用于村（社区）干部的任职', { tenureId: '请选择村（社区）职务的任职' });
  const term = { from: tenure.t.startDate, to: tenure.t.endDate };
  if (input.pledgedOn < term.from || (term.to && input.pledgedOn > term.to))
    throw badRequest('承诺日期须在任期内', { pledgedOn: '承诺日期须在任期内' });
  const problem = pledgeItemsProblem(input.items, term);
  if (problem) throw badRequest(problem.message, { [problem.field]: problem.message });

  const now = ctx.clock.now();
  const [p] = await tx
    .insert(pledges)
    .values({
      orgId: tenure.t.orgId!,
      cadreId: tenure.t.cadreId,
      tenureId: tenure.t.id,
      title: input.title,
      pledgedOn: input.pledgedOn,
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: pledges.id });
  // parents first: an item's parent is always inserted before it
  const ids = new Map<string, number>();
  const pending = input.items.map((it, sort) => ({ it, sort }));
  while (pending.length) {
    const i = pending.findIndex(({ it }) => it.parentKey == null || ids.has(it.parentKey));
    const [{ it, sort }] = pending.splice(i, 1);
    const [row] = await tx
      .insert(pledgeItems)
      .values({
        pledgeId: p.id,
        parentId: it.parentKey == null ? null : ids.get(it.parentKey)!,
        sort,
        title: it.title,
        target: it.target!,
        dueOn: it.dueOn!,
        weight: it.weight ?? null,
      })
      .returning({ id: pledgeItems.id });
    ids.set(it.key, row.id);
  }
  await recordAudit(tx, ctx.clock, actor, {
    action: 'pledge.create',
    objectType: 'pledge',
    objectId: p.id,
    detail: { cadreId: tenure.t.cadreId, tenureId: tenure.t.id, items: input.items.length },
  });
  return p.id;
}

export async function createPledge(opts: { ctx: AppContext; actor: Actor; input: CreatePledgeInput }) {
  const { ctx, actor, input } = opts;
  const id = await ctx.db.transaction((tx) => createPledgeIn(tx, ctx, actor, input));
  return getPledge({ ctx, actor, id });
}
