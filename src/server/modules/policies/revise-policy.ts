import { and, eq } from 'drizzle-orm';
import { newVersionProblem, reviseVersions } from '../../../domain/policy-library.js';
import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/client.js';
import { conflict, unprocessable } from '../../platform/http/errors.js';
import type { ReviseInput } from './contract.js';
import { getPolicy } from './get-policy.js';
import { policies, policyVersions } from './schema.js';
import { checkVersionInput, insertVersion } from './version-input.js';
import { loadManagedPolicy, stateOf, versionsOf } from './visibility.js';

/**
 * 修订: a new version in force; the one before becomes 已修订. A repealed policy takes none (422).
 * Runs inside the caller's transaction; returns the new version's number.
 */
export async function revisePolicyIn(
  tx: Queryable,
  ctx: AppContext,
  actor: Actor,
  id: number,
  input: ReviseInput,
): Promise<number> {
  const policy = await loadManagedPolicy(tx, actor, id);
  const ruleKeys = await checkVersionInput(tx, input);
  const versions = await versionsOf(tx, id);
  const problem = newVersionProblem(versions.map(stateOf), input.adoptedOn);
  if (problem) throw unprocessable(problem.message, { [problem.field]: problem.message });
  const { versionNo, changes } = reviseVersions(versions.map(stateOf));
  const now = ctx.clock.now();
  const [saved] = await tx
    .update(policies)
    .set({ currentVersionNo: versionNo, status: 'in_force', version: input.version + 1, updatedAt: now })
    .where(and(eq(policies.id, id), eq(policies.version, input.version)))
    .returning({ id: policies.id });
  if (!saved) throw conflict();
  for (const c of changes)
    await tx
      .update(policyVersions)
      .set({ status: c.status })
      .where(and(eq(policyVersions.policyId, id), eq(policyVersions.versionNo, c.versionNo)));
  await insertVersion(tx, {
    policyId: id,
    versionNo,
    input,
    ruleKeys,
    createdBy: actor.userId,
    createdAt: now,
  });
  await recordAudit(tx, ctx.clock, actor, {
    action: 'policy.revise',
    objectType: 'policy',
    objectId: id,
    detail: {
      title: policy.title,
      versionNo,
      adoptedOn: input.adoptedOn,
      changeNote: input.changeNote ?? null,
    },
  });
  return versionNo;
}

export async function revisePolicy(opts: { ctx: AppContext; actor: Actor; id: number; input: ReviseInput }) {
  const { ctx, actor, id, input } = opts;
  await ctx.db.transaction((tx) => revisePolicyIn(tx, ctx, actor, id, input));
  return getPolicy({ ctx, actor, id });
}
