import { and, eq, isNotNull, lte } from 'drizzle-orm';
import { chinaDate } from '../../../domain/calendar.js';
import { type DisclosureStatus, disclosureTransition } from '../../../domain/openness/review.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import { loadUnit } from './access.js';
import { disclosureEvent } from './events.js';
import { afterPublication, publicationFields } from './publication.js';
import { disclosures } from './schema.js';

/**
 * The `disclosure.publish_scheduled` job: every item whose publication time has come is published
 * (索引号, the due item answered, version 1), as the step of whoever scheduled it. An item no longer
 * publishable (edited back to a draft of a village, withdrawn) is skipped and its time cleared.
 */
export async function publishScheduled(ctx: AppContext): Promise<number> {
  const now = ctx.clock.now();
  const due = await ctx.db
    .select({ id: disclosures.id })
    .from(disclosures)
    .where(and(isNotNull(disclosures.publishAt), lte(disclosures.publishAt, now)));
  let published = 0;
  for (const { id } of due)
    await ctx.db.transaction(async (tx) => {
      const [row] = await tx.select().from(disclosures).where(eq(disclosures.id, id)).for('update');
      if (!row?.publishAt || row.publishAt > now) return;
      const unit = (await loadUnit(tx, row.orgId))!;
      const step = disclosureTransition(row.status as DisclosureStatus, 'publish', unit.kind === 'village');
      if ('problem' in step) {
        await tx.update(disclosures).set({ publishAt: null }).where(eq(disclosures.id, id));
        return;
      }
      const today = chinaDate(now);
      const set = {
        ...(await publicationFields(tx, row, today)),
        status: step.to,
        publishAt: null,
        version: row.version + 1,
        updatedAt: now,
      };
      await tx.update(disclosures).set(set).where(eq(disclosures.id, id));
      await disclosureEvent(tx, ctx, {
        disclosureId: id,
        action: 'publish',
        fromStatus: row.status,
        toStatus: step.to,
        note: '定时公开',
        userId: row.scheduledBy,
      });
      await afterPublication(tx, ctx, unit, { ...row, ...set }, row.scheduledBy, today);
      await recordAudit(tx, ctx.clock, null, {
        action: 'disclosure.publish',
        objectType: 'disclosure',
        objectId: id,
        detail: { title: row.title, step: '定时公开', indexNo: set.indexNo, scheduledBy: row.scheduledBy },
      });
      published++;
    });
  return published;
}
