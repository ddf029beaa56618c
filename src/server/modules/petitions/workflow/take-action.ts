import type { PetitionAction } from '../../../../domain/petition-workflow.js';
import type { Actor } from '../../../platform/access/actor.js';
import type { AppContext } from '../../../platform/context.js';
import { loadPetition } from '../load-petition.js';
import { applyTransition } from './apply-transition.js';
import { getPetition } from './get-petition.js';
import { mayTake, reachOf, requireMay } from './may.js';
import type { TransitionExtra } from './transition-contract.js';

/** An officer takes a workflow step on a petition they may see, if their permissions allow that step. */
export async function takeAction(opts: {
  ctx: AppContext;
  actor: Actor;
  id: number;
  action: PetitionAction;
  extra: TransitionExtra & { version: number };
}) {
  const { ctx, actor, id, action, extra } = opts;
  await ctx.db.transaction(async (tx) => {
    const p = await loadPetition(tx, actor, id);
    requireMay(mayTake(actor, await reachOf(tx, actor, p), action));
    await applyTransition(tx, ctx, actor, p, action, { ...extra, on: undefined });
  });
  return getPetition({ ctx, actor, id });
}
