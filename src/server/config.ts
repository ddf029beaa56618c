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
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    dataDir: path.resolve(env.DATA_DIR ?? './data'),
    databaseUrl: env.DATABASE_URL || undefined,
    migrationDatabaseUrl: env.MIGRATION_DATABASE_URL || undefined,
    secureCookies: env.SECURE_COOKIES === '1' || env.SECURE_COOKIES === 'true',
    fieldKey: env.FIELD_KEY || undefined,
    publicUrl: env.PUBLIC_URL || undefined,
    metricsToken: env.METRICS_TOKEN || undefined,
    scheduler: env.SCHEDULER !== '0',
    rulesRefreshMs: positive(env.RULES_REFRESH_MS),
    calendarRefreshMs: positive(env.CALENDAR_REFRESH_MS),
  };
}

function positive(v: string | undefined): number | undefined {
  const n = Number(v);
  return v && Number.isFinite(n) && n > 0 ? n : undefined;
}
