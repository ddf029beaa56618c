import { eq } from 'drizzle-orm';
import { petitionSearchTokens } from '../../../../domain/petition-code.js';
import type { LedgerRecord } from '../../../../domain/petition-ledger-row.js';
import type { Actor } from '../../../platform/access/actor.js';
import type { AppContext } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/client.js';
import { petitionDocuments, petitionEvents, petitions } from '../schema.js';
import { clockFacts, clockOf, type Petition } from '../workflow/petition-clock.js';
import { moveStepTodo } from '../workflow/petition-todos.js';
import { registerPetition } from '../workflow/register-petition.js';
import { importedStepStates } from './imported-step-states.js';
import { outcomeSteps } from './outcome-steps.js';

/**
 * One ledger row into the system: registered through registerPetition (imported, its own number
 * and receipt date), then its recorded outcome written as it was — status and dates, the reports,
 * opinions and reply as documents, the steps as events on their dates with the state after each —
 * so the figures as of any date count it as a case handled day by day. The clock is the one its status runs now; a finished case keeps no
 * to-do, a running one gets the to-do of its step.
 */
export async function writeImported(
  tx: Queryable,
  ctx: AppContext,
  actor: Actor,
  orgId: number,
  r: LedgerRecord,
  cadreIdOf: (name: string) => number | null,
): Promise<Petition> {
  const registered = await registerPetition(tx, ctx, actor, {
    orgId,
    channel: r.channel,
    visitors: r.visitors,
    receivedOn: r.receivedOn,
    assignedBy: r.assignedBy,
    assignedRef: r.assignedRef,
    assignedDueOn: r.assignedDueOn,
    transferredFrom: r.transferredFrom,
    // the ledger holds no identity: a real-name case is marked so below, with nothing to seal
    realName: false,
    reporter: null,
    title: r.title,
    content: r.content,
    category: r.category,
    subjects: r.subjects.map((s) => ({ cadreId: cadreIdOf(s.name), name: s.name, unitText: s.unitText })),
    imported: true,
    code: r.code,
  });
  const outcome = {
    realName: r.realName,
    status: r.status,
    acceptedOn: r.acceptedOn,
    declinedOn: r.declinedOn,
    declineReason: r.declineReason,
    disposal: r.disposal,
    reportedOn: r.reports.at(-1)?.on ?? null,
    approvedOn: r.approvedOn,
    repliedOn: r.repliedOn,
    reply: r.reply,
    concludedOn: r.concludedOn,
    extensionDays: r.extensionDays,
    extensionReason: r.extensionReason,
    reviewLevel: r.status === 'reviewing' ? 1 : 0,
    searchTokens: petitionSearchTokens(
      { code: registered.code, title: r.title, content: r.content, reply: r.reply },
      r.subjects.map((s) => s.name),
    ),
  };
  const clock = await clockOf(ctx, clockFacts({ ...registered, ...outcome }));
  const [saved] = await tx
    .update(petitions)
    .set({ ...outcome, ...clock, version: registered.version + 1, updatedAt: ctx.clock.now() })
    .where(eq(petitions.id, registered.id))
    .returning();

  const documents = [
    ...r.reports.map((d) => ({ kind: 'report', ...d })),
    ...r.opinions.map((d) => ({ kind: 'opinion', ...d })),
    ...(r.reply && r.repliedOn ? [{ kind: 'reply', on: r.repliedOn, content: r.reply }] : []),
  ];
  const base = { petitionId: saved.id, userId: actor.userId, createdAt: ctx.clock.now() };
  if (documents.length)
    await tx
      .insert(petitionDocuments)
      .values(documents.map((d) => ({ ...base, kind: d.kind, content: d.content, occurredOn: d.on })));
  let from = 'registered';
  const steps = outcomeSteps(r);
  const states = await importedStepStates(ctx, saved, steps, r);
  const events = steps.map((s, i) => {
    const event = {
      ...base,
      action: s.action,
      fromStatus: from,
      toStatus: s.to ?? from,
      occurredOn: s.on,
      note: s.note ?? null,
      ...states[i],
    };
    from = s.to ?? from;
    return event;
  });
  if (events.length) await tx.insert(petitionEvents).values(events);
  await moveStepTodo(tx, ctx, saved);
  return saved;
}
