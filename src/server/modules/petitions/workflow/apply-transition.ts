import { and, eq } from 'drizzle-orm';
import {
  foreignFields,
  type PetitionAction,
  type PetitionStatus,
  transition,
} from '../../../../domain/petition-workflow.js';
import type { Actor } from '../../../platform/access/actor.js';
import { recordAudit } from '../../../platform/audit/record.js';
import type { AppContext } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/client.js';
import { badRequest, conflict, unprocessable } from '../../../platform/http/errors.js';
import { petitionDocuments, petitionEvents, petitions } from '../schema.js';
import { clockFacts, clockOf, type Petition, todayOf } from './petition-clock.js';
import { moveStepTodo } from './petition-todos.js';
import { stepChange } from './transition-columns.js';
import { type TransitionExtra, transitionExtra } from './transition-contract.js';
import { zodProblem } from './zod-problem.js';

/**
 * Takes one workflow step inside the caller's transaction: checks the transition and the action's
 * own needs, writes the status and the action's columns under the optimistic version (409 when the
 * petition changed meanwhile), the event and any document, restarts the clock, moves the to-do and
 * audits `petition.<action>`. The portal calls it with actor null for a reporter's review request.
 * `extra.on` dates the step in the past for imported records only.
 */
export async function applyTransition(
  tx: Queryable,
  ctx: AppContext,
  actor: Actor | null,
  petition: Petition,
  action: PetitionAction,
  rawExtra: TransitionExtra = {},
): Promise<Petition> {
  const parsed = transitionExtra.safeParse(rawExtra);
  if (!parsed.success) throw zodProblem(parsed.error);
  const extra = parsed.data;
  const foreign = foreignFields(action, extra);
  const first = Object.values(foreign)[0];
  if (first) throw badRequest(first, foreign);
  if (extra.version !== undefined && extra.version !== petition.version) throw conflict();
  const step = transition(petition.status as PetitionStatus, action);
  if ('error' in step) throw unprocessable(step.error);
  const today = todayOf(ctx);
  const on = petition.imported && extra.on ? extra.on : today;
  if (on > today || on < petition.receivedOn)
    throw badRequest('办理日期应在收件日期与今天之间', { on: '办理日期应在收件日期与今天之间' });

  const change = await stepChange(tx, ctx, actor, petition, action, extra, on);
  const next = { ...petition, ...change.columns, status: step.to } as Petition;
  const clock = await clockOf(ctx, clockFacts(next));
  const now = ctx.clock.now();
  const [saved] = await tx
    .update(petitions)
    .set({ ...change.columns, ...clock, status: step.to, version: petition.version + 1, updatedAt: now })
    .where(and(eq(petitions.id, petition.id), eq(petitions.version, petition.version)))
    .returning();
  if (!saved) throw conflict();
  if (change.document)
    await tx.insert(petitionDocuments).values({
      petitionId: petition.id,
      ...change.document,
      occurredOn: on,
      userId: actor?.userId ?? null,
      createdAt: now,
    });
  await tx.insert(petitionEvents).values({
    petitionId: petition.id,
    action,
    fromStatus: petition.status,
    toStatus: step.to,
    occurredOn: on,
    userId: actor?.userId ?? null,
    note: change.note ?? null,
    createdAt: now,
  });
  await moveStepTodo(tx, ctx, saved);
  await recordAudit(tx, ctx.clock, actor, {
    action: `petition.${action}`,
    objectType: 'petition',
    objectId: petition.id,
    detail: { code: petition.code, from: petition.status, to: step.to, on },
  });
  return saved;
}
