import type { Config } from '../config.js';
import type { SessionCache } from './auth/session-cache.js';
import type { CacheSet } from './caches.js';
import type { CalendarService } from './calendar/service.js';
import type { FieldCrypto } from './crypto/field-crypto.js';
import type { Database, Db } from './db/client.js';
import type { RulesService } from './rules/service.js';
import type { Senders } from './todos/senders.js';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** Everything a use case may need, built once per process and passed in explicitly. */
export interface AppContext {
  config: Config;
  database: Database;
  db: Db;
  clock: Clock;
  calendar: CalendarService;
  rules: RulesService;
  /** The in-memory copies above; `refreshStale()` runs only where no transaction is open. */
  caches: CacheSet;
  /** Session rows reused by reads for a couple of seconds (see SessionCache). */
  sessions: SessionCache;
  senders: Senders;
  crypto: FieldCrypto;
  /** Identifies this process among several server instances (jobs, logs). */
  instanceId: string;
}
