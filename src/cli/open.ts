import { type Config, loadConfig } from '../server/config.js';
import { openContext } from '../server/platform/bootstrap.js';
import type { AppContext } from '../server/platform/context.js';
import { type Database, openDatabase } from '../server/platform/db/client.js';
import { lockDataDir } from '../server/platform/db/data-lock.js';

/** Locks the embedded data folder (PostgreSQL needs no lock), so a command never opens a database a running server holds. */
function lockFor(config: Config): () => void {
  return config.databaseUrl ? () => {} : lockDataDir(config.dataDir);
}

/**
 * Opens the system for a command. On the embedded database the data folder is locked first, so a
 * command never opens a database that a running server holds; it says so and stops instead.
 */
export async function openForCommand(
  config: Config = loadConfig(),
): Promise<{ ctx: AppContext; close(): Promise<void> }> {
  const release = lockFor(config);
  try {
    const ctx = await openContext({ config });
    return {
      ctx,
      close: async () => {
        await ctx.database.close();
        release();
      },
    };
  } catch (e) {
    release();
    throw e;
  }
}

/**
 * Opens only the database, as it is: no migration, no reference data. For commands that must not
 * change what they read (backup, verify-audit) or that need an empty database (restore, which
 * connects as the owner: MIGRATION_DATABASE_URL when set).
 */
export async function openDatabaseForCommand(
  config: Config = loadConfig(),
  opts: { asOwner?: boolean } = {},
): Promise<{ database: Database; close(): Promise<void> }> {
  const release = lockFor(config);
  try {
    const database = await openDatabase({
      // restore disables the audit log's triggers while it loads: only the tables' owner may
      databaseUrl: (opts.asOwner && config.migrationDatabaseUrl) || config.databaseUrl,
      dataDir: config.dataDir,
      poolSize: 2,
    });
    return {
      database,
      close: async () => {
        await database.close();
        release();
      },
    };
  } catch (e) {
    release();
    throw e;
  }
}
