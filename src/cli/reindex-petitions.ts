import { reindexPetitionSearch } from '../server/modules/petitions/search/reindex-search.js';
import type { Queryable } from '../server/platform/db/client.js';

/** `jiandu reindex-petitions`: recomputes every petition's full-text search tokens, in batches. */
export async function reindexPetitionsCommand(db: Queryable): Promise<string[]> {
  const started = Date.now();
  const { rows, changed } = await reindexPetitionSearch(db);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  return [`已检查 ${rows} 件信访件的检索词，更新 ${changed} 件，用时 ${seconds} 秒`];
}
