import type { Actor } from '../../platform/access/actor.js';
import { orgInScope } from '../../platform/access/scope.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import { outOfScope } from '../../platform/http/errors.js';
import { assertBirthMatchesId } from './birth-check.js';
import type { CadreFields } from './contract.js';
import { getCadre } from './get-cadre.js';
import { assertIdNumberFree } from './id-number-free.js';
import { insertCadres } from './write-cadre.js';

/** Registers a cadre in a unit of the caller's scope; an ID number already on record is refused. */
export async function createCadre(opts: { ctx: AppContext; actor: Actor; input: CadreFields }) {
  const { ctx, actor, input } = opts;
  if (!(await orgInScope(ctx.db, actor, input.orgId))) throw outOfScope();
  assertBirthMatchesId(input.birthDate, input.idNumber);
  const id = await ctx.db.transaction(async (tx) => {
    await assertIdNumberFree(tx, ctx, input.idNumber);
    const [id] = await insertCadres(tx, ctx, [input], 'manual');
    await recordAudit(tx, ctx.clock, actor, {
      action: 'cadre.create',
      objectType: 'cadre',
      objectId: id,
      detail: { name: input.name, orgId: input.orgId },
    });
    return id;
  });
  return getCadre({ ctx, actor, id });
}
