import { randomUUID } from 'node:crypto';
import type { Config } from '../config.js';
import { CacheSet } from './caches.js';
import { CalendarService } from './calendar/service.js';
import { type AppContext, type Clock, systemClock } from './context.js';
import { FieldCrypto, loadFieldKey } from './crypto/field-crypto.js';
import { type Database, openDatabase } from './db/client.js';
import { migrate } from './db/migrate.js';
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
    (await openDatabase({ databaseUrl: opts.config.databaseUrl, dataDir: opts.config.dataDir }));
  const clock = opts.clock ?? systemClock;
  if (opts.prepare !== false) {
    await migrate(database);
    await seedReferenceData(database.db, clock.now());
  }
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
    senders: logSenders(database.db),
    crypto: new FieldCrypto(loadFieldKey(opts.config.fieldKey, opts.config.dataDir)),
    instanceId: randomUUID(),
  };
}
