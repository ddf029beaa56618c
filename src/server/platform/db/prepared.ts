import { fillPlaceholders, type SQL } from 'drizzle-orm';
import type { PgDialect, PgPreparedQuery, PreparedQueryConfig } from 'drizzle-orm/pg-core';
import type { Db } from './client.js';
import { isPglite, runNamedOnPglite } from './pglite-named.js';
import { rowsOf } from './rows.js';

/**
 * A hot statement built once per database handle and sent by name: its text never changes (the
 * values are `sql.placeholder`s filled on each run), so drizzle does not build it per request and
 * the database parses and plans it once per connection: node-postgres keeps a named statement per
 * client, through drizzle's own session so the pool's guards see every run; on the embedded database
 * PGlite's `query` would parse it every time, so it is run by name there (`pglite-named.ts`), in
 * a turn of the fair queue and behind the outer-handle guard. Outside transactions only: it runs on `db`.
 */
export function preparedStatement<Row>(name: string, build: () => SQL) {
  const byDb = new WeakMap<Db, PgPreparedQuery<PreparedQueryConfig>>();
  const textOf = new WeakMap<Db, { sql: string; params: unknown[] }>();
  return async (db: Db, values: Record<string, unknown>): Promise<Row[]> => {
    const client = (db as unknown as { $client: unknown }).$client;
    if (isPglite(client)) {
      let query = textOf.get(db);
      if (!query) {
        query = (db as unknown as { dialect: PgDialect }).dialect.sqlToQuery(build());
        textOf.set(db, query);
      }
      return runNamedOnPglite<Row>(client, name, query.sql, fillPlaceholders(query.params, values));
    }
    let q = byDb.get(db);
    if (!q) {
      const dialect = (db as unknown as { dialect: PgDialect }).dialect;
      q = db._.session.prepareQuery(dialect.sqlToQuery(build()), undefined, name, false);
      byDb.set(db, q);
    }
    return rowsOf<Row>(await q.execute(values));
  };
}
