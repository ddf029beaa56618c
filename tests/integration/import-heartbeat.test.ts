import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/server/platform/access/actor.js';
import {
  ABANDONED_MESSAGE,
  ABANDONED_MS,
  failAbandonedJobs,
  keepAlive,
} from '../../src/server/platform/imports/heartbeat.js';
import { type JobHandle, startImportJob } from '../../src/server/platform/imports/jobs.js';
import { importJobs } from '../../src/server/platform/imports/schema.js';
import { registerSchedulerJobs } from '../../src/server/platform/jobs/cleanup.js';
import { registeredJobs } from '../../src/server/platform/jobs/registry.js';
import { Scheduler } from '../../src/server/platform/jobs/scheduler.js';
import { call, makeOrg, makeUser, type Session, signIn } from '../support/factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * Imports and backups run in the process that accepted them. When that process stops (a restart, a
 * crash, a kill) the job's row must not say 'running' for ever: a running job beats while its
 * process lives, and one silent for three minutes is ended as failed, saying why.
 */
describe('a background job whose process stopped', () => {
  let t: TestApp;
  let owner: { id: number; orgId: number };
  let session: Session;
  beforeAll(async () => {
    t = await createTestApp();
    const town = await makeOrg(t.ctx, '心跳镇');
    const u = await makeUser(t.ctx, { orgId: town.id, roles: ['org_officer'] });
    owner = { id: u.id, orgId: town.id };
    session = await signIn(t, u.username);
  });
  afterAll(() => t.close());

  const row = async (id: number) =>
    (await t.ctx.db.select().from(importJobs).where(eq(importJobs.id, id)))[0];
  /** A running row as a stopped process left it: no one beats for it. */
  const leftBehind = async () =>
    (
      await t.ctx.db
        .insert(importJobs)
        .values({ kind: 'cadres_excel', userId: owner.id, orgId: owner.orgId, heartbeatAt: t.clock.now() })
        .returning()
    )[0];

  it('is failed once silent for three minutes, saying so; a job still running is not', async () => {
    const actor = { userId: owner.id, orgId: owner.orgId } as Actor;
    let release = () => {};
    const hold = new Promise<void>((r) => {
      release = r;
    });
    let handle: JobHandle | undefined;
    const live = await startImportJob(t.ctx, actor, 'cadres_excel', async (h) => {
      handle = h;
      await hold;
      await h.finish('succeeded', { result: { imported: 0 } });
    });
    // the job's process beats for it from the start: moved on before its first beat, the row follows
    t.clock.advance(1_000);
    const started = t.clock.now();
    await expect.poll(async () => (await row(live.id)).heartbeatAt.getTime()).toBe(started.getTime());
    await expect.poll(() => handle).toBeDefined(); // the work has started
    const dead = await leftBehind();
    // nearly three minutes: nothing is ended yet
    t.clock.advance(ABANDONED_MS - 1_000);
    await handle?.progress(1, 2); // the live job's work reports progress: a sign of life
    expect(await failAbandonedJobs(t.ctx)).toBe(0);
    t.clock.advance(2_000);
    expect(await failAbandonedJobs(t.ctx)).toBe(1);
    const ended = await row(dead.id);
    expect(ended.status).toBe('failed');
    expect(ended.message).toBe(ABANDONED_MESSAGE);
    expect(ended.finishedAt).toEqual(t.clock.now());
    expect((await row(live.id)).status).toBe('running');
    // the page that polls the job shows why
    const page = await call(t, session, 'GET', `/api/v1/cadre-imports/${dead.id}`);
    expect(page.statusCode, page.body).toBe(200);
    expect(page.json()).toMatchObject({ status: 'failed', message: ABANDONED_MESSAGE });
    release();
    await expect.poll(async () => (await row(live.id)).status).toBe('succeeded');
  });

  it('beats while its process runs it, and stops beating when told', async () => {
    const job = await leftBehind();
    const stop = keepAlive(t.ctx, job.id, 20);
    try {
      t.clock.advance(60_000);
      const later = t.clock.now();
      await expect.poll(async () => (await row(job.id)).heartbeatAt.getTime()).toBe(later.getTime());
    } finally {
      stop();
    }
    const last = (await row(job.id)).heartbeatAt;
    t.clock.advance(60_000);
    await new Promise((r) => setTimeout(r, 100));
    expect((await row(job.id)).heartbeatAt).toEqual(last);
    await t.ctx.db.update(importJobs).set({ status: 'failed' }).where(eq(importJobs.id, job.id));
  });

  it('is ended by the scheduler’s job once the clock passes the silence', async () => {
    registerSchedulerJobs();
    const job = registeredJobs().recurring.find((j) => j.name === 'imports.abandoned');
    expect(job).toBeDefined();
    const scheduler = new Scheduler(t.ctx, { jobs: { recurring: [job!], oneOff: [] }, log: () => {} });
    const dead = await leftBehind();
    await scheduler.tick();
    expect((await row(dead.id)).status).toBe('running');
    t.clock.advance(ABANDONED_MS + 60_000);
    expect(await scheduler.tick()).toBe(1);
    expect((await row(dead.id)).status).toBe('failed');
  });
});
