import { and, desc, eq, ne } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { Actor } from '../access/actor.js';
import { scopeFilter } from '../access/scope.js';
import type { AppContext } from '../context.js';
import { orgs } from '../orgs/schema.js';
import type { requestListQuery, roleRequestOut } from './contract.js';
import { roleRequests, roles, users } from './schema.js';

const requester = alias(users, 'requester');
const decider = alias(users, 'decider');

/**
 * Roles waiting for their grant (待授权) on accounts in the caller's scope, oldest first, or the
 * latest 100 decided ones. Each says whether the account's password is still one an administrator set.
 */
export async function listRoleRequests(opts: {
  ctx: AppContext;
  actor: Actor;
  query: z.infer<typeof requestListQuery>;
}): Promise<z.infer<typeof roleRequestOut>[]> {
  const { ctx, actor, query } = opts;
  const pending = query.status === 'pending';
  const rows = await ctx.db
    .select({
      r: roleRequests,
      user: users,
      orgName: orgs.name,
      role: { code: roles.code, name: roles.name, adminClass: roles.adminClass },
      requestedBy: requester.displayName,
      decidedBy: decider.displayName,
    })
    .from(roleRequests)
    .innerJoin(users, eq(users.id, roleRequests.userId))
    .innerJoin(orgs, eq(orgs.id, users.orgId))
    .innerJoin(roles, eq(roles.id, roleRequests.roleId))
    .innerJoin(requester, eq(requester.id, roleRequests.requestedBy))
    .leftJoin(decider, eq(decider.id, roleRequests.decidedBy))
    .where(
      and(
        scopeFilter(actor, users.orgId, users.id),
        pending ? eq(roleRequests.status, 'pending') : ne(roleRequests.status, 'pending'),
      ),
    )
    .orderBy(...(pending ? [roleRequests.id] : [desc(roleRequests.decidedAt), desc(roleRequests.id)]))
    .limit(pending ? 500 : 100);
  return rows.map((x) => ({
    id: x.r.id,
    status: x.r.status,
    user: { id: x.user.id, username: x.user.username, displayName: x.user.displayName, orgName: x.orgName },
    role: x.role,
    requestedById: x.r.requestedBy,
    requestedBy: x.requestedBy,
    requestedAt: x.r.requestedAt.toISOString(),
    decidedBy: x.decidedBy ?? null,
    decidedAt: x.r.decidedAt?.toISOString() ?? null,
    passwordSetByAdmin: x.user.mustChangePassword,
    totpEnabled: x.user.totpEnabledAt !== null,
  }));
}
