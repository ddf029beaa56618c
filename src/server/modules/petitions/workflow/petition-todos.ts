import type { PetitionStatus } from '../../../../domain/petition-workflow.js';
import type { AppContext } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/client.js';
import type { TodoAddress } from '../../../platform/todos/address.js';
import { cancelTodos, completeTodos } from '../../../platform/todos/close-todos.js';
import { createTodo } from '../../../platform/todos/create-todo.js';
import { registerTodoRecordType } from '../../../platform/todos/record-types.js';
import { type Petition, todayOf } from './petition-clock.js';
import { applyRecusalLevel, handlingAddress, subjectCadreIdsOf } from './petition-recusal.js';

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

// a petition's to-do names its case: shown to others only beside the case itself
registerTodoRecordType('petition', 'petition.read');

/**
 * Who does the step: the investigator, the head of the unit it is assigned to, the approver (the
 * party secretary; the handlers above once recusal has raised the case) or the handlers. When
 * recusal leaves nobody to act on that address (an investigator or every unit head related to the
 * named cadre), the step goes to the handlers instead (the fallback).
 */
function stepAddress(p: Petition, handlers: TodoAddress): TodoAddress {
  if (p.status === 'investigating' && p.investigatorUserId)
    return { orgId: p.orgId, assigneeUserId: p.investigatorUserId };
  if (p.status === 'investigating' && p.assignedUnitOrgId)
    return { orgId: p.assignedUnitOrgId, assigneeRole: 'unit_head' };
  if (p.status === 'awaiting_approval' && !p.recusalOrgId)
    return { orgId: p.orgId, assigneeRole: 'party_secretary' };
  return handlers;
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

/**
 * Opens the step's to-do, carrying the cadres the petition names (recusal hides it from them and
 * their relatives as it hides the petition), after checking again that someone at the case's level
 * may handle it (the case goes up otherwise).
 */
export async function openStepTodo(tx: Queryable, ctx: AppContext, p: Petition): Promise<void> {
  const step = STEP[p.status as PetitionStatus];
  if (!step) return;
  const subjects = await subjectCadreIdsOf(tx, p.id);
  const now = await applyRecusalLevel(tx, ctx, p, subjects);
  const handlers = await handlingAddress(tx, now, subjects);
  const urgentNow = now.urgent && now.status === 'registered';
  const due = urgentNow ? todayOf(ctx) : now.dueOn;
  await createTodo(tx, ctx.clock, {
    title: `${urgentNow ? '【紧急】' : ''}${step} ${now.code}${due ? `（截止 ${due}）` : ''}`,
    ...petitionRef(now),
    link: `/petitions/${now.id}`,
    ...stepAddress(now, handlers),
    subjectCadreIds: subjects,
    fallback: handlers,
    dueOn: due ?? null,
  });
}
