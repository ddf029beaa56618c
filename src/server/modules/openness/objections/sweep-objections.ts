import { and, eq, isNull, lt } from 'drizzle-orm';
import { chinaDate } from '../../../../domain/calendar.js';
import type { AppContext } from '../../../platform/context.js';
import { createTodo } from '../../../platform/todos/create-todo.js';
import { loadUnit, townshipOf } from '../access.js';
import { disclosures } from '../schema.js';
import { OBJECTION_OVERDUE_TODO } from './labels.js';
import { disclosureObjections as o } from './schema.js';

/**
 * An objection unanswered after its deadline escalates once to the township: a 督办 to-do for the
 * party secretary (or the organisation officer), stamped `escalated_on`. Idempotent. Returns how many.
 */
export async function sweepOverdueObjections(ctx: AppContext): Promise<number> {
  const today = chinaDate(ctx.clock.now());
  const late = and(isNull(o.answeredOn), lt(o.dueOn, today), isNull(o.escalatedOn));
  let n = 0;
  for (const { id } of await ctx.db.select({ id: o.id }).from(o).where(late).limit(500))
    n += await ctx.db.transaction(async (tx) => {
      const [row] = await tx
        .select({ o, title: disclosures.title })
        .from(o)
        .innerJoin(disclosures, eq(disclosures.id, o.disclosureId))
        .where(and(eq(o.id, id), late))
        .for('update', { of: o });
      if (!row) return 0;
      await tx.update(o).set({ escalatedOn: today }).where(eq(o.id, id));
      const unit = await loadUnit(tx, row.o.orgId);
      const township = unit ? await townshipOf(tx, unit) : null;
      const orgId = township?.id ?? row.o.orgId;
      await createTodo(tx, ctx.clock, {
        title: `督办：${unit?.name ?? ''}逾期未答复村民对「${row.title}」的异议（期限 ${row.o.dueOn}）`,
        recordType: OBJECTION_OVERDUE_TODO,
        recordId: id,
        link: '/openness/objections',
        orgId,
        assigneeRole: 'party_secretary',
        kind: 'personal',
        fallback: { orgId, assigneeRole: 'org_officer' },
      });
      return 1;
    });
  return n;
}
