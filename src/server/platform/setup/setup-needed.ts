import { sql } from 'drizzle-orm';
import type { Queryable } from '../db/client.js';
import { rowsOf } from '../db/rows.js';

/** First-run setup is open while the system has no user account at all. */
export async function setupNeeded(db: Queryable): Promise<boolean> {
  const rows = rowsOf<{ any: boolean }>(await db.execute(sql`select exists(select 1 from users) as any`));
  return !rows[0]?.any;
}
