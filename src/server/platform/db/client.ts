import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { btree_gin } from '@electric-sql/pglite/contrib/btree_gin';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { fairClient } from './fair-client.js';
import { ensurePrivateDir, restrictTree } from './private-files.js';
import type { ReplicaPolicy } from './read-routing.js';
import { ReadReplica } from './replica.js';
import * as schema from './schema.js';
import { assertOutsideTransaction, guardClient, runMarked, strictTxGuard } from './tx-guard.js';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything a query can run on: the database or an open transaction. */
export type Queryable = Db | Tx;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
  /** The PGlite instance (embedded only), for backup and tests. */
  pglite?: PGlite;
  /** The streaming replica read-only use cases may read (DATABASE_REPLICA_URL), through `readContext`. */
  replica?: ReadReplica;
  /** The connection string (PostgreSQL only), for a session of its own (the start-up lock). */
  url?: string;
  /**
   * A handle on one connection of its own (PostgreSQL only) for `/api/health`: a probe must not
   * queue behind the requests for the pool, or an instance under load reads as down and the proxy
   * takes it out just when it is needed.
   */
  health?: Db;
}

export interface DatabaseOptions {
  databaseUrl?: string;
  /** Folder of the embedded database; omit for an in-memory one (tests). */
  dataDir?: string;
  poolSize?: number;
  /** A dump of an embedded database (`dumpDataDir`) to start the in-memory one from (tests' demo snapshot). */
  loadDataDir?: Blob;
  /** Refuse outer-handle queries inside a transaction on PostgreSQL too (default: under the test runner). */
  strictTxGuard?: boolean;
  /** A streaming replica of `databaseUrl` (PostgreSQL only), and when it may be read. */
  replica?: {
    url: string;
    policy: ReplicaPolicy;
    connectTimeoutMs?: number;
    onFallback?: (err: unknown) => void;
  };
}

export async function openDatabase(opts: DatabaseOptions): Promise<Database> {
  if (opts.databaseUrl) {
    const pool = primaryPool(opts.databaseUrl, opts.poolSize ?? 10);
    const strict = opts.strictTxGuard ?? strictTxGuard();
    const db = drizzlePg(strict ? guardClient(pool, ['query']) : pool, { schema }) as unknown as Db;
    if (strict) markTransactions(db);
    const replica = opts.replica
      ? new ReadReplica(pool, db, { ...opts.replica, poolSize: opts.poolSize, strict })
      : undefined;
    const healthPool = primaryPool(opts.databaseUrl, 1);
    return {
      db,
      kind: 'postgres',
      url: opts.databaseUrl,
      replica,
      health: drizzlePg(healthPool, { schema }) as unknown as Db,
      close: async () => {
        await replica?.close();
        await pool.end();
        await healthPool.end();
      },
    };
  }
  if (opts.replica)
    throw new Error(
      'DATABASE_REPLICA_URL 只能与 PostgreSQL（DATABASE_URL）一起使用 / a read replica needs DATABASE_URL (PostgreSQL)',
    );
  let dir: string | undefined;
  if (opts.dataDir) {
    ensurePrivateDir(opts.dataDir);
    dir = path.join(opts.dataDir, 'pgdata');
    ensurePrivateDir(dir);
  }
  // btree_gin lets one GIN index hold a scalar column with an array (petitions: org + search tokens)
  const raw = await PGlite.create({
    ...(dir ? { dataDir: dir } : {}),
    ...(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {}),
    extensions: { btree_gin },
  });
  // one connection: an outer-handle query inside a transaction would wait for ever (see tx-guard.ts)
  // and one thread: every statement or transaction takes a turn that lets the event loop poll first
  const client = guardClient(fairClient(raw, ['query', 'exec', 'sql', 'transaction', 'runExclusive']), [
    'query',
    'exec',
    'sql',
    'dumpDataDir',
    'listen',
    'runExclusive',
  ]);
  // PGlite lays out a new database as 666 whatever the umask: only the server's account may read it
  if (dir) restrictTree(dir);
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  markTransactions(db);
  return { db, kind: 'pglite', pglite: client, close: () => raw.close() };
}

/** A pool on the primary whose dropped or cut connections never take the process down. */
function primaryPool(url: string, max: number): ReleasingPool {
  const pool = new ReleasingPool({ connectionString: url, max });
  pool.on('error', () => {}); // an idle client dropped by the server; the pool replaces it
  // A client cut while checked out (a terminated backend, a restarted server) between two
  // statements of a transaction emits 'error' with no listener of the pool's: without this the
  // process dies. Its next query fails (the request answers 503) and the pool drops it on release.
  pool.on('connect', (client) => {
    client.on('error', () => {});
  });
  return pool;
}

/**
 * A pool whose checked-out clients go back to it when their connection dies. drizzle's transaction
 * sends `begin` before its try/finally: a client cut between checkout and `begin` (a terminated
 * backend) was never released, and after a few such cuts every slot of the pool was taken and each
 * request waited for ever. Here a client whose connection ends or errs while checked out is released
 * at once (the pool destroys it), and the later release of its holder does nothing.
 */
export class ReleasingPool extends pg.Pool {
  // (pg's connect is overloaded: a callback, or a promise)
  override connect(...args: any[]): any {
    // the callback form is pg-pool's own pool.query, which always releases
    if (args.length) return (super.connect as (...a: unknown[]) => unknown)(...args);
    return super.connect().then((client) => {
      const release = client.release.bind(client);
      let released = false;
      const cut = (err?: Error) => client.release(err ?? new Error('connection ended'));
      client.on('end', cut as () => void);
      client.on('error', cut);
      client.release = ((err?: Error | boolean) => {
        if (released) return;
        released = true;
        client.removeListener('end', cut as () => void);
        client.removeListener('error', cut);
        release(err);
      }) as typeof client.release;
      return client;
    });
  }
}

/** Every transaction opened on the outer handle marks its async context, and may not itself be opened from a marked one. */
function markTransactions(db: Db): void {
  const open = db.transaction.bind(db);
  (db as { transaction: Db['transaction'] }).transaction = (async (fn, config) => {
    assertOutsideTransaction('transaction');
    return runMarked(() => open(fn, config));
  }) as Db['transaction'];
}
