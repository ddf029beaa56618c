import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { chinaDate } from '../../../domain/calendar.js';
import {
  isPeriodic,
  matterDeadline,
  periodDeadline,
  periodOf,
  periodSpan,
  previousPeriod,
  type Timing,
} from '../../../domain/openness/timing.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/client.js';
import { orgs } from '../../platform/orgs/schema.js';
import { createTodo } from '../../platform/todos/create-todo.js';
import { type ItemTypeRow, LEVEL_OF_KIND, typesForUnit, type Unit } from './access.js';
import { DUE_TODO } from './audit-labels.js';
import { disclosureDueItems, disclosureItemTypes } from './schema.js';

export type DueItemRow = typeof disclosureDueItems.$inferSelect;

/** The deadline of one period of a periodic type, from the rule in force on the period's last day. */
export async function periodDueOn(ctx: AppContext, type: ItemTypeRow, period: string): Promise<string> {
  const day = await ctx.rules.value<number>(
    type.ruleKey ?? 'disclosure.period_deadline_day',
    periodSpan(period).to,
  );
  return periodDeadline(period, day);
}

/** The deadline of a matter decided on `decidedOn`, from the rule in force that day and the working-day calendar. */
export async function matterDueOn(ctx: AppContext, type: ItemTypeRow, decidedOn: string): Promise<string> {
  const n = await ctx.rules.value<number>(type.ruleKey!, decidedOn);
  return matterDeadline(
    type.timing as 'within_days' | 'within_working_days',
    decidedOn,
    n,
    await ctx.calendar.current(),
  );
}

/** A new due item's to-do: the unit's head must publish it by its deadline. */
export async function dueTodo(
  db: Queryable,
  ctx: AppContext,
  unit: Unit,
  type: ItemTypeRow,
  item: DueItemRow,
) {
  const what = item.period ? `${item.period} ${type.name}` : `${type.name}：${item.matter ?? ''}`;
  await createTodo(db, ctx.clock, {
    title: `公开${what}（${unit.name}）`,
    recordType: DUE_TODO,
    recordId: item.id,
    link: `/openness/calendar/${unit.id}`,
    orgId: unit.id,
    assigneeRole: 'unit_head',
    dueOn: item.dueOn,
    fallback: { orgId: unit.id, assigneeRole: 'org_officer' },
  });
}

/**
 * The due item of a unit's periodic type for a period: found, or written now (with its head's
 * to-do). Returns the row and whether it was written.
 */
export async function ensurePeriodItem(
  db: Queryable,
  ctx: AppContext,
  unit: Unit,
  type: ItemTypeRow,
  period: string,
): Promise<DueItemRow> {
  const dueOn = await periodDueOn(ctx, type, period);
  const [added] = await db
    .insert(disclosureDueItems)
    .values({ orgId: unit.id, itemTypeId: type.id, period, dueOn, createdAt: ctx.clock.now() })
    .onConflictDoNothing()
    .returning();
  if (added) {
    await dueTodo(db, ctx, unit, type, added);
    return added;
  }
  const [row] = await db
    .select()
    .from(disclosureDueItems)
    .where(
      and(
        eq(disclosureDueItems.orgId, unit.id),
        eq(disclosureDueItems.itemTypeId, type.id),
        eq(disclosureDueItems.period, period),
      ),
    );
  return row;
}

/**
 * Each unit owes, for every periodic type of its catalogue, the period that ended last (from the
 * day it ends until its deadline, then overdue). Written by the hourly job and when a
 * unit is created (`dueItemsOfUnit`); idempotent. `unitIds`: only these units. Returns how many were written.
 */
export async function scheduleDueItems(ctx: AppContext, unitIds?: number[]): Promise<number> {
  const units = await ctx.db
    .select({ id: orgs.id, name: orgs.name, kind: orgs.kind, path: orgs.path })
    .from(orgs)
    .where(
      and(
        isNull(orgs.deletedAt),
        inArray(orgs.kind, Object.keys(LEVEL_OF_KIND)),
        unitIds ? inArray(orgs.id, unitIds.length ? unitIds : [0]) : undefined,
      ),
    );
  let n = 0;
  for (const unit of units) n += await ctx.db.transaction((tx) => dueItemsOfUnit(tx, ctx, unit));
  return n;
}

/**
 * One unit's due items for the period that ended last, of every active periodic type of its
 * catalogue (idempotent): for the hourly job, and in the transaction that creates a unit, so a new
 * unit's calendar and its head's to-dos are there at once. Returns how many were written.
 */
export async function dueItemsOfUnit(db: Queryable, ctx: AppContext, unit: Unit): Promise<number> {
  if (!LEVEL_OF_KIND[unit.kind]) return 0;
  const today = chinaDate(ctx.clock.now());
  const types = await db
    .select()
    .from(disclosureItemTypes)
    .where(and(typesForUnit(unit), eq(disclosureItemTypes.active, true)));
  const owed = types
    .filter((type) => isPeriodic(type.timing as Timing))
    .map((type) => ({
      type,
      period: previousPeriod(periodOf(type.timing as 'monthly' | 'quarterly', today)),
    }));
  if (!owed.length) return 0;
  // what the unit already has of those periods, in one read (the hourly job asks every unit)
  const had = new Set(
    (
      await db
        .select({ typeId: disclosureDueItems.itemTypeId, period: disclosureDueItems.period })
        .from(disclosureDueItems)
        .where(
          and(
            eq(disclosureDueItems.orgId, unit.id),
            inArray(
              disclosureDueItems.period,
              owed.map((o) => o.period),
            ),
          ),
        )
    ).map((r) => `${r.typeId}|${r.period}`),
  );
  let n = 0;
  for (const { type, period } of owed) {
    if (had.has(`${type.id}|${period}`)) continue;
    await ensurePeriodItem(db, ctx, unit, type, period);
    n++;
  }
  return n;
}

/** Counts, for the figures, and a unit's calendar: due items in [from, to] of the units given. */
export const dueBetween = (from: string, to: string) =>
  sql`${disclosureDueItems.dueOn} between ${from} and ${to}`;
