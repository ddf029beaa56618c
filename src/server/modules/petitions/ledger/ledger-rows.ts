import { and, asc, eq, gt, inArray, or, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../../platform/db/client.js';
import { petitionDocuments, petitionSubjects, petitions } from '../schema.js';

export const LEDGER_BATCH = 500;
export type LedgerPetition = typeof petitions.$inferSelect;
export interface LedgerEntry {
  petition: LedgerPetition;
  subjects: { name: string; unitText: string | null }[];
  reports: { on: string; content: string }[];
  opinions: { on: string; content: string }[];
}
export type LedgerCursor = { receivedOn: string; id: number } | null;

/** The next batch of the ledger in receipt order (date, then id), with each case's cadres and documents. */
export async function ledgerBatch(db: Queryable, where: SQL, cursor: LedgerCursor): Promise<LedgerEntry[]> {
  const after = cursor
    ? or(
        gt(petitions.receivedOn, cursor.receivedOn),
        and(eq(petitions.receivedOn, cursor.receivedOn), gt(petitions.id, cursor.id)),
      )
    : undefined;
  const rows = await db
    .select()
    .from(petitions)
    .where(and(where, after))
    .orderBy(asc(petitions.receivedOn), asc(petitions.id))
    .limit(LEDGER_BATCH);
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const [subjects, documents] = await Promise.all([
    db
      .select({
        petitionId: petitionSubjects.petitionId,
        name: petitionSubjects.name,
        unitText: petitionSubjects.unitText,
      })
      .from(petitionSubjects)
      .where(inArray(petitionSubjects.petitionId, ids))
      .orderBy(asc(petitionSubjects.id)),
    db
      .select({
        petitionId: petitionDocuments.petitionId,
        kind: petitionDocuments.kind,
        on: petitionDocuments.occurredOn,
        content: petitionDocuments.content,
      })
      .from(petitionDocuments)
      .where(
        and(
          inArray(petitionDocuments.petitionId, ids),
          inArray(petitionDocuments.kind, ['report', 'opinion']),
        ),
      )
      .orderBy(asc(petitionDocuments.occurredOn), asc(petitionDocuments.id)),
  ]);
  const byId = new Map<number, LedgerEntry>(
    rows.map((petition) => [petition.id, { petition, subjects: [], reports: [], opinions: [] }]),
  );
  for (const s of subjects) byId.get(s.petitionId)?.subjects.push({ name: s.name, unitText: s.unitText });
  for (const d of documents) {
    const entry = byId.get(d.petitionId);
    (d.kind === 'report' ? entry?.reports : entry?.opinions)?.push({ on: d.on, content: d.content });
  }
  return [...byId.values()];
}
