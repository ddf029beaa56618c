import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** PostgreSQL server; when absent the embedded PGlite database under dataDir is used. */
  databaseUrl?: string;
  /**
   * PostgreSQL as the tables' owner, for migrations and restore only. Set it to run the server as a
   * separate runtime role that may not alter, truncate or delete from the audit log (see
   * docs/decisions/audit-anchors.md); the migration step grants that role what it needs.
   */
  migrationDatabaseUrl?: string;
  /**
   * A streaming replica of `databaseUrl` that statistics, the dashboard, ledgers, exports and the
   * large lists may read (docs/decisions/read-replica.md); with its lag bound, its health-check
   * period, the sticky-primary window after a session's write and its connect timeout, in ms.
   */
  databaseReplicaUrl?: string;
  replicaMaxLagMs?: number;
  replicaCheckMs?: number;
  replicaStickyMs?: number;
  replicaConnectTimeoutMs?: number;
  /** Set behind HTTPS so cookies carry Secure. */
  secureCookies: boolean;
  /** 32-byte hex key for SM4 field encryption and HMAC-SM3; generated into dataDir when absent. */
  fieldKey?: string;
  /**
   * The address the public reaches the portal at (https://jiandu.example.gov.cn), for links printed
   * on paper such as the QR codes of 民主测评 slips; when absent, the address of the request.
   */
  publicUrl?: string;
  /** Bearer token a Prometheus scraper sends to `/api/metrics`; without it the route answers 404. */
  metricsToken?: string;
  /** Run the scheduler loop in this process. */
  scheduler: boolean;
  /** How long the in-memory rules and calendar are trusted before a reload (other instances' edits). */
  rulesRefreshMs?: number;
  calendarRefreshMs?: number;
  /**
   * How often the scheduler sweeps the portal's ended rate-limit and wrong-code windows (RATE_LIMIT_SWEEP_MS,
   * default 10 minutes), and how long a job run may stay 'running' before another tick takes it to
   * be abandoned by a crashed instance (JOB_STALE_MS, default 10 minutes), and how often the stored
   * 素质结构 a change marked stale is built again (STRUCTURE_REFRESH_MS, default 1 minute). At least a
   * second each.
   */
  rateLimitSweepMs?: number;
  structureRefreshMs?: number;
  jobStaleMs?: number;
  /**
   * How long a read reuses its session's row (SESSION_CACHE_MS: 0 turns it off; at most 5,000):
   * the bound within which another instance's logout, disabling or role change reaches this one.
   */
  sessionCacheMs?: number;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    dataDir: path.resolve(env.DATA_DIR ?? './data'),
    databaseUrl: env.DATABASE_URL || undefined,
    migrationDatabaseUrl: env.MIGRATION_DATABASE_URL || undefined,
    databaseReplicaUrl: env.DATABASE_REPLICA_URL || undefined,
    replicaMaxLagMs: positive(env.REPLICA_MAX_LAG_MS),
    replicaCheckMs: positive(env.REPLICA_CHECK_MS),
    replicaStickyMs: positive(env.REPLICA_STICKY_MS),
    replicaConnectTimeoutMs: positive(env.REPLICA_CONNECT_TIMEOUT_MS),
    secureCookies: env.SECURE_COOKIES === '1' || env.SECURE_COOKIES === 'true',
    fieldKey: env.FIELD_KEY || undefined,
    publicUrl: env.PUBLIC_URL || undefined,
    metricsToken: env.METRICS_TOKEN || undefined,
    scheduler: env.SCHEDULER !== '0',
    rulesRefreshMs: positive(env.RULES_REFRESH_MS),
    calendarRefreshMs: positive(env.CALENDAR_REFRESH_MS),
    rateLimitSweepMs: seconds('RATE_LIMIT_SWEEP_MS', env.RATE_LIMIT_SWEEP_MS),
    jobStaleMs: seconds('JOB_STALE_MS', env.JOB_STALE_MS),
    structureRefreshMs: seconds('STRUCTURE_REFRESH_MS', env.STRUCTURE_REFRESH_MS),
    sessionCacheMs: sessionCacheMs(env.SESSION_CACHE_MS),
  };
}

function positive(v: string | undefined): number | undefined {
  const n = Number(v);
  return v && Number.isFinite(n) && n > 0 ? n : undefined;
}

/** An interval of at least a second, in whole milliseconds; a wrong value stops the start, named. */
function seconds(name: string, v: string | undefined): number | undefined {
  if (v === undefined || v.trim() === '') return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1000)
    throw new Error(`${name} must be a whole number of milliseconds, at least 1000`);
  return n;
}

function sessionCacheMs(v: string | undefined): number | undefined {
  if (v === undefined || v.trim() === '') return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0)
    throw new Error('SESSION_CACHE_MS must be a whole number of milliseconds');
  return Math.min(n, 5_000);
}
