import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import type { Db } from './client.js';
import {
  healthStale,
  lagOf,
  type ReadDecision,
  type ReadReason,
  type ReplicaHealth,
  type ReplicaPolicy,
} from './read-routing.js';
import * as schema from './schema.js';
import { assertOutsideTransaction, runMarked } from './tx-guard.js';

export interface ReplicaOptions {
  url: string;
  policy: ReplicaPolicy;
  poolSize?: number;
  /** A replica that does not accept a connection this fast is taken as down (default 1 s). */
  connectTimeoutMs?: number;
  /** Tests: a write reaching the replica handle is a programming error, thrown instead of re-run on the primary. */
  strict?: boolean;
  /** Told of each query that fell back to the primary (the server logs it). */
  onFallback?: (err: unknown) => void;
}

/** A write sent to a hot standby: "cannot execute … in a read-only transaction". */
const READ_ONLY_SQL_TRANSACTION = '25006';

export class ReplicaWriteAttempt extends Error {
  constructor(cause: unknown) {
    super(`a write reached the read replica's handle: use ctx.db for it (${(cause as Error)?.message})`);
    this.name = 'ReplicaWriteAttempt';
  }
}

/**
 * The streaming replica behind DATABASE_REPLICA_URL: its own pool with a short connect timeout, a
 * Drizzle handle over it whose every failed query is run again on the primary (a replica that goes
 * down mid-request costs a retry, never an error) and whose transactions open on the primary, and
 * the cached health the routing reads (`read-routing.ts`).
 */
export class ReadReplica {
  readonly db: Db;
  readonly policy: ReplicaPolicy;
  health: ReplicaHealth = { state: 'unknown', lagMs: null, checkedAt: null };
  /** Queries answered by the replica, and queries that failed there and were answered by the primary. */
  readonly counts = { replicaQueries: 0, fallbackQueries: 0 };
  /** Routing decisions by reason, for tests and monitoring. */
  readonly decisions: Partial<Record<ReadReason, number>> = {};
  private readonly pool: pg.Pool;
  private checking?: Promise<void>;
  private lastNow = 0;

  constructor(
    private readonly primary: pg.Pool,
    private readonly primaryDb: Db,
    private readonly opts: ReplicaOptions,
  ) {
    this.policy = opts.policy;
    this.pool = new pg.Pool({
      connectionString: opts.url,
      max: opts.poolSize ?? 10,
      connectionTimeoutMillis: opts.connectTimeoutMs ?? 1_000,
      idleTimeoutMillis: 10_000,
    });
    this.pool.on('error', () => {}); // an idle client dropped by the server; the pool replaces it
    this.db = drizzlePg(this.client(), { schema }) as unknown as Db;
    this.readOnlyTransactions();
  }

  /** Renews the finding when it is older than one check period (one check at a time); never throws. */
  async ensureFresh(now: Date): Promise<ReplicaHealth> {
    this.lastNow = Math.max(this.lastNow, now.getTime());
    if (healthStale(this.health, now, this.policy)) {
      this.checking ??= this.check(now).finally(() => {
        this.checking = undefined;
      });
      await this.checking;
    }
    return this.health;
  }

  /** Counts a routing decision. */
  noteDecision(d: ReadDecision): void {
    this.decisions[d.reason] = (this.decisions[d.reason] ?? 0) + 1;
  }

  /** One check: the primary's WAL position, then how much of it the replica has replayed. */
  async check(now: Date): Promise<void> {
    try {
      const p = await this.primary.query<{ lsn: string }>('select pg_current_wal_lsn()::text as lsn');
      const r = await this.pool.query<{ rec: boolean; lsn: string | null; age: number | null }>({
        text: `select pg_is_in_recovery() as rec, pg_last_wal_replay_lsn()::text as lsn,
                      (extract(epoch from now() - pg_last_xact_replay_timestamp()) * 1000)::float8 as age`,
        query_timeout: this.opts.connectTimeoutMs ?? 1_000,
      } as pg.QueryConfig);
      const row = r.rows[0];
      const found = lagOf({
        primaryLsn: p.rows[0].lsn,
        inRecovery: row.rec,
        replayLsn: row.lsn,
        replayAgeMs: row.age === null ? null : Number(row.age),
      });
      this.health = { ...found, checkedAt: now.getTime() };
    } catch {
      this.health = { state: 'down', lagMs: null, checkedAt: now.getTime() };
    }
  }

