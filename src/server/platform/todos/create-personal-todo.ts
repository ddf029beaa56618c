import type { z } from 'zod';
import { chinaDate } from '../../../domain/todo-due.js';
import type { Actor } from '../access/actor.js';
import { recordAudit } from '../audit/record.js';
import type { AppContext } from '../context.js';
import type { personalTodoBody } from './contract.js';
import { createTodo } from './create-todo.js';
import { toOut } from './list-todos.js';

/** 个人待办: a reminder the caller writes for themself; unlike a workflow step, they close it by hand. */
export async function createPersonalTodo(opts: {
  ctx: AppContext;
  actor: Actor;
  input: z.infer<typeof personalTodoBody>;
}) {
  const { ctx, actor, input } = opts;
  return ctx.db.transaction(async (tx) => {
    const todo = await createTodo(tx, ctx.clock, {
      title: input.title,
      recordType: 'personal',
      recordId: actor.userId,
      orgId: actor.orgId,
      assigneeUserId: actor.userId,
      dueOn: input.dueOn ?? null,
      kind: 'personal',
    });
    await recordAudit(tx, ctx.clock, actor, {
      action: 'todo.create',
      objectType: 'todo',
      objectId: todo.id,
      detail: { dueOn: todo.dueOn },
    });
    return toOut(todo, null, chinaDate(ctx.clock.now()));
  });
}
