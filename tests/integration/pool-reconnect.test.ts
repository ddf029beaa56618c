import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, ReleasingPool } from '../../src/server/platform/db/client.js';
import { rowsOf } from '../../src/server/platform/db/rows.js';
import { storageUnavailable } from '../../src/server/platform/http/unavailable.js';
import { freshDatabase } from '../support/test-app.js';

/**
 * PostgreSQL terminates the backend of a transaction between two of its statements (an operator's
 * pg_terminate_backend, a failover): the server process lives on, the transaction fails as a cut
 * connection (503 at the edge), and the pool's next query runs on a new connection. Without a
 * listener on the checked-out client, node-postgres' 'error' event ends the process.
 */
const base = process.env.TEST_DATABASE_URL;
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

describe.skipIf(!base)('a backend terminated mid-transaction', () => {
  it('fails that transaction as a cut connection, and the pool reconnects', async () => {
    const fresh = await freshDatabase();
    cleanups.push(fresh.drop);
    const database = await openDatabase({ databaseUrl: fresh.databaseUrl, poolSize: 2 });
    cleanups.push(() => database.close());
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    cleanups.push(() => admin.end());

    const failure = await database.db
      .transaction(async (tx) => {
        const [{ pid }] = rowsOf<{ pid: number }>(await tx.execute(sql`select pg_backend_pid() as pid`));
        await admin.query('select pg_terminate_backend($1)', [pid]);
        // the backend is gone; its FATAL message reaches the client while no statement runs
        for (;;) {
          const { rowCount } = await admin.query('select 1 from pg_stat_activity where pid = $1', [pid]);
          if (!rowCount) break;
        }
        await new Promise((r) => setImmediate(r));
        await tx.execute(sql`select 1`);
      })
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(failure).not.toBeNull();
    expect(storageUnavailable(failure)?.code).toBe('database_unavailable');
    const [{ one }] = rowsOf<{ one: number }>(await database.db.execute(sql`select 1 as one`));
    expect(one).toBe(1);
  });

  it('gives the slot of a client cut while checked out back to the pool (no hang once every slot was cut)', async () => {
    const fresh = await freshDatabase();
    cleanups.push(fresh.drop);
    const pool = new ReleasingPool({ connectionString: fresh.databaseUrl, max: 1 });
    pool.on('error', () => {});
    cleanups.push(() => pool.end());
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    cleanups.push(() => admin.end());
    // a holder that never gets to release it (drizzle's `begin` failing before its try/finally)
    const held = await pool.connect();
    const [{ pid }] = (await held.query('select pg_backend_pid() as pid')).rows;
    await admin.query('select pg_terminate_backend($1)', [pid]);
    for (;;) {
      const { rowCount } = await admin.query('select 1 from pg_stat_activity where pid = $1', [pid]);
      if (!rowCount) break;
    }
    await new Promise((r) => setImmediate(r));
    // the only slot is free again: this query gets a new connection instead of waiting for ever
    const { rows } = await pool.query('select 1 as one');
    expect(rows[0].one).toBe(1);
    held.release(); // the holder's late release does nothing
    expect(pool.totalCount).toBeLessThanOrEqual(1);
  });
});
