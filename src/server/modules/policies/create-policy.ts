import type { Actor } from '../../platform/access/actor.js';
import { orgInScope } from '../../platform/access/scope.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/client.js';
import { outOfScope } from '../../platform/http/errors.js';
import type { CreatePolicyInput } from './contract.js';
import { getPolicy } from './get-policy.js';
import { policies } from './schema.js';
import { checkVersionInput, insertVersion } from './version-input.js';

/** Writes a policy and its first version inside the caller's transaction (the route's, or the demo's). */
export async function createPolicyIn(
  tx: Queryable,
  ctx: AppContext,
  actor: Actor,
  input: CreatePolicyInput,
): Promise<number> {
  if (!(await orgInScope(tx, actor, input.orgId))) throw outOfScope();
  const ruleKeys = await checkVersionInput(tx, input);
  const now = ctx.clock.now();
  const [p] = await tx
    .insert(policies)
    .values({
      orgId: input.orgId,
      title: input.title,
      number: input.number ?? null,
      issuingBody: input.issuingBody,
      category: input.category ?? null,
      status: 'in_force',
      currentVersionNo: 1,
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: policies.id });
  await insertVersion(tx, {
    policyId: p.id,
    versionNo: 1,
    input,
    ruleKeys,
    createdBy: actor.userId,
    createdAt: now,
  });
  await recordAudit(tx, ctx.clock, actor, {
    action: 'policy.create',
    objectType: 'policy',
    objectId: p.id,
    detail: { title: input.title, number: input.number ?? null, adoptedOn: input.adoptedOn },
  });
  return p.id;
}

/** 制定制度: a policy with its first version, in one transaction with its audit record. */
export async function createPolicy(opts: { ctx: AppContext; actor: Actor; input: CreatePolicyInput }) {
  const { ctx, actor, input } = opts;
  const id = await ctx.db.transaction((tx) => createPolicyIn(tx, ctx, actor, input));
  return getPolicy({ ctx, actor, id });
}
