import { readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { inArray } from 'drizzle-orm';
import { DAY_MS } from '../../../domain/todo-due.js';
import type { AppContext } from '../context.js';
import { fileKeyColumns } from './references.js';
import { filesRoot } from './store.js';

export { fileKeyColumns } from './references.js';

/** A stored file no row refers to is kept this long (an upload whose row is still being written). */
export const ORPHAN_GRACE_MS = DAY_MS;
const SHA = /^[0-9a-f]{64}$/;
const YY = /^\d{2}$/;
const BATCH = 500;

/**
 * Removes stored files that no row refers to and that are older than the grace period, and
 * temporary files left by an interrupted write: an upload refused after its files were written,
 * a transaction rolled back. Each candidate is looked up in every `storage_key` column, and its
 * age checked again just before it goes (a file kept again meanwhile was touched).
 */
export async function sweepOrphanFiles(
  ctx: Pick<AppContext, 'config' | 'clock' | 'db'>,
  graceMs = ORPHAN_GRACE_MS,
): Promise<string[]> {
  const root = filesRoot(ctx);
  const cutoff = ctx.clock.now().getTime() - graceMs;
  const old = async (p: string) => {
    const s = await stat(p).catch(() => null);
    return !!s && s.isFile() && s.mtimeMs < cutoff;
  };
  const years = await readdir(root).catch(() => [] as string[]);
  const candidates: string[] = [];
  const removed: string[] = [];
  for (const yy of years.filter((y) => YY.test(y))) {
    for (const name of await readdir(path.join(root, yy)).catch(() => [] as string[])) {
      const p = path.join(root, yy, name);
      if (SHA.test(name)) {
        if (await old(p)) candidates.push(`${yy}/${name}`);
      } else if (name.endsWith('.tmp') && (await old(p))) {
        await rm(p, { force: true });
        removed.push(`${yy}/${name}`);
      }
    }
  }
  const columns = fileKeyColumns();
  for (let i = 0; i < candidates.length; i += BATCH) {
    const batch = candidates.slice(i, i + BATCH);
    const referenced = new Set<string>();
    for (const { table, column } of columns) {
      const rows = await ctx.db.select({ key: column }).from(table).where(inArray(column, batch));
      for (const r of rows) referenced.add(r.key as string);
    }
    for (const key of batch) {
      if (referenced.has(key)) continue;
      const p = path.join(root, key);
      if (!(await old(p))) continue;
      await rm(p, { force: true });
      removed.push(key);
    }
  }
  return removed;
}
