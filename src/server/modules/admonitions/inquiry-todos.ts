import { and, eq, isNull } from 'drizzle-orm';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/client.js';
import { completeTodos } from '../../platform/todos/close-todos.js';
import { createTodo } from '../../platform/todos/create-todo.js';
import { registerTodoRecordType } from '../../platform/todos/record-types.js';
import { users } from '../../platform/users/schema.js';
import type { Inquiry } from './access.js';
import { cadreName } from './tracking.js';

export const inquiryRef = (i: { id: number }) => ({ recordType: 'inquiry', recordId: i.id });

registerTodoRecordType('inquiry', 'inquiry.read');
registerTodoRecordType('inquiry_overdue', 'inquiry.read');
registerTodoRecordType('petition_inquiry', 'petition.read');

/**
 * The inquiry's open to-do: the reply for the cadre's own account(s) (their own record: no recusal
 * subject), the endorsement for the unit's principal, the conclusion for the officer who sent it.
 */
export async function moveInquiryTodo(tx: Queryable, ctx: AppContext, i: Inquiry): Promise<void> {
  await completeTodos(tx, ctx.clock, inquiryRef(i));
  const name = await cadreName(tx, i.cadreId);
  const office = { orgId: i.orgId, assigneeRole: 'discipline_officer' };
  if (i.status === 'sent') {
    const accounts = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.cadreId, i.cadreId), isNull(users.disabledAt)));
    for (const u of accounts)
      await createTodo(tx, ctx.clock, {
        title: `回复组织函询（${i.code}）`,
        ...inquiryRef(i),
        link: `/my-inquiries/${i.id}`,
        orgId: i.orgId,
        assigneeUserId: u.id,
        dueOn: i.dueOn,
      });
    return;
  }
  const step =
    i.status === 'replied'
      ? {
          title: `为${name}的函询回复签字背书（${i.code}）`,
          to: { orgId: i.orgId, assigneeRole: 'unit_head' },
        }
      : i.status === 'endorsed'
        ? {
            title: `对${name}的函询回复作出结论（${i.code}）`,
            to: i.createdBy ? { orgId: i.orgId, assigneeUserId: i.createdBy } : office,
          }
        : null;
  if (!step) return;
  await createTodo(tx, ctx.clock, {
    title: step.title,
    ...inquiryRef(i),
    link: `/inquiries/${i.id}`,
    ...step.to,
    fallback: office,
    subjectCadreIds: [i.cadreId],
  });
}
