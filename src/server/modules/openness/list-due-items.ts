import { and, asc, eq, gte, lte } from 'drizzle-orm';
import type { z } from 'zod';
import { addDays, chinaDate } from '../../../domain/calendar.js';
import { dueState } from '../../../domain/openness/timing.js';
import type { Actor } from '../../platform/access/actor.js';
import type { AppContext } from '../../platform/context.js';
import { loadScopedUnit } from './access.js';
import type { dueQuery } from './contract.js';
import { disclosureDueItems, disclosureItemTypes } from './schema.js';

/**
 * A unit's calendar: its due items (by default those due from a year ago to three months ahead),
 * each with its state today. Read-only: the due items are written by the hourly
 * `disclosure.schedule` job (and by publication and matters), never by reading the calendar.
 */
export async function listDueItems(opts: { ctx: AppContext; actor: Actor; query: z.infer<typeof dueQuery> }) {
  const { ctx, actor, query } = opts;
  const unit = await loadScopedUnit(ctx.db, actor, query.orgId);
  const today = chinaDate(ctx.clock.now());
  const from = query.from ?? addDays(today, -366);
  const to = query.to ?? addDays(today, 92);
  const rows = await ctx.db
    .select({ d: disclosureDueItems, typeName: disclosureItemTypes.name })
    .from(disclosureDueItems)
    .innerJoin(disclosureItemTypes, eq(disclosureItemTypes.id, disclosureDueItems.itemTypeId))
    .where(
      and(
        eq(disclosureDueItems.orgId, unit.id),
        gte(disclosureDueItems.dueOn, from),
        lte(disclosureDueItems.dueOn, to),
      ),
    )
    .orderBy(asc(disclosureDueItems.dueOn), asc(disclosureDueItems.id));
  const items = rows.map(({ d, typeName }) => ({
    id: d.id,
    orgId: d.orgId,
    itemTypeId: d.itemTypeId,
    itemTypeName: typeName,
    period: d.period,
    matter: d.matter,
    decidedOn: d.decidedOn,
    dueOn: d.dueOn,
    publishedOn: d.publishedOn,
    disclosureId: d.disclosureId,
    escalatedOn: d.escalatedOn,
    state: dueState(d.dueOn, d.publishedOn, today),
  }));
  const n = (s: string) => items.filter((i) => i.state === s).length;
  return {
    orgId: unit.id,
    orgName: unit.name,
    items,
    counts: { due: n('due'), onTime: n('on_time'), late: n('late'), overdue: n('overdue') },
  };
}
