import type { Actor } from '../../platform/access/actor.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/client.js';

/**
 * A sanction of kind 诫勉 took effect: an admonition (谈话诫勉, the admonitions module) must be
 * opened for the cadre. The one place the two modules meet: called inside the transaction that puts
 * the sanction in force (confirming the record, or changing a sanction to 诫勉 on 申诉/复查), for a
 * registry cadre only. The admonition carries the effect on promotion and its release, so the
 * sanction itself adds no admonition period to the eligibility (effects.ts).
 *
 * For now it does nothing: the lead replaces its body with the admonitions module's use case at merge.
 */
export async function onAdmonitionSanction(
  _tx: Queryable,
  _ctx: AppContext,
  _actor: Actor,
  _link: { cadreId: number; sanctionId: number; effectiveFrom: string; reason: string },
): Promise<void> {}
