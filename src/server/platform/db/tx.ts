import type { Queryable, Tx } from './client.js';

/** Runs `fn` in one transaction: everything it writes, with its audit record, commits or none of it does. */
export function inTransaction<T>(db: Queryable, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(fn as any) as Promise<T>;
}
