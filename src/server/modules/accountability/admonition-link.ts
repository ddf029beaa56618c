import type { Actor } from '../../platform/access/actor.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/client.js';
import { openAdmonition } from '../admonitions/open-admonition.js';

/**
 * A sanction of kind 诫勉 took effect: an admonition (谈话诫勉) is opened for the cadre through the
 * admonitions module's one way in, from the source 责任追究 linked to the record. The one place the
 * two modules meet: called inside the transaction that puts the sanction in force (confirming the
 * record, or changing a sanction to 诫勉 on 申诉/复查), for a registry cadre only. The admonition
 * carries the effect on promotion and its release, so the sanction itself adds no admonition period
 * to the eligibility (effects.ts).
 */
export async function onAdmonitionSanction(
  tx: Queryable,
  ctx: AppContext,
  actor: Actor,
  link: { cadreId: number; sanctionId: number; recordId: number; effectiveFrom: string; reason: string },
): Promise<void> {
  await openAdmonition(tx, ctx, actor, {
    cadreId: link.cadreId,
    source: { kind: '责任追究', refType: 'accountability', refId: link.recordId, note: `责任追究处理：诫勉` },
    reason: link.reason,
    openedOn: link.effectiveFrom,
  });
}
