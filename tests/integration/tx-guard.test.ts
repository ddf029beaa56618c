import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OuterHandleInTransaction } from '../../src/server/platform/db/tx-guard.js';
import { orgs } from '../../src/server/platform/orgs/schema.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/** The guard's error, as thrown or as the cause drizzle wraps it in. */
function refused(e: unknown): boolean {
  for (let c = e; c; c = (c as { cause?: unknown }).cause)
    if (c instanceof OuterHandleInTransaction) return true;
  return false;
}

/**
 * The outer-handle guard: on the embedded database a query through ctx.db from inside
 * ctx.db.transaction(…) waits for ever (one connection). The guard refuses it at once, on both
 * databases under the test runner, and leaves the transaction's own handle and later work alone.
 */
describe('outer database handle inside a transaction', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('refuses an outer query, and a nested outer transaction, while a transaction is open', async () => {
    const db = t.ctx.db;
    const seen: unknown[] = [];
    await db.transaction(async (tx) => {
      await tx.select().from(orgs); // the transaction's own handle works
      await expect(db.select().from(orgs)).rejects.toSatisfy(refused);
      await expect(db.execute(sql`select 1`)).rejects.toSatisfy(refused);
      await expect(db.transaction(async () => 1)).rejects.toSatisfy(refused);
      // deeper in the same async chain (a helper of a helper) the refusal holds
      const helper = async () => {
        await Promise.resolve();
        return db.select().from(orgs);
      };
      await expect(helper()).rejects.toSatisfy(refused);
      seen.push(await tx.transaction(async (sp) => sp.execute(sql`select 2 as n`)));
    });
    expect(seen).toHaveLength(1);
    // after the transaction the outer handle is free again, in this chain and in one the transaction left behind
    expect(Array.isArray(await db.select().from(orgs))).toBe(true);
    // (the left-behind work waits for a gate opened once the transaction has settled — a timer
    // could fire while COMMIT is still on its way to PostgreSQL, still inside the transaction)
    let later: Promise<unknown> = Promise.resolve();
    let open!: () => void;
    const gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    await db.transaction(async () => {
      later = gate.then(() => db.select().from(orgs));
    });
    open();
    await expect(later).resolves.toBeInstanceOf(Array);
  });

  it('does not refuse concurrent work of other requests while one transaction is open', async () => {
    const db = t.ctx.db;
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const tx = db.transaction(async (tx) => {
      await gate;
      return tx.select().from(orgs);
    });
    const outside = db.select().from(orgs); // another request's query: waits its turn, not refused
    release();
    await expect(Promise.all([tx, outside])).resolves.toHaveLength(2);
  });
});
