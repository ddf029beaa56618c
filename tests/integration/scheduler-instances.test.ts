import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openContext } from '../../src/server/platform/bootstrap.js';
import type { AppContext } from '../../src/server/platform/context.js';
import { openDatabase } from '../../src/server/platform/db/client.js';
import { rowsOf } from '../../src/server/platform/db/rows.js';
import type { JobSet } from '../../src/server/platform/jobs/registry.js';
import { Scheduler } from '../../src/server/platform/jobs/scheduler.js';
import { createTestApp, type TestApp, testConfig } from '../support/test-app.js';

let t: TestApp;
const quiet = { log: () => {} };
const MINUTE = 60_000;

beforeAll(async () => {
  t = await createTestApp();
  await t.ctx.db.execute(
    sql`create table probe (job text not null, slot text not null, instance text not null)`,
  );
});
afterAll(async () => t.close());

/** A recurring job that leaves one row per run, and takes a moment, so racing instances overlap. */
const probeJobs = (name: string): JobSet => ({
  recurring: [
    {
      name,
      everyMs: 5 * MINUTE,
      run: async (ctx, slot) => {
        await new Promise((r) => setTimeout(r, 5));
        await ctx.db.execute(sql`insert into probe values (${name}, ${slot}, ${ctx.instanceId})`);
      },
    },
  ],
  oneOff: [],
});

async function probeRuns(name: string) {
  return rowsOf<{ slot: string }>(await t.ctx.db.execute(sql`select slot from probe where job = ${name}`));
}

async function race(schedulers: Scheduler[], rounds: number) {
  await Promise.all(
    schedulers.map(async (s) => {
      for (let i = 0; i < rounds; i++) await s.tick();
    }),
  );
}

describe('scheduler across instances', () => {
  it('runs each slot once with two schedulers sharing one database connection', async () => {
    const jobs = probeJobs('shared');
    const a = new Scheduler(t.ctx, { ...quiet, jobs, instanceId: 'a' });
    const b = new Scheduler(t.ctx, { ...quiet, jobs, instanceId: 'b' });
    await race([a, b], 10);
    expect((await probeRuns('shared')).length).toBe(1);
    t.clock.advanceMinutes(5);
    await race([a, b], 10);
    expect((await probeRuns('shared')).length).toBe(2);
  });

  it.skipIf(!process.env.TEST_DATABASE_URL)(
    'runs each slot once with two instances (two pools) on one PostgreSQL',
    async () => {
      const database = await openDatabase({ databaseUrl: t.databaseUrl, poolSize: 4 });
      const config = testConfig({ databaseUrl: t.databaseUrl, fieldKey: t.ctx.config.fieldKey });
      const other: AppContext = await openContext({ config, clock: t.clock, database, prepare: false });
      try {
        expect(other.instanceId).not.toBe(t.ctx.instanceId);
        const jobs = probeJobs('two-pools');
        const a = new Scheduler(t.ctx, { ...quiet, jobs });
        const b = new Scheduler(other, { ...quiet, jobs });
        for (let slot = 0; slot < 5; slot++) {
          await race([a, b, a, b], 8);
          t.clock.advanceMinutes(5);
        }
        const runs = await probeRuns('two-pools');
        expect(runs.length).toBe(5);
        expect(new Set(runs.map((r) => r.slot)).size).toBe(5);
      } finally {
        await database.close();
      }
    },
  );
});
