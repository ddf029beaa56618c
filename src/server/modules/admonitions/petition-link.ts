import { and, desc, eq, lte } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/client.js';
import { badRequest, unprocessable } from '../../platform/http/errors.js';
import { createTodo } from '../../platform/todos/create-todo.js';
import { loadPetition } from '../petitions/load-petition.js';
import { petitionEvents, petitionSubjects, petitions } from '../petitions/schema.js';
import { handlingAddress, subjectCadreIdsOf } from '../petitions/workflow/petition-recusal.js';

/**
 * The petition side of an inquiry opened from a petition (docs/decisions/admonitions-inquiries.md):
 * the petition must be under 谈话函询 (its `investigate` step chose the disposal) and name the cadre;
 * the inquiry is an explicit follow-up of that step, and the link is written both ways in the same
 * transaction — `inquiries.petition_id`, and an `inquiry` event on the petition's history. The
 * petition's own status and clock are not touched.
 */
export async function checkPetitionForInquiry(
  tx: Queryable,
  actor: Actor,
  petitionId: number,
  cadreId: number,
  sentOn: string,
) {
  const p = await loadPetition(tx, actor, petitionId);
  // the case as it stood on the day the letter is sent (today, or a past day the office records)
  const then = await stateOn(tx, petitionId, sentOn);
  if (then?.disposal !== 'talk_inquiry' || !['investigating', 'reported'].includes(then.status ?? ''))
    throw unprocessable('只有处置方式为“谈话函询”且正在调查核实的信访件可以发出函询', {
      petitionId: '该信访件的处置方式不是谈话函询',
    });
  const [named] = await tx
    .select({ id: petitionSubjects.id })
    .from(petitionSubjects)
    .where(and(eq(petitionSubjects.petitionId, petitionId), eq(petitionSubjects.cadreId, cadreId)));
  if (!named)
    throw badRequest('函询对象须为该信访件反映的干部', { cadreId: '函询对象须为该信访件反映的干部' });
  return p;
}

/** The petition's state after its last step on or before `on` (each event carries it). */
async function stateOn(tx: Queryable, petitionId: number, on: string) {
  const [e] = await tx
    .select({
      status: petitionEvents.toStatus,
      disposal: petitionEvents.disposal,
      dueOn: petitionEvents.dueOn,
      extensionDays: petitionEvents.extensionDays,
    })
    .from(petitionEvents)
    .where(and(eq(petitionEvents.petitionId, petitionId), lte(petitionEvents.occurredOn, on)))
    .orderBy(desc(petitionEvents.occurredOn), desc(petitionEvents.id))
    .limit(1);
  return e ?? null;
}

/**
 * An event on the petition's history that changes nothing: 发出函询, 函询结论. It carries the state
 * of the case on its day (from the step before it), so the petition figures as of any date stay
 * what they were — also when the office records an inquiry sent on a past day.
 */
export async function petitionNote(
  tx: Queryable,
  ctx: AppContext,
  petitionId: number,
  e: { action: 'inquiry' | 'inquiry_concluded'; on: string; userId: number | null; note: string },
): Promise<void> {
  const then = await stateOn(tx, petitionId, e.on);
  if (!then) return;
  await tx.insert(petitionEvents).values({
    petitionId,
    action: e.action,
    fromStatus: then.status,
    toStatus: then.status,
    dueOn: then.dueOn,
    disposal: then.disposal,
    extensionDays: then.extensionDays ?? 0,
    occurredOn: e.on,
    userId: e.userId,
    note: e.note,
    createdAt: ctx.clock.now(),
  });
}

/** 初步核实: the inquiry hands the case back — a to-do for the petition's handlers to go on with it. */
export async function returnToPetition(
  tx: Queryable,
  ctx: AppContext,
  petitionId: number,
  inquiryCode: string,
) {
  const [p] = await tx.select().from(petitions).where(eq(petitions.id, petitionId));
  if (!p) return;
  const subjects = await subjectCadreIdsOf(tx, p.id);
  const to = await handlingAddress(tx, p, subjects);
  await createTodo(tx, ctx.clock, {
    title: `函询 ${inquiryCode} 结论为初步核实：请继续办理信访件 ${p.code}`,
    recordType: 'petition_inquiry',
    recordId: p.id,
    link: `/petitions/${p.id}`,
    ...to,
    kind: 'personal',
    subjectCadreIds: subjects,
  });
}
