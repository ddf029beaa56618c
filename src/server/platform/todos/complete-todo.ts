import { and, eq } from 'drizzle-orm';
import { chinaDate } from '../../../domain/todo-due.js';
import type { Actor } from '../access/actor.js';
import { recordAudit } from '../audit/record.js';
import type { AppContext } from '../context.js';
import { notFound, outOfScope, unprocessable } from '../http/errors.js';
import { orgs } from '../orgs/schema.js';
import { toOut } from './list-todos.js';
import { todos } from './schema.js';
import { mineFilter } from './visibility.js';

/**
 * The assignee (or a holder of the assigned role within scope) marks a to-do done by hand. Anyone
 * else — including someone who must recuse from the to-do's subject cadres, so the item stays in the
 * others' queue — gets 404, as if it did not exist, and the attempt is audited.
 */
export async function completeTodo(opts: { ctx: AppContext; actor: Actor; id: number }) {
  const { ctx, actor, id } = opts;
  const [exists] = await ctx.db.select({ id: todos.id }).from(todos).where(eq(todos.id, id));
  if (!exists) throw notFound('待办不存在');
  const [mine] = await ctx.db
    .select()
    .from(todos)
    .where(and(eq(todos.id, id), mineFilter(actor)));
  if (!mine) throw outOfScope();
  if (mine.status !== 'open') throw unprocessable('该待办已办结或已取消');
  // a step stays open until the step is taken: marking it done by hand would hide work still undone
  if (mine.kind !== 'personal')
    throw unprocessable('该待办对应业务办理环节，办理完成后自动办结，不能手动标记完成；请打开相关记录办理');
  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const [saved] = await tx
      .update(todos)
      .set({ status: 'done', doneAt: now })
      .where(and(eq(todos.id, id), eq(todos.status, 'open')))
      .returning();
    if (!saved) throw unprocessable('该待办已办结或已取消');
    await recordAudit(tx, ctx.clock, actor, {
      action: 'todo.done',
      objectType: 'todo',
      objectId: id,
      detail: { title: saved.title, recordType: saved.recordType, recordId: saved.recordId },
    });
    const [org] = await tx.select({ name: orgs.name }).from(orgs).where(eq(orgs.id, saved.orgId));
    return toOut(saved, org?.name ?? null, chinaDate(now));
  });
}
