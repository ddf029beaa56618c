import type { Actor } from '../../../platform/access/actor.js';
import type { AppContext } from '../../../platform/context.js';
import { getPetition } from './get-petition.js';
import type { RegisterBody } from './register-contract.js';
import { registerPetition } from './register-petition.js';

/** An officer registers a letter, visit, call, assigned or transferred case for an org in their scope. */
export async function createPetition(opts: { ctx: AppContext; actor: Actor; input: RegisterBody }) {
  const { ctx, actor, input } = opts;
  const p = await ctx.db.transaction((tx) => registerPetition(tx, ctx, actor, input));
  return getPetition({ ctx, actor, id: p.id });
}
