import { and, count, eq, isNull } from 'drizzle-orm';
import { nextReportDue } from '../../../domain/admonitions/own-report.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/client.js';
import { completeTodos } from '../../platform/todos/close-todos.js';
import { createTodo } from '../../platform/todos/create-todo.js';
import { registerTodoRecordType } from '../../platform/todos/record-types.js';
import { users } from '../../platform/users/schema.js';
import type { Admonition } from './access.js';
import { admonitionEvents } from './schema.js';

export const reportRef = (a: { id: number }) => ({ recordType: 'admonition_report', recordId: a.id });

// the cadre's own to-do: others see it only with the admonition itself
registerTodoRecordType('admonition_report', 'admonition.read');

/** How many written reports are in (handed in by the cadre, or recorded by the officer from paper). */
export async function reportsDone(tx: Queryable, admonitionId: number): Promise<number> {
  const [{ n }] = await tx
    .select({ n: count() })
    .from(admonitionEvents)
    .where(and(eq(admonitionEvents.admonitionId, admonitionId), eq(admonitionEvents.action, 'report')));
  return n;
}

/**
 * The cadre's to-do for the next written report, on each of the cadre's own accounts (their own
 * record: no recusal subject), while the tracking runs and a report is still due. A cadre without an
 * account hands it in on paper and the officer records it.
 */
export async function moveReportTodo(tx: Queryable, ctx: AppContext, a: Admonition): Promise<void> {
  await completeTodos(tx, ctx.clock, reportRef(a));
  if (a.status !== 'tracking') return;
  const due = nextReportDue(a.reportDates, await reportsDone(tx, a.id));
  if (!due) return;
  const accounts = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.cadreId, a.cadreId), isNull(users.disabledAt)));
  for (const u of accounts)
    await createTodo(tx, ctx.clock, {
      title: `提交诫勉期间思想和工作情况书面报告（${a.code}）`,
      ...reportRef(a),
      link: `/my-admonitions/${a.id}`,
      orgId: a.orgId,
      assigneeUserId: u.id,
      dueOn: due,
    });
}
