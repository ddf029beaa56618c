import { DrizzleQueryError, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { preparedStatement } from '../../src/server/platform/db/prepared.js';
import { rowsOf } from '../../src/server/platform/db/rows.js';
import { OuterHandleInTransaction } from '../../src/server/platform/db/tx-guard.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const refused = (e: unknown): boolean => {
  for (let c = e; c; c = (c as { cause?: unknown }).cause)
    if (c instanceof OuterHandleInTransaction) return true;
  return false;
};

/** A hot statement with placeholders: a counter bumped by key, returning the count and the time. */
const bump = preparedStatement<{ n: number | string; at: string | Date; flag: boolean }>(
  'jd_test_bump',
  () => {
    const p = (name: string) => sql.placeholder(name);
    return sql`insert into jd_prepared_probe (key, n, at) values (${p('key')}, 1, ${p('at')}::timestamptz)
    on conflict (key) do update set n = jd_prepared_probe.n + 1, at = excluded.at
    returning n, at, ${p('flag')}::boolean as flag`;
  },
);

/**
 * `preparedStatement` on both databases: the text is parsed once per session and run by name (on
 * PGlite too, where `query` would parse it on every call), with the values bound each time, and
 * the embedded database's one session is never shared with an open transaction.
 */
describe('a prepared statement', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await t.ctx.db.execute(
      sql`create table if not exists jd_prepared_probe (key text primary key, n int not null, at timestamptz not null)`,
    );
  });
  afterAll(async () => {
    await t.ctx.db.execute(sql`drop table if exists jd_prepared_probe`);
    await t.close();
  });

  const prepared = async () =>
    rowsOf<{ name: string }>(
      await t.ctx.db.execute(sql`select name from pg_prepared_statements where name = 'jd_test_bump'`),
    );

  it('binds new values on every run and is kept by name in the session', async () => {
    const a = await bump(t.ctx.db, { key: 'a', at: '2026-03-02T01:02:03.000Z', flag: true });
    const b = await bump(t.ctx.db, { key: 'a', at: '2026-03-02T04:05:06.000Z', flag: false });
    const c = await bump(t.ctx.db, { key: "it's", at: '2026-03-02T04:05:06.000Z', flag: null });
    expect(a.map((r) => Number(r.n))).toEqual([1]);
    expect(b.map((r) => Number(r.n))).toEqual([2]);
    expect(c.map((r) => Number(r.n))).toEqual([1]);
    expect([a[0].flag, b[0].flag, c[0].flag]).toEqual([true, false, null]);
    expect(new Date(b[0].at).toISOString()).toBe('2026-03-02T04:05:06.000Z');
    // PGlite has one session: the statement is there by its name. (node-postgres keeps one per
    // pooled connection, and this read may come on another.)
    if (t.ctx.database.kind === 'pglite') expect(await prepared()).toEqual([{ name: 'jd_test_bump' }]);
  });

  // node-postgres prepares per connection itself; PGlite's one session is ours to keep
  it.skipIf(!!process.env.TEST_DATABASE_URL)('is prepared again when the session has lost it', async () => {
    await t.ctx.db.execute(sql`deallocate jd_test_bump`);
    expect(await prepared()).toEqual([]);
    const r = await bump(t.ctx.db, { key: 'a', at: '2026-03-02T07:00:00.000Z', flag: true });
    expect(Number(r[0].n)).toBe(3);
    expect(await prepared()).toEqual([{ name: 'jd_test_bump' }]);
  });

  it('fails as drizzle reports a failed query, and the session goes on', async () => {
    const divide = preparedStatement<{ q: number }>('jd_test_divide', () => {
      return sql`select (10 / ${sql.placeholder('by')}::int) as q`;
    });
    const err = await divide(t.ctx.db, { by: 0 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DrizzleQueryError);
    expect((err as DrizzleQueryError).cause).toMatchObject({ code: '22012' }); // division_by_zero
    const bad = await divide(t.ctx.db, { by: 'two' }).catch((e: unknown) => e);
    expect((bad as DrizzleQueryError).cause).toMatchObject({ code: '22P02' }); // at Bind: not an int
    expect((await divide(t.ctx.db, { by: 5 })).map((r) => Number(r.q))).toEqual([2]);
    const [{ n }] = rowsOf<{ n: number }>(await t.ctx.db.execute(sql`select 1 as n`));
    expect(Number(n)).toBe(1);
  });

  it('is refused from inside a transaction, which it would freeze on the embedded database', async () => {
    await t.ctx.db.transaction(async () => {
      await expect(bump(t.ctx.db, { key: 'b', at: '2026-03-02T00:00:00Z', flag: true })).rejects.toSatisfy(
        refused,
      );
    });
  });

  it('waits for an open transaction instead of running inside it', async () => {
    let release = () => {};
    const held = new Promise<void>((r) => {
      release = r;
    });
    let inTx = () => {};
    const opened = new Promise<void>((r) => {
      inTx = r;
    });
    // a transaction that writes, waits, then rolls back
    const tx = t.ctx.db
      .transaction(async (h) => {
        await h.execute(sql`insert into jd_prepared_probe (key, n, at) values ('rolled', 1, now())`);
        inTx();
        await held;
        throw new Error('roll back');
      })
      .catch(() => 'rolled back');
    await opened;
    const run = bump(t.ctx.db, { key: 'c', at: '2026-03-02T00:00:00Z', flag: true });
    await new Promise((r) => setTimeout(r, 50));
    release();
    expect(await tx).toBe('rolled back');
    // the statement ran after the transaction, not inside it: its row stays, the transaction's went
    expect((await run).map((r) => Number(r.n))).toEqual([1]);
    const keys = rowsOf<{ key: string }>(
      await t.ctx.db.execute(
        sql`select key from jd_prepared_probe where key in ('c', 'rolled') order by key`,
      ),
    );
    expect(keys.map((k) => k.key)).toEqual(['c']);
  });
});
