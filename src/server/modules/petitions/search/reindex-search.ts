import { asc, gt, inArray, sql } from 'drizzle-orm';
import { petitionSearchTokens } from '../../../../domain/petition-code.js';
import type { Queryable } from '../../../platform/db/client.js';
import { petitionSubjects, petitions } from '../schema.js';

const BATCH = 1000;
const arrayLiteral = (items: string[]) =>
  `{${items.map((s) => `"${s.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`;
const sameSet = (a: string[], b: string[]) =>
  a.length === b.length && new Set([...a, ...b]).size === a.length;

/**
 * Recomputes petitions.search_tokens (petitionSearchTokens: title, content, reply, number and the
 * named cadres) of every petition, a batch at a time in id order, writing only the rows whose tokens
 * changed (after a change of the tokenizer, or rows written without them). On PostgreSQL it may run
 * while the system is in use.
 */
export async function reindexPetitionSearch(
  db: Queryable,
  onBatch?: (done: number) => void,
): Promise<{ rows: number; changed: number }> {
  let cursor = 0;
  let rows = 0;
  let changed = 0;
  for (;;) {
    const batch = await db
      .select({
        id: petitions.id,
        code: petitions.code,
        title: petitions.title,
        content: petitions.content,
        reply: petitions.reply,
        tokens: petitions.searchTokens,
      })
      .from(petitions)
      .where(gt(petitions.id, cursor))
      .orderBy(asc(petitions.id))
      .limit(BATCH);
    if (!batch.length) break;
    const names = new Map<number, string[]>();
    const subjects = await db
      .select({ petitionId: petitionSubjects.petitionId, name: petitionSubjects.name })
      .from(petitionSubjects)
      .where(
        inArray(
          petitionSubjects.petitionId,
          batch.map((p) => p.id),
        ),
      );
    for (const s of subjects) names.set(s.petitionId, [...(names.get(s.petitionId) ?? []), s.name]);
    const stale = batch
      .map((p) => ({ id: p.id, tokens: petitionSearchTokens(p, names.get(p.id) ?? []), old: p.tokens ?? [] }))
      .filter((p) => !sameSet(p.tokens, p.old));
    if (stale.length) {
      const values = sql.join(
        stale.map((p) => sql`(${p.id}::bigint, ${arrayLiteral(p.tokens)}::text[])`),
        sql`, `,
      );
      await db.execute(
        sql`update ${petitions} set search_tokens = v.tokens from (values ${values}) as v(id, tokens) where ${petitions.id} = v.id`,
      );
    }
    rows += batch.length;
    changed += stale.length;
    cursor = batch[batch.length - 1].id;
    onBatch?.(rows);
    if (batch.length < BATCH) break;
  }
  return { rows, changed };
}
