import { and, desc, eq, ne } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import { RESET_REASONS, resetConfirmRefusal } from '../../../domain/password-reset.js';
import type { Actor } from '../access/actor.js';
import { scopeFilter } from '../access/scope.js';
import type { AppContext } from '../context.js';
import type { Queryable } from '../db/client.js';
import { orgs } from '../orgs/schema.js';
import type { requestListQuery, resetRequestOut } from './contract.js';
import { passwordResetRequests, users } from './schema.js';

type ResetRequestOut = z.infer<typeof resetRequestOut>;
const requester = alias(users, 'requester');
const decider = alias(users, 'decider');

function select(db: Queryable) {
  return db
    .select({
      r: passwordResetRequests,
      user: { id: users.id, username: users.username, displayName: users.displayName },
      orgName: orgs.name,
      requestedBy: requester.displayName,
      decidedBy: decider.displayName,
    })
    .from(passwordResetRequests)
    .innerJoin(users, eq(users.id, passwordResetRequests.userId))
    .innerJoin(orgs, eq(orgs.id, users.orgId))
    .innerJoin(requester, eq(requester.id, passwordResetRequests.requestedBy))
    .leftJoin(decider, eq(decider.id, passwordResetRequests.decidedBy))
    .$dynamic();
}

type Row = Awaited<ReturnType<ReturnType<typeof select>['execute']>>[number];

function describe(actor: Actor, x: Row): ResetRequestOut {
  const reason = x.r.reason as keyof typeof RESET_REASONS;
  return {
    id: x.r.id,
    status: x.r.status,
    reason,
    reasonLabel: RESET_REASONS[reason] ?? reason,
    user: { ...x.user, orgName: x.orgName },
    requestedById: x.r.requestedBy,
    requestedBy: x.requestedBy,
    requestedAt: x.r.requestedAt.toISOString(),
    decidedBy: x.decidedBy ?? null,
    decidedAt: x.r.decidedAt?.toISOString() ?? null,
    confirmable:
      x.r.status === 'pending' &&
      resetConfirmRefusal({
        confirmerId: actor.userId,
        confirmerPermissions: actor.permissions,
        requesterId: x.r.requestedBy,
        targetId: x.r.userId,
      }) === null,
  };
}

export async function describeResetRequest(db: Queryable, actor: Actor, id: number) {
  const [row] = await select(db).where(eq(passwordResetRequests.id, id));
  return describe(actor, row);
}

/** Password resets waiting for a second administrator on accounts in the caller's scope, oldest first (or the latest 100 decided). */
export async function listResetRequests(opts: {
  ctx: AppContext;
  actor: Actor;
  query: z.infer<typeof requestListQuery>;
}): Promise<ResetRequestOut[]> {
  const { ctx, actor, query } = opts;
  const pending = query.status === 'pending';
  const rows = await select(ctx.db)
    .where(
      and(
        scopeFilter(actor, users.orgId, users.id),
        pending ? eq(passwordResetRequests.status, 'pending') : ne(passwordResetRequests.status, 'pending'),
      ),
    )
    .orderBy(
      ...(pending
        ? [passwordResetRequests.id]
        : [desc(passwordResetRequests.decidedAt), desc(passwordResetRequests.id)]),
    )
    .limit(pending ? 500 : 100);
  return rows.map((x) => describe(actor, x));
}
