import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/server/config.js';
import { registerPetitionJobs } from '../../src/server/modules/petitions/workflow/jobs.js';
import { rateLimitHits } from '../../src/server/platform/http/rate-limit-schema.js';
import { registerSchedulerJobs } from '../../src/server/platform/jobs/cleanup.js';
import { enqueueJob } from '../../src/server/platform/jobs/enqueue.js';
import { type JobSet, registeredJobs } from '../../src/server/platform/jobs/registry.js';
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

  it('takes over an abandoned run after JOB_STALE_MS when it is set (the soak sets it short)', async () => {
    let calls = 0;
    const jobs: JobSet = { recurring: [], oneOff: [{ name: 'orphan-short', run: async () => void calls++ }] };
    const now = t.clock.now();
    await t.ctx.db.insert(jobRuns).values({
      name: 'orphan-short',
      slot: 'once:y',
      runAt: now,
      status: 'running',
      lockedBy: 'dead',
      lockedAt: now,
      attempts: 1,
    });
    const config = loadConfig({ JOB_STALE_MS: '30000' });
    const s = new Scheduler(
      { ...t.ctx, config: { ...t.ctx.config, jobStaleMs: config.jobStaleMs } },
      { ...quiet, jobs },
    );
    t.clock.advance(29_000);
    await s.tick();
    expect(calls).toBe(0);
    t.clock.advance(2_000);
    await s.tick();
    expect(calls).toBe(1);
  });

  it('sweeps the portal’s ended rate-limit windows every RATE_LIMIT_SWEEP_MS', async () => {
    registerSchedulerJobs(loadConfig({ RATE_LIMIT_SWEEP_MS: '20000' }));
    const sweep = registeredJobs().recurring.find((j) => j.name === 'http.rate_limits')!;
    expect(sweep.everyMs).toBe(20_000);
    const s = new Scheduler(t.ctx, { ...quiet, jobs: { recurring: [sweep], oneOff: [] } });
    const ended = (key: string) =>
      t.ctx.db
        .insert(rateLimitHits)
        .values({ key, hits: 3, resetsAt: new Date(t.clock.now().getTime() - 1) });
    const keys = async () => (await t.ctx.db.select().from(rateLimitHits)).map((r) => r.key).sort();
    await t.ctx.db
      .insert(rateLimitHits)
      .values({ key: 'open', hits: 1, resetsAt: new Date(t.clock.now().getTime() + 3_600_000) });
    await ended('a');
    await s.tick();
    expect(await keys()).toEqual(['open']);
    await ended('b');
    await s.tick(); // the same slot: not again
    expect(await keys()).toEqual(['b', 'open']);
    t.clock.advance(20_000);
    await s.tick();
    expect(await keys()).toEqual(['open']);
    // the portal's wrong-code windows are swept as often
    registerPetitionJobs(loadConfig({ RATE_LIMIT_SWEEP_MS: '20000' }));
    expect(registeredJobs().recurring.find((j) => j.name === 'portal.wrong_codes')!.everyMs).toBe(20_000);
    // the default stays ten minutes
    registerSchedulerJobs();
    registerPetitionJobs();
    expect(registeredJobs().recurring.find((j) => j.name === 'http.rate_limits')!.everyMs).toBe(10 * MINUTE);
    expect(registeredJobs().recurring.find((j) => j.name === 'portal.wrong_codes')!.everyMs).toBe(
      10 * MINUTE,
    );
  });

  it('refuses an interval under a second, named', () => {
    expect(() => loadConfig({ RATE_LIMIT_SWEEP_MS: '500' })).toThrow(/RATE_LIMIT_SWEEP_MS/);
    expect(() => loadConfig({ JOB_STALE_MS: 'soon' })).toThrow(/JOB_STALE_MS/);
    expect(loadConfig({}).jobStaleMs).toBeUndefined();
  });
});
