import { and, eq, isNull } from 'drizzle-orm';
import { chinaDate } from '../../../../domain/calendar.js';
import type { Actor } from '../../../platform/access/actor.js';
import { orgInScope } from '../../../platform/access/scope.js';
import { recordAudit } from '../../../platform/audit/record.js';
import type { AppContext } from '../../../platform/context.js';
import { conflict, notFound, outOfScope, unprocessable } from '../../../platform/http/errors.js';
import { completeTodos } from '../../../platform/todos/close-todos.js';
import { OBJECTION_OVERDUE_TODO, OBJECTION_TODO } from './labels.js';
import { listObjections } from './list-objections.js';
import { disclosureObjections as o } from './schema.js';

/** The unit answers an objection (once); the villager reads it with the receipt code. Closes its to-dos. */
export async function answerObjection(opts: {
  ctx: AppContext;
  actor: Actor;
  id: number;
  input: { answer: string; version: number };
}) {
  const { ctx, actor, id, input } = opts;
  const today = chinaDate(ctx.clock.now());
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx.select().from(o).where(eq(o.id, id)).for('update');
    if (!row) throw notFound('异议不存在');
    if (!(await orgInScope(tx, actor, row.orgId))) throw outOfScope();
    if (row.answeredOn) throw unprocessable('该异议已答复', { answer: '该异议已答复' });
    const [saved] = await tx
      .update(o)
      .set({ answer: input.answer, answeredOn: today, answeredBy: actor.userId, version: input.version + 1 })
      .where(and(eq(o.id, id), eq(o.version, input.version), isNull(o.answeredOn)))
      .returning({ id: o.id });
    if (!saved) throw conflict();
    await completeTodos(tx, ctx.clock, { recordType: OBJECTION_TODO, recordId: id });
    await completeTodos(tx, ctx.clock, { recordType: OBJECTION_OVERDUE_TODO, recordId: id });
    await recordAudit(tx, ctx.clock, actor, {
      action: 'disclosure.objection_answer',
      objectType: 'disclosure_objection',
      objectId: id,
      detail: { disclosureId: row.disclosureId, dueOn: row.dueOn, late: today > row.dueOn },
    });
  });
  const page = await listObjections({ ctx, actor, query: { page: 1, pageSize: 1 }, id });
  return page.items[0];
}
