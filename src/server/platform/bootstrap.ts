import { randomUUID } from 'node:crypto';
import type { Config } from '../config.js';
import { SessionCache } from './auth/session-cache.js';
import { CacheSet } from './caches.js';
import { CalendarService } from './calendar/service.js';
import { type AppContext, type Clock, systemClock } from './context.js';
import { FieldCrypto } from './crypto/field-crypto.js';
import { settleFieldKey } from './crypto/key-check.js';
import { type Database, openDatabase } from './db/client.js';
import { migrate, underStartupLock } from './db/migrate.js';
import { replicaPolicy } from './db/read-routing.js';
import { currentRole, grantRuntimeRole } from './db/runtime-role.js';
import { RulesService } from './rules/service.js';
import { seedReferenceData } from './seed.js';
import { logSenders } from './todos/senders.js';

export interface OpenOptions {
  config: Config;
  clock?: Clock;
  /** An already-open database (tests pass an in-memory PGlite). */
  database?: Database;
  /** Run migrations and reference-data seeding (default true). */
  prepare?: boolean;
}

/** Opens the database, brings its schema and reference data up to date, and builds the context. */
export async function openContext(opts: OpenOptions): Promise<AppContext> {
  const database =
    opts.database ??
    (await openDatabase({
      databaseUrl: opts.config.databaseUrl,
      dataDir: opts.config.dataDir,
      replica: replicaOptions(opts.config),
    }));
  try {
    return await prepareContext(opts, database);
  } catch (e) {
    if (!opts.database) await database.close();
    throw e;
  }
}

async function prepareContext(opts: OpenOptions, database: Database): Promise<AppContext> {
  const clock = opts.clock ?? systemClock;
  // several instances starting together take turns (see underStartupLock): one migrates and
  // records the field key, the others find it done
  const fieldKey = await underStartupLock(database, async () => {
    if (opts.prepare !== false) {
      await migrateAsOwner(opts.config, database);
      await seedReferenceData(database.db, clock.now());
    }
    // before anything can seal a value: the key must be the database's own (or the database new)
    return settleFieldKey(database.db, {
      fieldKey: opts.config.fieldKey,
      dataDir: opts.config.dataDir,
      now: clock.now(),
    });
  });
  const now = () => clock.now();
  const rules = new RulesService(database.db, now, opts.config.rulesRefreshMs);
  const calendar = new CalendarService(database.db, now, opts.config.calendarRefreshMs);
  await rules.load();
  await calendar.load();
  return {
    config: opts.config,
    database,
    db: database.db,
    clock,
    rules,
    calendar,
    caches: new CacheSet([rules, calendar]),
    sessions: new SessionCache(opts.config.sessionCacheMs),
    senders: logSenders(database.db),
    crypto: new FieldCrypto(fieldKey),
    instanceId: randomUUID(),
  };
}

/**
 * Migrations run as the tables' owner: through MIGRATION_DATABASE_URL when it is set (the server
 * itself then runs as a runtime role, granted what it needs after every migration), else through
 * the server's own connection.
 */
async function migrateAsOwner(config: Config, database: Database): Promise<void> {
  if (database.kind !== 'postgres' || !config.migrationDatabaseUrl) return migrate(database);
  const owner = await openDatabase({ databaseUrl: config.migrationDatabaseUrl, poolSize: 1 });
  try {
    await migrate(owner);
    const runtime = await currentRole(database.db);
    if (runtime !== (await currentRole(owner.db))) await grantRuntimeRole(owner.db, runtime);
  } finally {
    await owner.close();
  }
}

/** The replica's options from the configuration, or undefined without DATABASE_REPLICA_URL. */
export function replicaOptions(config: Config) {
  if (!config.databaseReplicaUrl) return undefined;
  return {
    url: config.databaseReplicaUrl,
    policy: replicaPolicy({
      maxLagMs: config.replicaMaxLagMs,
      checkEveryMs: config.replicaCheckMs,
      stickyMs: config.replicaStickyMs,
    }),
    connectTimeoutMs: config.replicaConnectTimeoutMs,
  };
}
