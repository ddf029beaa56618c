import type { PetitionStatus } from '../../../../domain/petition-workflow.js';
import { endOfChinaDay } from '../../../../domain/todo-due.js';
import type { AppContext } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/client.js';
import { cancelTodos, completeTodos } from '../../../platform/todos/close-todos.js';
import { createTodo } from '../../../platform/todos/create-todo.js';
import { type Petition, todayOf } from './petition-clock.js';

/** The work each running status waits on, as the to-do list names it. */
const STEP: Partial<Record<PetitionStatus, string>> = {
  registered: '受理信访件',
  accepted: '确定信访件处置方式',
  held: '跟进暂存待查信访件',
  investigating: '调查核实信访件',
  reported: '提出信访件处理意见',
  awaiting_approval: '审批信访件处理意见',
  approved: '回复反映人',
  replied: '办结信访件',
  reviewing: '答复复查（复核）申请',
};

export const petitionRef = (p: { id: number }) => ({ recordType: 'petition', recordId: p.id });

/** Who does the step: the investigator, the head of the unit it is assigned to, the approver or the discipline officers. */
function assignee(p: Petition): { orgId: number; assigneeUserId?: number; assigneeRole?: string } {
  if (p.status === 'investigating' && p.investigatorUserId)
    return { orgId: p.orgId, assigneeUserId: p.investigatorUserId };
  if (p.status === 'investigating' && p.assignedUnitOrgId)
    return { orgId: p.assignedUnitOrgId, assigneeRole: 'unit_head' };
  if (p.status === 'awaiting_approval') return { orgId: p.orgId, assigneeRole: 'party_secretary' };
  return { orgId: p.orgId, assigneeRole: 'discipline_officer' };
}

/**
 * Closes the previous step's to-dos (imported history is cancelled instead, so it never shows as
 * work done) and opens the one for the status the petition is now in, due on its clock. An urgent
 * petition (naming a cadre under public notice) waiting for acceptance is due today.
 */
export async function moveStepTodo(tx: Queryable, ctx: AppContext, p: Petition): Promise<void> {
  if (p.imported) await cancelTodos(tx, ctx.clock, petitionRef(p));
  else await completeTodos(tx, ctx.clock, petitionRef(p));
  await openStepTodo(tx, ctx, p);
}

export async function openStepTodo(tx: Queryable, ctx: AppContext, p: Petition): Promise<void> {
  const step = STEP[p.status as PetitionStatus];
  if (!step) return;
  const urgentNow = p.urgent && p.status === 'registered';
  const due = urgentNow ? todayOf(ctx) : p.dueOn;
  await createTodo(tx, ctx.clock, {
    title: `${urgentNow ? '【紧急】' : ''}${step} ${p.code}${due ? `（截止 ${due}）` : ''}`,
    ...petitionRef(p),
    link: `/petitions/${p.id}`,
    ...assignee(p),
    dueAt: due ? endOfChinaDay(due) : null,
  });
}
