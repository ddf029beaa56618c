import { eq } from 'drizzle-orm';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/client.js';
import { cancelTodos } from '../../platform/todos/close-todos.js';
import { createTodo } from '../../platform/todos/create-todo.js';
import type { ItemRow } from './access.js';
import { auditFindings } from './schema.js';

const earliest = (...days: (string | null)[]) => days.filter((d): d is string => !!d).sort()[0] ?? null;

/**
 * Each open item has one open to-do, for whoever must act next: the unit's head (the plan, the next
 * monthly report or the deadline, whichever comes first; the checkpoint while 持续整改) or the audit
 * officers (认定 after 申请销号). A closed item has none.
 */
export async function moveItemTodo(tx: Queryable, ctx: AppContext, item: ItemRow) {
  await cancelTodos(tx, ctx.clock, { recordType: 'rectification', recordId: item.id });
  if (item.status === 'closed') return;
  const [finding] = await tx
    .select({ summary: auditFindings.summary })
    .from(auditFindings)
    .where(eq(auditFindings.id, item.findingId));
  const base = {
    recordType: 'rectification',
    recordId: item.id,
    link: `/rectification/${item.id}`,
    subjectCadreIds: item.subjectCadreIds,
  };
  if (item.status === 'applied') {
    const days = await ctx.rules.value<number>('econ_audit.verify_period');
    await createTodo(tx, ctx.clock, {
      ...base,
      title: `认定整改（对账销号）：${finding.summary}`,
      orgId: item.orgId,
      assigneeRole: 'audit_officer',
      dueOn: await ctx.calendar.addWorkingDays(
        item.appliedOn ?? item.updatedAt.toISOString().slice(0, 10),
        days,
      ),
    });
    return;
  }
  const title =
    item.status === 'issued'
      ? `制定整改方案：${finding.summary}`
      : item.status === 'continuing'
        ? `持续整改（检查节点 ${item.nextCheckpoint}）：${finding.summary}`
        : `报告整改进展、按期完成整改：${finding.summary}`;
  await createTodo(tx, ctx.clock, {
    ...base,
    title,
    orgId: item.unitOrgId,
    assigneeRole: 'unit_head',
    dueOn: item.status === 'issued' ? item.planDueOn : earliest(item.nextReportDue, item.dueOn),
    fallback: { orgId: item.orgId, assigneeRole: 'audit_officer' },
  });
}
