import { and, eq, isNull, lt } from 'drizzle-orm';
import { chinaDate } from '../../../domain/calendar.js';
import type { AppContext } from '../../platform/context.js';
import { createTodo } from '../../platform/todos/create-todo.js';
import { loadUnit, townshipOf } from './access.js';
import { OVERDUE_TODO } from './audit-labels.js';
import { disclosureDueItems, disclosureItemTypes } from './schema.js';

/**
 * A due item still unpublished after its deadline is overdue: it escalates once to its township (a
 * 督办 to-do for the party secretary, or the organisation officer), stamped `escalated_on`.
 * Idempotent: a second run or instance adds nothing. Returns how many escalated.
 */
export async function sweepOverdueDisclosures(ctx: AppContext): Promise<number> {
  const today = chinaDate(ctx.clock.now());
  const late = and(
    isNull(disclosureDueItems.publishedOn),
    lt(disclosureDueItems.dueOn, today),
    isNull(disclosureDueItems.escalatedOn),
  );
  let n = 0;
  for (const { id } of await ctx.db
    .select({ id: disclosureDueItems.id })
    .from(disclosureDueItems)
    .where(late)
    .limit(500))
    n += await ctx.db.transaction(async (tx) => {
      const [d] = await tx
        .select({ d: disclosureDueItems, typeName: disclosureItemTypes.name })
        .from(disclosureDueItems)
        .innerJoin(disclosureItemTypes, eq(disclosureItemTypes.id, disclosureDueItems.itemTypeId))
        .where(and(eq(disclosureDueItems.id, id), late))
        .for('update', { of: disclosureDueItems });
      if (!d) return 0;
      await tx.update(disclosureDueItems).set({ escalatedOn: today }).where(eq(disclosureDueItems.id, id));
      const unit = await loadUnit(tx, d.d.orgId);
      const township = unit ? await townshipOf(tx, unit) : null;
      const orgId = township?.id ?? d.d.orgId;
      const what = d.d.period ? `${d.d.period} ${d.typeName}` : `${d.typeName}：${d.d.matter ?? ''}`;
      await createTodo(tx, ctx.clock, {
        title: `督办：${unit?.name ?? ''}逾期未公开${what}（期限 ${d.d.dueOn}）`,
        recordType: OVERDUE_TODO,
        recordId: id,
        link: `/openness/calendar/${d.d.orgId}`,
        orgId,
        assigneeRole: 'party_secretary',
        kind: 'personal',
        fallback: { orgId, assigneeRole: 'org_officer' },
      });
      return 1;
    });
  return n;
}
