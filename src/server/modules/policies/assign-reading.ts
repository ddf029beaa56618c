import { eq } from 'drizzle-orm';
import { chinaDate } from '../../../domain/calendar.js';
import type { Actor } from '../../platform/access/actor.js';
import { orgInScope } from '../../platform/access/scope.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/client.js';
import { badRequest, outOfScope, unprocessable } from '../../platform/http/errors.js';
import type { AssignInput } from './contract.js';
import { getPolicy } from './get-policy.js';
import { addDueReaders } from './read-duties.js';
import { unknownRoleCodes } from './role-codes.js';
import { policyReadAssignments, policyVersions } from './schema.js';
import { loadVisiblePolicy } from './visibility.js';

/**
 * 布置学习: the version in force of a policy the caller sees, to an org subtree inside the caller's
 * scope (and optionally only some roles), by a due date. Everyone due gets a to-do.
 * Returns the assignment id and how many people are due.
 */
export async function assignReadingIn(
  tx: Queryable,
  ctx: AppContext,
  actor: Actor,
  id: number,
  input: AssignInput,
): Promise<{ assignmentId: number; due: number }> {
  const policy = await loadVisiblePolicy(tx, actor, id);
  if (!(await orgInScope(tx, actor, input.orgId))) throw outOfScope();
  if (policy.status === 'repealed') throw unprocessable('该制度已废止，不能布置学习');
  const today = chinaDate(ctx.clock.now());
  if (input.dueOn < today) {
    const message = `完成期限不能早于今天（${today}）`;
    throw badRequest(message, { dueOn: message });
  }
  const unknown = await unknownRoleCodes(tx, input.roles);
  if (unknown.length) {
    const message = `角色不存在：${unknown.join('、')}`;
    throw badRequest(message, { roles: message });
  }
  const [version] = await tx
    .select({ id: policyVersions.id, versionNo: policyVersions.versionNo })
    .from(policyVersions)
    .where(eq(policyVersions.policyId, id))
    .orderBy(policyVersions.versionNo)
    .then((rows) => rows.filter((v) => v.versionNo === policy.currentVersionNo));
  const [a] = await tx
    .insert(policyReadAssignments)
    .values({
      policyId: id,
      versionId: version.id,
      orgId: input.orgId,
      roles: [...new Set(input.roles)],
      dueOn: input.dueOn,
      note: input.note ?? null,
      createdBy: actor.userId,
      createdAt: ctx.clock.now(),
    })
    .returning();
  const due = await addDueReaders(tx, ctx.clock, a);
  await recordAudit(tx, ctx.clock, actor, {
    action: 'policy.assign_reading',
    objectType: 'policy',
    objectId: id,
    detail: {
      title: policy.title,
      versionNo: version.versionNo,
      orgId: input.orgId,
      roles: a.roles,
      dueOn: input.dueOn,
      due,
    },
  });
  return { assignmentId: a.id, due };
}

export async function assignReading(opts: { ctx: AppContext; actor: Actor; id: number; input: AssignInput }) {
  const { ctx, actor, id, input } = opts;
  await ctx.db.transaction((tx) => assignReadingIn(tx, ctx, actor, id, input));
  return getPolicy({ ctx, actor, id });
}
