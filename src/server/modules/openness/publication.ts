import { and, desc, eq, isNotNull, like, sql } from 'drizzle-orm';
import type { FinanceTable } from '../../../domain/openness/finance-table.js';
import { indexNumber } from '../../../domain/openness/review.js';
import { searchTokens } from '../../../domain/search-tokens.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/client.js';
import { orgs } from '../../platform/orgs/schema.js';
import { completeTodos } from '../../platform/todos/close-todos.js';
import type { DisclosureRow, Unit } from './access.js';
import { DUE_TODO, OVERDUE_TODO } from './audit-labels.js';
import { ensurePeriodItem } from './due-items.js';
import { disclosureDueItems, disclosureItemTypes, disclosures, disclosureVersions } from './schema.js';

/** The next 索引号 of a unit in the year of issue; the unit's row is locked so two publications do not take one number. */
async function nextIndexNo(tx: Queryable, orgId: number, issuedOn: string): Promise<string> {
  await tx.select({ id: orgs.id }).from(orgs).where(eq(orgs.id, orgId)).for('update');
  const prefix = indexNumber(orgId, issuedOn, 0).slice(0, -5);
  const [{ n }] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(disclosures)
    .where(and(isNotNull(disclosures.indexNo), like(disclosures.indexNo, `${prefix}%`)));
  return indexNumber(orgId, issuedOn, n + 1);
}

/** What publication sets: 发文日期 (kept if given), the day published, the 索引号 and the portal's search tokens. */
export async function publicationFields(tx: Queryable, row: DisclosureRow, today: string) {
  const issuedOn = row.issuedOn ?? today;
  return {
    issuedOn,
    publishedOn: today,
    indexNo: row.indexNo ?? (await nextIndexNo(tx, row.orgId, issuedOn)),
    searchTokens: searchTokens(row.title, row.body),
  };
}

/**
 * After publication: version 1 of the published text, and the unit's due item this publication
 * answers (the period's, written now if the schedule has not yet, or the matter's) marked published
 * with its to-dos closed.
 */
export async function afterPublication(
  tx: Queryable,
  ctx: AppContext,
  unit: Unit,
  row: DisclosureRow,
  userId: number | null,
  today: string,
) {
  await tx.insert(disclosureVersions).values({
    disclosureId: row.id,
    no: 1,
    title: row.title,
    body: row.body,
    finance: row.finance,
    userId,
    at: ctx.clock.now(),
  });
  let dueId = row.dueItemId;
  if (!dueId && row.period) {
    const [type] = await tx
      .select()
      .from(disclosureItemTypes)
      .where(eq(disclosureItemTypes.id, row.itemTypeId));
    dueId = (await ensurePeriodItem(tx, ctx, unit, type, row.period)).id;
  }
  if (!dueId) return;
  await tx
    .update(disclosureDueItems)
    .set({ disclosureId: row.id, publishedOn: today })
    .where(and(eq(disclosureDueItems.id, dueId), sql`${disclosureDueItems.publishedOn} is null`));
  await completeTodos(tx, ctx.clock, { recordType: DUE_TODO, recordId: dueId });
  await completeTodos(tx, ctx.clock, { recordType: OVERDUE_TODO, recordId: dueId });
}

/** A published item's text as a version holds it. */
export type PublishedText = { title: string; body: string; finance: FinanceTable | null };

/**
 * A new version of a published item made public: its text replaces the published one (and its
 * search tokens), and a `disclosure_versions` row keeps it with who, when and why, so the diff
 * against the one before is visible. Returns the version's number, or null when the row changed
 * under the caller (stale `version`).
 */
export async function publishVersion(
  tx: Queryable,
  ctx: AppContext,
  row: DisclosureRow,
  next: PublishedText,
  v: {
    note: string;
    userId: number | null;
    rowVersion: number;
    extra?: Partial<typeof disclosures.$inferInsert>;
  },
): Promise<number | null> {
  const [last] = await tx
    .select({ no: disclosureVersions.no })
    .from(disclosureVersions)
    .where(eq(disclosureVersions.disclosureId, row.id))
    .orderBy(desc(disclosureVersions.no))
    .limit(1);
  const [saved] = await tx
    .update(disclosures)
    .set({
      ...next,
      // the portal's search finds the item by its words as revised
      searchTokens: searchTokens(next.title, next.body),
      version: v.rowVersion + 1,
      updatedAt: ctx.clock.now(),
      ...v.extra,
    })
    .where(and(eq(disclosures.id, row.id), eq(disclosures.version, v.rowVersion)))
    .returning({ id: disclosures.id });
  if (!saved) return null;
  if (!last)
    // published before versions were kept: the text as it was is version 1
    await tx.insert(disclosureVersions).values({
      disclosureId: row.id,
      no: 1,
      title: row.title,
      body: row.body,
      finance: row.finance,
      at: row.updatedAt,
    });
  const no = (last?.no ?? 1) + 1;
  await tx
    .insert(disclosureVersions)
    .values({ disclosureId: row.id, no, ...next, note: v.note, userId: v.userId, at: ctx.clock.now() });
  return no;
}
