import type { SQL } from 'drizzle-orm';
import type { PgDialect, PgPreparedQuery, PreparedQueryConfig } from 'drizzle-orm/pg-core';
import type { Db } from './client.js';
import { rowsOf } from './rows.js';

/**
 * A hot statement built once per database handle and sent by name: its text never changes (the
 * values are `sql.placeholder`s filled on each run), so drizzle does not build it per request and
 * PostgreSQL parses and plans it once per connection (node-postgres keeps a named statement per
 * client; PGlite runs it as before). Through drizzle's own session, so the pool's guards (the
 * transaction guard, PGlite's fair queue) see every run. Outside transactions only: it runs on `db`.
 */
export function preparedStatement<Row>(name: string, build: () => SQL) {
  const byDb = new WeakMap<Db, PgPreparedQuery<PreparedQueryConfig>>();
  return async (db: Db, values: Record<string, unknown>): Promise<Row[]> => {
    let q = byDb.get(db);
    if (!q) {
      const dialect = (db as unknown as { dialect: PgDialect }).dialect;
      q = db._.session.prepareQuery(dialect.sqlToQuery(build()), undefined, name, false);
      byDb.set(db, q);
    }
    return rowsOf<Row>(await q.execute(values));
  };
}
