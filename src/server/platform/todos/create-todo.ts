import { endOfChinaDay } from '../../../domain/todo-due.js';
import type { Clock } from '../context.js';
import type { Queryable } from '../db/client.js';
import { reachableAddress, type TodoAddress } from './address.js';
import { todos } from './schema.js';

export interface NewTodo {
  /** What to do, in Chinese, shown in the list and in reminders: “受理信访件 XF2026-0012”. */
  title: string;
  /** The record waited on; completeTodos/cancelTodos find the to-do by these. */
  recordType: string;
  recordId: string | number;
  /** Where the UI opens the record: an admin path such as `/petitions/12`. */
  link?: string | null;
  /** The org the work is addressed to: role to-dos go to holders whose scope covers it; escalation goes to its township. */
  orgId: number;
  assigneeUserId?: number | null;
  assigneeRole?: string | null;
  /** The due date in China; the to-do is overdue from the next day on. */
  dueOn?: string | null;
  /** step (default): closes only when its workflow step is taken; personal: the assignee closes it by hand. */
  kind?: 'step' | 'personal';
  /**
   * The cadres the record is about. Recusal applies to the to-do as to the record: the cadres
   * themselves and users related to them never see it, cannot complete it and are not reminded.
   */
  subjectCadreIds?: number[];
  /**
   * Where the work goes when recusal leaves nobody to act on the address given (a named assignee
   * who must recuse, a role whose every holder must): “the others”, e.g. the record's handlers.
   */
  fallback?: TodoAddress | null;
}

export type Todo = typeof todos.$inferSelect;

/**
 * Creates a to-do for a user, or for anyone holding a role whose data scope covers `orgId`. Call it
 * inside the transaction of the change that makes the work due.
 */
export async function createTodo(db: Queryable, clock: Clock, input: NewTodo): Promise<Todo> {
  const byUser = input.assigneeUserId != null;
  const byRole = !!input.assigneeRole;
  if (byUser === byRole) throw new Error('createTodo: give exactly one of assigneeUserId, assigneeRole');
  if (input.link && !/^\/(?!\/)/.test(input.link)) throw new Error('createTodo: link must be an admin path');
  const subjectCadreIds = [...new Set(input.subjectCadreIds ?? [])];
  const to = await reachableAddress(
    db,
    { orgId: input.orgId, assigneeUserId: input.assigneeUserId, assigneeRole: input.assigneeRole },
    subjectCadreIds,
    input.fallback,
  );
  const [todo] = await db
    .insert(todos)
    .values({
      title: input.title,
      recordType: input.recordType,
      recordId: String(input.recordId),
      link: input.link ?? null,
      orgId: to.orgId,
      assigneeUserId: to.assigneeUserId ?? null,
      assigneeRole: to.assigneeRole ?? null,
      subjectCadreIds,
      dueOn: input.dueOn ?? null,
      dueAt: input.dueOn ? endOfChinaDay(input.dueOn) : null,
      kind: input.kind ?? 'step',
      createdAt: clock.now(),
    })
    .returning();
  return todo;
}
