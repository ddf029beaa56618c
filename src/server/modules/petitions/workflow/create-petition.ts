import type { Actor } from '../../../platform/access/actor.js';
import type { AppContext } from '../../../platform/context.js';
import { AppError } from '../../../platform/http/errors.js';
import { getPetition } from './get-petition.js';
import type { RegisterBody } from './register-contract.js';
import { registerPetition } from './register-petition.js';

/** What an officer who must recuse from the case they just registered is told: its number, no content. */
export const RECUSED_REGISTRANT =
  '已登记。因您与被反映人存在回避关系，该件将由其他人员办理，您不能查看；附件请交由办理人员上传。';

/**
 * An officer registers a letter, visit, call, assigned or transferred case for an org in their
 * scope. The intake clerk may be related to the cadre named: the case is registered all the same
 * (it goes to the others, or up a level), and the clerk gets its number instead of the record.
 */
export async function createPetition(opts: { ctx: AppContext; actor: Actor; input: RegisterBody }) {
  const { ctx, actor, input } = opts;
  const p = await ctx.db.transaction((tx) => registerPetition(tx, ctx, actor, input));
  try {
    return await getPetition({ ctx, actor, id: p.id });
  } catch (e) {
    if (!(e instanceof AppError && e.status === 404)) throw e;
    return { id: p.id, code: p.code, recused: true as const, message: RECUSED_REGISTRANT };
  }
}
