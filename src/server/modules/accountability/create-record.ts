import { chinaDate } from '../../../domain/calendar.js';
import type { Actor } from '../../platform/access/actor.js';
import { orgInScope } from '../../platform/access/scope.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/client.js';
import { badRequest } from '../../platform/http/errors.js';
import { createTodo } from '../../platform/todos/create-todo.js';
import { registerTodoRecordType } from '../../platform/todos/record-types.js';
import { checkRecordInput } from './check-input.js';
import type { CreateRecordInput } from './contract.js';
import { getRecord } from './get-record.js';
import { accountabilityRecords } from './schema.js';
import { addEvent, writePeople } from './write-people.js';

// a draft's to-do names the case: shown to others only beside the register itself
registerTodoRecordType('accountability', 'accountability.read');

export type RecordSource = 'manual' | 'appointment' | 'last_place' | 'import' | 'other';

/** Who confirms a draft: the organisation office for 选人用人 matters, the discipline officer otherwise. */
export const confirmingRole = (kind: string) =>
  kind === 'selection_oversight' || kind === 'inspection_error' ? 'org_officer' : 'discipline_officer';

/**
 * Puts a draft in the register inside the caller's transaction, with its to-do for the officer who
 * confirms, changes or dismisses it, its first timeline step and its audit record.
 */
export async function insertDraft(
  tx: Queryable,
  ctx: AppContext,
  actor: Actor,
  input: CreateRecordInput,
  source: { source: RecordSource; sourceRef?: string | null },
): Promise<number> {
  if (!(await orgInScope(tx, actor, input.orgId)))
    throw badRequest('单位不存在或不在您的管理范围内', { orgId: '单位不存在或不在您的管理范围内' });
  const plan = await checkRecordInput(tx, ctx, actor, input);
  const now = ctx.clock.now();
  const [row] = await tx
    .insert(accountabilityRecords)
    .values({
      orgId: input.orgId,
      kind: input.kind,
      category: plan.category,
      title: input.title,
      facts: input.facts,
      basis: input.basis,
      basisPolicyId: plan.basisPolicyId,
      decidingBody: input.decidingBody ?? null,
      decidedOn: input.decidedOn ?? null,
      status: 'draft',
      source: source.source,
      sourceRef: source.sourceRef ?? null,
      subjectCadreIds: plan.subjectCadreIds,
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: accountabilityRecords.id });
  await writePeople(tx, row.id, plan.persons, now);
  const proposed = source.source !== 'manual';
  await addEvent(tx, ctx, actor, row.id, proposed ? 'propose' : 'create', {
    detail: { source: source.source, sourceRef: source.sourceRef ?? null },
  });
  const role = confirmingRole(input.kind);
  const days = await ctx.rules.value<number>('accountability.confirm_period');
  await createTodo(tx, ctx.clock, {
    title: `确认责任追究：${input.title}`,
    recordType: 'accountability',
    recordId: row.id,
    link: `/accountability/${row.id}`,
    orgId: input.orgId,
    assigneeRole: role,
    dueOn: await ctx.calendar.addWorkingDays(chinaDate(now), days),
    subjectCadreIds: plan.subjectCadreIds,
    fallback: {
      orgId: input.orgId,
      assigneeRole: role === 'org_officer' ? 'discipline_officer' : 'org_officer',
    },
  });
  await recordAudit(tx, ctx.clock, actor, {
    action: proposed ? 'accountability.propose' : 'accountability.create',
    objectType: 'accountability',
    objectId: row.id,
    detail: {
      kind: input.kind,
      source: source.source,
      sourceRef: source.sourceRef ?? null,
      persons: plan.persons.length,
      sanctions: plan.persons.reduce((n, p) => n + p.sanctions.length, 0),
    },
  });
  return row.id;
}

/** 登记追究事项: an officer's draft, to be confirmed. */
export async function createRecord(opts: { ctx: AppContext; actor: Actor; input: CreateRecordInput }) {
  const { ctx, actor, input } = opts;
  const id = await ctx.db.transaction((tx) => insertDraft(tx, ctx, actor, input, { source: 'manual' }));
  return getRecord({ ctx, actor, id });
}
