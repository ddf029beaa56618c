import { and, eq } from 'drizzle-orm';
import { latestVersion, repealProblem } from '../../../domain/policy-library.js';
import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import { conflict, unprocessable } from '../../platform/http/errors.js';
import type { RepealInput } from './contract.js';
import { getPolicy } from './get-policy.js';
import { policies, policyVersions } from './schema.js';
import { loadManagedPolicy, stateOf, versionsOf } from './visibility.js';

/** 废止: the version in force becomes 已废止, and the policy takes no new version. */
export async function repealPolicy(opts: { ctx: AppContext; actor: Actor; id: number; input: RepealInput }) {
  const { ctx, actor, id, input } = opts;
  await ctx.db.transaction(async (tx) => {
    const policy = await loadManagedPolicy(tx, actor, id);
    const versions = await versionsOf(tx, id);
    const problem = repealProblem(versions.map(stateOf), input.repealedOn);
    if (problem) throw unprocessable(problem.message, { [problem.field]: problem.message });
    const latest = latestVersion(versions)!;
    const [saved] = await tx
      .update(policies)
      .set({
        status: 'repealed',
        repealedOn: input.repealedOn,
        version: input.version + 1,
        updatedAt: ctx.clock.now(),
      })
      .where(and(eq(policies.id, id), eq(policies.version, input.version)))
      .returning({ id: policies.id });
    if (!saved) throw conflict();
    await tx.update(policyVersions).set({ status: 'repealed' }).where(eq(policyVersions.id, latest.id));
    await recordAudit(tx, ctx.clock, actor, {
      action: 'policy.repeal',
      objectType: 'policy',
      objectId: id,
      detail: { title: policy.title, repealedOn: input.repealedOn, note: input.changeNote ?? null },
    });
  });
  return getPolicy({ ctx, actor, id });
}