  private markDown(): void {
    this.health = { state: 'down', lagMs: null, checkedAt: this.lastNow };
  }

  /**
   * A transaction on this handle runs read only (a hot standby refuses writes anyway): the figures'
   * one-snapshot reads. Should the replica fail during it (connection lost, a recovery conflict
   * cancelling the query), the whole transaction runs again on the primary: it only read.
   */
  private readOnlyTransactions(): void {
    const open = this.db.transaction.bind(this.db);
    const strict = !!this.opts.strict;
    (this.db as { transaction: Db['transaction'] }).transaction = (async (fn, config) => {
      if (strict) assertOutsideTransaction('transaction');
      const onReplica = () => open(fn, { ...config, accessMode: 'read only' });
      try {
        return await (strict ? runMarked(onReplica) : onReplica());
      } catch (e) {
        if (!replicaUnwell(e)) throw e;
        this.markDown();
        this.counts.fallbackQueries++;
        this.opts.onFallback?.(e);
        return this.primaryDb.transaction(fn, config);
      }
    }) as Db['transaction'];
  }

  close(): Promise<void> {
    return this.pool.end();
  }

  /**
   * The pool as Drizzle sees it: `query` on the replica, re-run on the primary when it fails there;
   * `connect` (transactions) on the primary. The outer-handle guard applies as on the primary
   * (strict mode).
   */
  private client(): pg.Pool {
    const replica = this.pool;
    const primary = this.primary;
    const markDown = () => this.markDown();
    const query = async (...args: unknown[]) => {
      if (this.opts.strict) assertOutsideTransaction('query');
      try {
        const result = await (replica.query as (...a: unknown[]) => Promise<unknown>)(...args);
        this.counts.replicaQueries++;
        return result;
      } catch (e) {
        if ((e as { code?: string }).code === READ_ONLY_SQL_TRANSACTION && this.opts.strict)
          throw new ReplicaWriteAttempt(e);
        if (replicaUnwell(e)) this.markDown();
        this.counts.fallbackQueries++;
        this.opts.onFallback?.(e);
        return (primary.query as (...a: unknown[]) => Promise<unknown>)(...args);
      }
    };
    return new Proxy(replica, {
      get(target, prop) {
        if (prop === 'query') return query;
        // a transaction on this handle opens on the replica, or on the primary when the replica refuses
        if (prop === 'connect')
          return async () => {
            try {
              return await replica.connect();
            } catch {
              markDown();
              return primary.connect();
            }
          };
        const value = Reflect.get(target, prop, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  }
}

/**
 * A failure that says the replica is unwell rather than the query or the caller wrong: a Node
 * socket error (ECONNREFUSED, ETIMEDOUT …), the driver's lost or timed-out connection, or a SQLSTATE
 * of connection exceptions (08), operator intervention such as a shutdown (57), insufficient
 * resources (53), system errors (58, XX), or a query cancelled by a recovery conflict (40001).
 */
export function replicaUnwell(e: unknown): boolean {
  if (!(e instanceof Error) || e instanceof ReplicaWriteAttempt) return false;
  const code = (e as { code?: unknown }).code;
  if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code))
    return /^(08|57|53|58|XX)/.test(code) || code === '40001';
  if (typeof code === 'string') return /^E[A-Z]+$/.test(code);
  return /connection terminated|connection timeout|timeout exceeded|query read timeout|not queryable/i.test(
    e.message,
  );
}
