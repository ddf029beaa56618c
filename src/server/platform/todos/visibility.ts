import { and, eq, inArray, or, type SQL } from 'drizzle-orm';
import type { Actor } from '../access/actor.js';
import { scopeFilter } from '../access/scope.js';
import { todos } from './schema.js';

/**
 * The caller's to-dos: assigned to them, or to one of their roles at an org inside their data scope.
 * Listing, counting and completing all go through this one condition.
 */
export function mineFilter(actor: Actor): SQL {
  const own = eq(todos.assigneeUserId, actor.userId);
  if (actor.roles.length === 0) return own;
  const byRole = and(inArray(todos.assigneeRole, actor.roles), scopeFilter(actor, todos.orgId));
  return or(own, byRole)!;
}
