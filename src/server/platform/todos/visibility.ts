import { and, eq, inArray, or, type SQL } from 'drizzle-orm';
import type { Actor } from '../access/actor.js';
import { recusalArrayFilter } from '../access/recusal.js';
import { scopeFilter } from '../access/scope.js';
import { notifications, todos } from './schema.js';

/**
 * The caller's to-dos: assigned to them, or to one of their roles at an org inside their data scope —
 * never one about a cadre the caller must recuse from (themself or someone they are related to),
 * whoever it is addressed to. Listing, counting and completing all go through this one condition.
 */
export function mineFilter(actor: Actor): SQL {
  const own = eq(todos.assigneeUserId, actor.userId);
  const addressed =
    actor.roles.length === 0
      ? own
      : or(own, and(inArray(todos.assigneeRole, actor.roles), scopeFilter(actor, todos.orgId)))!;
  return and(addressed, recusalArrayFilter(actor, todos.subjectCadreIds))!;
}

/** The caller's notifications, without those about a record the caller must recuse from. */
export function myNotifications(actor: Actor): SQL {
  return and(
    eq(notifications.userId, actor.userId),
    recusalArrayFilter(actor, notifications.subjectCadreIds),
  )!;
}
