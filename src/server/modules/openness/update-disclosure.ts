import { and, eq } from 'drizzle-orm';
import { type DisclosureStatus, disclosureTransition } from '../../../domain/openness/review.js';
import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import { conflict, unprocessable } from '../../platform/http/errors.js';
import { loadDisclosure } from './access.js';
import type { UpdateDisclosureInput } from './contract.js';
import { checkFinance, checkProcedure } from './disclosure-input.js';
import { disclosureEvent } from './events.js';
import { getDisclosure } from './get-disclosure.js';
import { disclosureItemTypes, disclosures } from './schema.js';

/** 修改: a draft, or a returned item, is corrected (a returned one becomes a draft again; a scheduled publication is cancelled). */
export async function updateDisclosure(opts: {
  ctx: AppContext;
  actor: Actor;
  id: number;
  input: UpdateDisclosureInput;
}) {
  const { ctx, actor, id, input } = opts;
  await ctx.db.transaction(async (tx) => {
    const row = await loadDisclosure(tx, actor, id, true);
    const step = disclosureTransition(row.status as DisclosureStatus, 'edit', false);
    if ('problem' in step)
      throw unprocessable(step.problem.message, { [step.problem.field]: step.problem.message });
    checkFinance(input.finance);
    const [type] = await tx
      .select()
      .from(disclosureItemTypes)
      .where(eq(disclosureItemTypes.id, row.itemTypeId));
    const procedure = checkProcedure(type, input.procedure);
    const { version, ...fields } = input;
    const [saved] = await tx
      .update(disclosures)
      .set({
        ...fields,
        finance: input.finance ?? null,
        procedure,
        issuedOn: input.issuedOn ?? null,
        docNumber: input.docNumber ?? null,
        status: step.to,
        publishAt: null,
        version: version + 1,
        updatedAt: ctx.clock.now(),
      })
      .where(and(eq(disclosures.id, id), eq(disclosures.version, version)))
      .returning({ id: disclosures.id });
    if (!saved) throw conflict();
    await disclosureEvent(tx, ctx, {
      disclosureId: id,
      action: 'edit',
      fromStatus: row.status,
      toStatus: step.to,
      userId: actor.userId,
    });
    await recordAudit(tx, ctx.clock, actor, {
      action: 'disclosure.update',
      objectType: 'disclosure',
      objectId: id,
      detail: { title: input.title },
    });
  });
  return getDisclosure({ ctx, actor, id });
}
