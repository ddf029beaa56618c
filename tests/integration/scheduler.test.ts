import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueJob } from '../../src/server/platform/jobs/enqueue.js';
import type { JobSet } from '../../src/server/platform/jobs/registry.js';
import { Scheduler } from '../../src/server/platform/jobs/scheduler.js';
import { jobRuns } from '../../src/server/platform/jobs/schema.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
const quiet = { log: () => {} };
const MINUTE = 60_000;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('scheduler', () => {
  it('retries a failed run, then marks it failed after 3 attempts', async () => {
    let calls = 0;
    const s = new Scheduler(t.ctx, {
      ...quiet,
      retryDelayMs: MINUTE,
      jobs: {
        recurring: [
          {
            name: 'broken',
            everyMs: 60 * MINUTE,
            run: async () => {
              calls++;
              throw new Error('boom');
            },
          },
        ],
        oneOff: [],
      },
    });
    await s.tick();
    const [first] = await t.ctx.db.select().from(jobRuns).where(eq(jobRuns.name, 'broken'));
    expect(first).toMatchObject({ status: 'pending', attempts: 1, error: 'boom' });
    await s.tick(); // not yet due again
    expect(calls).toBe(1);
    t.clock.advanceMinutes(1);
    await s.tick();
    t.clock.advanceMinutes(2);
    await s.tick();
    t.clock.advanceMinutes(10);
    await s.tick();
    expect(calls).toBe(3);
    const [last] = await t.ctx.db.select().from(jobRuns).where(eq(jobRuns.name, 'broken'));
    expect(last).toMatchObject({ status: 'failed', attempts: 3, error: 'boom' });
  });

  it('takes over a run left "running" by a crashed instance after 10 minutes', async () => {
    let calls = 0;
    const jobs: JobSet = {
      recurring: [],
      oneOff: [
        {
          name: 'orphan',
          run: async () => {
            calls++;
          },
        },
      ],
    };
    const now = t.clock.now();
    await t.ctx.db.insert(jobRuns).values({
      name: 'orphan',
      slot: 'once:x',
      runAt: now,
      status: 'running',
      lockedBy: 'dead',
      lockedAt: now,
      attempts: 1,
    });
    const s = new Scheduler(t.ctx, { ...quiet, jobs });
    await s.tick();
    expect(calls).toBe(0);
    t.clock.advanceMinutes(11);
    await s.tick();
    expect(calls).toBe(1);
    const [run] = await t.ctx.db.select().from(jobRuns).where(eq(jobRuns.name, 'orphan'));
    expect(run).toMatchObject({ status: 'done', attempts: 2, lockedBy: null });
  });

  it('runs a one-off job at its time, once per key', async () => {
    const seen: unknown[] = [];
    const s = new Scheduler(t.ctx, {
      ...quiet,
      jobs: {
        recurring: [],
        oneOff: [
          {
            name: 'later',
            run: async (_c, p) => {
              seen.push(p);
            },
          },
        ],
      },
    });
    const runAt = new Date(t.clock.now().getTime() + 30 * MINUTE);
    expect(
      await enqueueJob(t.ctx.db, t.ctx.clock, { name: 'later', payload: { n: 1 }, runAt, key: 'k1' }),
    ).toBe(true);
    expect(
      await enqueueJob(t.ctx.db, t.ctx.clock, { name: 'later', payload: { n: 2 }, runAt, key: 'k1' }),
    ).toBe(false);
    await s.tick();
    expect(seen).toEqual([]);
    t.clock.advanceMinutes(30);
    await s.tick();
    await s.tick();
    expect(seen).toEqual([{ n: 1 }]);
  });
});
