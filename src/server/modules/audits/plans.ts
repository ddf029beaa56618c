import { and, desc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Actor } from '../../platform/access/actor.js';
import { orgInScope, scopeFilter } from '../../platform/access/scope.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import { badRequest } from '../../platform/http/errors.js';
import { orgs } from '../../platform/orgs/schema.js';
import type { planIn } from './contract.js';
import { auditPlans } from './schema.js';

/** 审计计划 of a year. */
export async function createPlan(opts: { ctx: AppContext; actor: Actor; input: z.infer<typeof planIn> }) {
  const { ctx, actor, input } = opts;
  return ctx.db.transaction(async (tx) => {
    if (!(await orgInScope(tx, actor, input.orgId)))
      throw badRequest('单位不存在或不在您的管理范围内', { orgId: '单位不存在或不在您的管理范围内' });
    const [row] = await tx
      .insert(auditPlans)
      .values({ ...input, note: input.note ?? null, createdBy: actor.userId, createdAt: ctx.clock.now() })
      .returning();
    await recordAudit(tx, ctx.clock, actor, {
      action: 'econ_audit.plan',
      objectType: 'econ_audit_plan',
      objectId: row.id,
      detail: { year: input.year, kind: input.kind },
    });
    return row;
  });
}

export async function listPlans(opts: { ctx: AppContext; actor: Actor; year?: number }) {
  const { ctx, actor, year } = opts;
  const rows = await ctx.db
    .select({ p: auditPlans, orgName: orgs.name })
    .from(auditPlans)
    .leftJoin(orgs, eq(orgs.id, auditPlans.orgId))
    .where(and(scopeFilter(actor, auditPlans.orgId), year ? eq(auditPlans.year, year) : undefined))
    .orderBy(desc(auditPlans.year), desc(auditPlans.id));
  return { items: rows.map((r) => ({ ...r.p, createdAt: r.p.createdAt.toISOString(), orgName: r.orgName })) };
}
