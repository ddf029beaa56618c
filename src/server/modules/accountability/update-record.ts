import { and, eq } from 'drizzle-orm';
import { nextStatus } from '../../../domain/accountability/transitions.js';
import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import { unprocessable } from '../../platform/http/errors.js';
import { readdressRecusedTodos } from '../../platform/todos/address.js';
import { todos } from '../../platform/todos/schema.js';
import { bumpVersion, loadForChange } from './access.js';
import { checkRecordInput } from './check-input.js';
import type { UpdateRecordInput } from './contract.js';
import { confirmingRole } from './create-record.js';
import { getRecord } from './get-record.js';
import { addEvent, writePeople } from './write-people.js';

/** 修改追究建议: a draft's fields, persons and sanctions, replaced as a whole (optimistic version). */
export async function updateRecord(opts: {
  ctx: AppContext;
  actor: Actor;
  id: number;
  input: UpdateRecordInput;
}) {
  const { ctx, actor, id, input } = opts;
  await ctx.db.transaction(async (tx) => {
    const row = await loadForChange(tx, actor, id, input.version);
    const step = nextStatus(row.status as 'draft', 'edit');
    if ('problem' in step) throw unprocessable(step.problem);
    const plan = await checkRecordInput(tx, ctx, actor, input);
    const now = ctx.clock.now();
    await bumpVersion(
      tx,
      row,
      {
        kind: input.kind,
        category: plan.category,
        title: input.title,
        facts: input.facts,
        basis: input.basis,
        basisPolicyId: plan.basisPolicyId,
        decidingBody: input.decidingBody ?? null,
        decidedOn: input.decidedOn ?? null,
        subjectCadreIds: plan.subjectCadreIds,
      },
      now,
    );
    await writePeople(tx, id, plan.persons, now);
    // the to-do stands for the record: it carries the persons now named, and moves if they recuse its addressee
    await tx
      .update(todos)
      .set({ subjectCadreIds: plan.subjectCadreIds })
      .where(
        and(eq(todos.recordType, 'accountability'), eq(todos.recordId, String(id)), eq(todos.status, 'open')),
      );
    const other = confirmingRole(input.kind) === 'org_officer' ? 'discipline_officer' : 'org_officer';
    await readdressRecusedTodos(
      tx,
      { recordType: 'accountability', recordId: id },
      { orgId: row.orgId, assigneeRole: other },
    );
    await addEvent(tx, ctx, actor, id, 'update');
    await recordAudit(tx, ctx.clock, actor, {
      action: 'accountability.update',
      objectType: 'accountability',
      objectId: id,
      detail: {
        persons: plan.persons.length,
        sanctions: plan.persons.reduce((n, p) => n + p.sanctions.length, 0),
      },
    });
  });
  return getRecord({ ctx, actor, id });
}
