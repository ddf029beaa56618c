import path from 'node:path';
import { sql } from 'drizzle-orm';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { projectRoot } from '../paths.js';
import type { Database } from './client.js';
import { rowsOf } from './rows.js';

export const migrationsFolder = path.join(projectRoot, 'migrations');

/** Applies every committed migration not yet applied. Safe to run at every start. */
export async function migrate(database: Database): Promise<void> {
  if (database.kind === 'pglite') await migratePglite(database.db as any, { migrationsFolder });
  else await migratePg(database.db as any, { migrationsFolder });
}

/**
 * Runs `work` (migrations and reference data) while holding a PostgreSQL session lock, so that
 * several instances starting at once — a cluster's first start, a rolling upgrade — migrate one
 * after another; the later ones find everything applied. The lock is held on a connection of its
 * own and goes with it. The embedded database has one process: nothing to wait for.
 */
export async function underStartupLock<T>(database: Database, work: () => Promise<T>): Promise<T> {
  if (database.kind !== 'postgres' || !database.url) return work();
  const lock = new pg.Client({ connectionString: database.url });
  await lock.connect();
  try {
    await lock.query(`select pg_advisory_lock(hashtext('jiandu.startup'))`);
    return await work();
  } finally {
    await lock.end().catch(() => {});
  }
}

/** How many migrations the database has recorded as applied (drizzle's own table; 0 before the first). */
export async function appliedMigrationCount(database: Database): Promise<number> {
  const db = database.db as { execute(q: unknown): Promise<unknown> };
  const [exists] = rowsOf<{ t: string | null }>(
    await db.execute(sql`select to_regclass('drizzle.__drizzle_migrations')::text as t`),
  );
  if (!exists?.t) return 0;
  const [row] = rowsOf<{ n: string | number }>(
    await db.execute(sql`select count(*) as n from drizzle.__drizzle_migrations`),
  );
  return Number(row?.n ?? 0);
}
