import { asc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import { sanctionFamily } from '../../../domain/accountability/kinds.js';
import { nextStatus, recordDatesProblem } from '../../../domain/accountability/transitions.js';
import { chinaDate } from '../../../domain/calendar.js';
import { tenureDatesProblem } from '../../../domain/tenure.js';
import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/client.js';
import { badRequest, unprocessable } from '../../platform/http/errors.js';
import { completeTodos } from '../../platform/todos/close-todos.js';
import { tenures } from '../cadres/schema.js';
import { endTenureIn } from '../cadres/tenures/end-tenure.js';
import { bumpVersion, loadForChange } from './access.js';
import { onAdmonitionSanction } from './admonition-link.js';
import { requireEffectRule } from './check-input.js';
import type { confirmIn } from './contract.js';
import { getRecord } from './get-record.js';
import { accountabilityLabels } from './labels.js';
import { accountabilityPersons, accountabilitySanctions } from './schema.js';
import { addEvent } from './write-people.js';

type Sanction = typeof accountabilitySanctions.$inferSelect;
type Person = typeof accountabilityPersons.$inferSelect;

/**
 * 确认追究: the draft takes effect on its decision date. In the same transaction each sanction takes
 * effect (on its own date, or the decision's): a 撤销任免决定 ends the tenures it names with the
 * sanction as the reason, a 诫勉 opens the admonition (admonition-link.ts), and the draft's to-do is done.
 */
export async function confirmRecord(opts: {
  ctx: AppContext;
  actor: Actor;
  id: number;
  input: z.infer<typeof confirmIn>;
}) {
  const { ctx, actor, id, input } = opts;
  await ctx.db.transaction((tx) => confirmRecordIn(tx, ctx, actor, id, input));
  return getRecord({ ctx, actor, id });
}

/** The confirmation inside the caller's transaction (the route's, or the demo's). */
export async function confirmRecordIn(
  tx: Queryable,
  ctx: AppContext,
  actor: Actor,
  id: number,
  input: z.infer<typeof confirmIn>,
) {
  const row = await loadForChange(tx, actor, id, input.version);
  const step = nextStatus(row.status as 'draft', 'confirm');
  if ('problem' in step) throw unprocessable(step.problem);
  const decidedOn = input.decidedOn ?? row.decidedOn;
  const people = await tx
    .select()
    .from(accountabilityPersons)
    .where(eq(accountabilityPersons.recordId, id))
    .orderBy(asc(accountabilityPersons.sort), asc(accountabilityPersons.id));
  const sanctions = await tx
    .select()
    .from(accountabilitySanctions)
    .where(eq(accountabilitySanctions.recordId, id))
    .orderBy(asc(accountabilitySanctions.id));
  for (const [i, p] of people.entries())
    if (!sanctions.some((s) => s.personId === p.id)) {
      const message = `请为${p.name}确定处理，或将其移出被追究人`;
      throw unprocessable(message, { [`persons.${i}.sanctions`]: message });
    }
  const today = chinaDate(ctx.clock.now());
  const dated = sanctions.map((s) => ({ ...s, effectiveFrom: s.effectiveFrom ?? decidedOn ?? today }));
  const problem = recordDatesProblem({ decidedOn, sanctions: dated, today, confirming: true });
  if (problem) {
    const field = problem.field.startsWith('sanctions.')
      ? fieldOf(people, dated, problem.field)
      : problem.field;
    throw badRequest(problem.message, { [field]: problem.message });
  }
  const labels = await accountabilityLabels(tx);
  for (const s of dated) {
    const field = fieldOf(people, dated, `sanctions.${dated.indexOf(s)}.kind`);
    const ruleKey = await requireEffectRule(ctx, s.kind, labels.kind(s.kind), s.effectiveFrom, field);
    const gradeYear =
      sanctionFamily(s.kind) === 'annual_grade' ? (s.gradeYear ?? Number(s.effectiveFrom.slice(0, 4))) : null;
    await tx
      .update(accountabilitySanctions)
      .set({ effectiveFrom: s.effectiveFrom, ruleKey, gradeYear })
      .where(eq(accountabilitySanctions.id, s.id));
    const person = people.find((p) => p.id === s.personId)!;
    await takeEffect(tx, ctx, actor, { ...s, ruleKey, gradeYear }, person, row.title, field);
  }
  await bumpVersion(
    tx,
    row,
    { status: step.to, closedOn: today, decidedOn, decidingBody: input.decidingBody ?? row.decidingBody },
    ctx.clock.now(),
  );
  await completeTodos(tx, ctx.clock, { recordType: 'accountability', recordId: id });
  await addEvent(tx, ctx, actor, id, 'confirm', { detail: { decidedOn } });
  await recordAudit(tx, ctx.clock, actor, {
    action: 'accountability.confirm',
    objectType: 'accountability',
    objectId: id,
    detail: {
      decidedOn,
      sanctions: dated.map((s) => ({ id: s.id, kind: s.kind, effectiveFrom: s.effectiveFrom })),
    },
  });
}

/** What a sanction does when it takes effect, beyond the register. */
export async function takeEffect(
  tx: Queryable,
  ctx: AppContext,
  actor: Actor,
  s: Sanction & { effectiveFrom: string },
  person: Person,
  reason: string,
  field: string,
) {
  const family = sanctionFamily(s.kind);
  if (family === 'admonition' && person.cadreId !== null)
    await onAdmonitionSanction(tx, ctx, actor, {
      cadreId: person.cadreId,
      sanctionId: s.id,
      recordId: s.recordId,
      effectiveFrom: s.effectiveFrom,
      reason,
    });
  if (family !== 'revoke_appointment' || !s.tenureIds.length) return;
  const rows = await tx.select().from(tenures).where(inArray(tenures.id, s.tenureIds));
  for (const t of rows) {
    const at = `${field.replace(/\.kind$/, '')}.tenureIds`;
    if (t.cadreId !== person.cadreId)
      throw badRequest('所选任职不是该干部的任职', { [at]: '所选任职不是该干部的任职' });
    if (t.endDate) {
      const message = `任职“${t.title}”已于 ${t.endDate} 离任，不能撤销`;
      throw unprocessable(message, { [at]: message });
    }
    const problem = tenureDatesProblem(t.startDate, s.effectiveFrom);
    if (problem) throw unprocessable(`任职“${t.title}”：${problem}`, { [at]: problem });
    await endTenureIn(
      tx,
      ctx,
      actor,
      t,
      { endDate: s.effectiveFrom, endReason: 'revoked' },
      { cause: 'accountability.revoke_appointment', accountabilityId: s.recordId, sanctionId: s.id },
    );
  }
}

/** The form's field of the n-th sanction of the record: persons.i.sanctions.j.<leaf>. */
function fieldOf(people: Person[], sanctions: Sanction[], field: string): string {
  const [, n, leaf] = field.split('.');
  const s = sanctions[Number(n)];
  if (!s) return field;
  const i = people.findIndex((p) => p.id === s.personId);
  const j = sanctions.filter((x) => x.personId === s.personId).indexOf(s);
  return `persons.${i}.sanctions.${j}.${leaf}`;
}
