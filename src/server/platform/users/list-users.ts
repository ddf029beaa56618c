import {
  and,
  asc,
  count,
  eq,
  gt,
  ilike,
  inArray,
  isNotNull,
  isNull,
  lte,
  or,
  type SQL,
  sql,
} from 'drizzle-orm';
import type { z } from 'zod';
import type { Actor } from '../access/actor.js';
import { scopeFilter } from '../access/scope.js';
import type { AppContext } from '../context.js';
import { likePattern, offsetOf, orderBy, type Page } from '../http/pagination.js';
import { orgs } from '../orgs/schema.js';
import type { UserOut, UserStatus, userListQuery } from './contract.js';
import { describeUsers } from './describe-users.js';
import { roles, userRoles, users } from './schema.js';

function statusFilter(status: UserStatus | undefined, now: Date): SQL | undefined {
  if (status === 'disabled') return isNotNull(users.disabledAt);
  if (status === 'locked') return and(isNull(users.disabledAt), gt(users.lockedUntil, now));
  if (status === 'active')
    return and(isNull(users.disabledAt), or(isNull(users.lockedUntil), lte(users.lockedUntil, now)));
  return undefined;
}

/** Users in the caller's scope, filtered and paged in the database; phones masked. */
export async function listUsers(opts: {
  ctx: AppContext;
  actor: Actor;
  query: z.infer<typeof userListQuery>;
}): Promise<Page<UserOut>> {
  const { ctx, actor, query } = opts;
  const now = ctx.clock.now();
  const where = and(
    scopeFilter(actor, users.orgId, users.id),
    query.orgId
      ? inArray(
          users.orgId,
          sql`(select ${orgs.id} from ${orgs} where ${orgs.path} like (select ${orgs.path} from ${orgs} where ${orgs.id} = ${query.orgId}) || '%')`,
        )
      : undefined,
    query.role
      ? inArray(
          users.id,
          ctx.db
            .select({ id: userRoles.userId })
            .from(userRoles)
            .innerJoin(roles, eq(roles.id, userRoles.roleId))
            .where(eq(roles.code, query.role)),
        )
      : undefined,
    statusFilter(query.status, now),
    query.q
      ? or(ilike(users.username, likePattern(query.q)), ilike(users.displayName, likePattern(query.q)))
      : undefined,
  );
  const sortable = {
    username: users.username,
    displayName: users.displayName,
    createdAt: users.createdAt,
    lastLoginAt: users.lastLoginAt,
  };
  const [rows, [{ total }]] = await Promise.all([
    ctx.db
      .select()
      .from(users)
      .where(where)
      .orderBy(orderBy(query, sortable, 'createdAt'), asc(users.id))
      .limit(query.pageSize)
      .offset(offsetOf(query)),
    ctx.db.select({ total: count() }).from(users).where(where),
  ]);
  const items = await describeUsers(ctx.db, rows, { now, mask: true });
  return { items, total, page: query.page, pageSize: query.pageSize };
}
