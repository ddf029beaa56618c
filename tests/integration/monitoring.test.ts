import v8 from 'node:v8';
import vm from 'node:vm';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../src/server/platform/context.js';
import { importJobs } from '../../src/server/platform/imports/schema.js';
import { enqueueJob } from '../../src/server/platform/jobs/enqueue.js';
import { Scheduler } from '../../src/server/platform/jobs/scheduler.js';
import {
  checkHealth,
  DATABASE_TIMEOUT_MS,
  SCHEDULER_STALE_MS,
} from '../../src/server/platform/metrics/health.js';
import { makeOrg, makeUser } from '../support/factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/** The test app's pool (PostgreSQL): the load test holds every connection of it. */
const POOL_SIZE = 4;
const t0Kind = () => (process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite');
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ poolSize: POOL_SIZE });
});
afterAll(async () => t.close());

const health = () => t.app.inject({ method: 'GET', url: '/api/health' });
const metrics = (authorization?: string) =>
  t.app.inject({
    method: 'GET',
    url: '/api/metrics',
    headers: authorization ? { authorization } : {},
  });
const TOKEN = 'metrics-token-for-the-test-0123456789';

const jobs = {
  recurring: [],
  oneOff: [
    { name: 'probe.ok', run: async () => {} },
    {
      name: 'probe.fails',
      run: async () => {
        throw new Error('boom');
      },
    },
  ],
};

describe('/api/health', () => {
  it('answers without a session: the database answers, no scheduler has ticked yet (degraded)', async () => {
    const res = await health();
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      status: 'degraded',
      database: { kind: t.ctx.database.kind, ok: true },
      scheduler: { ok: false, lastTickAt: null, secondsSinceTick: null },
    });
  });

  it('is ok while some instance’s scheduler ticks, degraded once it stopped', async () => {
    await new Scheduler(t.ctx, { jobs: { recurring: [], oneOff: [] }, log: () => {} }).tick();
    t.clock.advance(30_000);
    const res = await health();
    expect(res.json()).toMatchObject({ status: 'ok', scheduler: { ok: true, secondsSinceTick: 30 } });
    t.clock.advance(SCHEDULER_STALE_MS);
    expect((await health()).json()).toMatchObject({ status: 'degraded', scheduler: { ok: false } });
  });

  it('is down (503 for the proxy) when the database does not answer, and says nothing more', async () => {
    const refused = { execute: () => Promise.reject(new Error('connection refused: secret@host')) };
    const broken = {
      ...t.ctx,
      db: refused,
      database: { ...t.ctx.database, ...(t.ctx.database.health ? { health: refused } : {}) },
    } as unknown as AppContext;
    const h = await checkHealth(broken);
    expect(h).toEqual({
      status: 'down',
      database: { kind: t.ctx.database.kind, ok: false },
      scheduler: { ok: false, lastTickAt: null, secondsSinceTick: null },
    });
    expect(JSON.stringify(h)).not.toContain('secret');
  });
});

describe('/api/health under load', () => {
  // every connection of the request pool held (a burst of slow requests): the probe must not queue
  // behind them, or the proxy takes a busy but healthy instance out of rotation
  it.skipIf(t0Kind() !== 'postgres')(
    'answers on a connection of its own while the request pool is full',
    async () => {
      let release!: () => void;
      const held = new Promise<void>((r) => {
        release = r;
      });
      const holders = Array.from({ length: POOL_SIZE }, () =>
        t.ctx.db.transaction(async (tx) => {
          await tx.execute(sql`select 1`);
          await held;
        }),
      );
      await new Promise((r) => setTimeout(r, 200)); // every holder has its connection
      try {
        const h = await checkHealth(t.ctx);
        expect(h.database.ok).toBe(true);
        expect(h.status).not.toBe('down');
      } finally {
        release();
        await Promise.all(holders);
      }
    },
    DATABASE_TIMEOUT_MS * 3,
  );
});

describe('/api/metrics', () => {
  it('does not exist without METRICS_TOKEN', async () => {
    t.ctx.config.metricsToken = undefined;
    expect((await metrics(`Bearer ${TOKEN}`)).statusCode).toBe(404);
  });

  it('asks for the bearer token: none, another scheme or a wrong one is 401', async () => {
    t.ctx.config.metricsToken = TOKEN;
    for (const h of [undefined, `Basic ${TOKEN}`, 'Bearer wrong', `Bearer ${TOKEN}x`]) {
      const res = await metrics(h);
      expect(res.statusCode, String(h)).toBe(401);
      expect(res.body).not.toContain('jiandu_');
    }
  });

  it('gives request counts and latencies by route pattern and status class, job runs, queue depth', async () => {
    t.ctx.config.metricsToken = TOKEN;
    const org = await makeOrg(t.ctx, '监控镇');
    await makeUser(t.ctx, { orgId: org.id, roles: ['org_officer'] });
    await t.app.inject({ method: 'GET', url: '/api/v1/cadres/12345' }); // 401, a route with a parameter
    await t.app.inject({ method: 'GET', url: '/api/v1/no/such/thing' }); // 404, no route
    await enqueueJob(t.ctx.db, t.clock, { name: 'probe.ok' });
    await enqueueJob(t.ctx.db, t.clock, { name: 'probe.fails' });
    const scheduler = new Scheduler(t.ctx, { jobs, log: () => {}, maxAttempts: 1 });
    await scheduler.tick();
    await enqueueJob(t.ctx.db, t.clock, { name: 'probe.ok', runAt: new Date(t.clock.now().getTime() + 1) });
    await enqueueJob(t.ctx.db, t.clock, { name: 'probe.ok' });
    await t.ctx.db
      .insert(importJobs)
      .values({ kind: 'cadres_excel', userId: 1, orgId: org.id, status: 'running' });

    const res = await metrics(`Bearer ${TOKEN}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    const body = res.body;
    expect(body).toContain('# TYPE jiandu_http_requests_total counter');
    expect(body).toMatch(
      /jiandu_http_requests_total\{method="GET",route="\/api\/health",status_class="2xx"\} \d+/,
    );
    expect(body).toContain('route="/api/v1/cadres/:id",status_class="4xx"');
    expect(body).not.toContain('12345');
    expect(body).toContain('route="unmatched",status_class="4xx"');
    expect(body).toContain('# TYPE jiandu_http_request_duration_seconds histogram');
    expect(body).toMatch(
      /jiandu_http_request_duration_seconds_bucket\{method="GET",route="\/api\/health",status_class="2xx",le="\+Inf"\} \d+/,
    );
    expect(body).toContain('jiandu_job_runs_total{job="probe.ok",outcome="done"} 1');
    expect(body).toContain('jiandu_job_runs_total{job="probe.fails",outcome="failed"} 1');
    expect(body).toContain('jiandu_job_failures_24h{job="probe.fails"} 1');
    expect(body).toContain('jiandu_job_queue_depth 1');
    expect(body).toContain('jiandu_import_queue_depth{status="running"} 1');
    expect(body).toMatch(/jiandu_scheduler_last_tick_age_seconds \d+/);
    expect(body).toMatch(/process_resident_memory_bytes \d+/);
    // every line is a comment or `name{labels} value`
    for (const line of body.trim().split('\n'))
      expect(line).toMatch(/^(# (HELP|TYPE) .+|[a-z_][a-z0-9_]*(\{[^}]*\})? -?[\d.e+]+)$/);
  });

  it('gives the live heap: the heap in use just after the last full collection, and how many there were', async () => {
    t.ctx.config.metricsToken = TOKEN;
    const read = async () => {
      const body = (await metrics(`Bearer ${TOKEN}`)).body;
      const count = /^nodejs_gc_full_total (\d+)$/m.exec(body);
      const live = /^nodejs_heap_after_full_gc_bytes (\d+)$/m.exec(body);
      return { count: Number(count?.[1]), live: live ? Number(live[1]) : null };
    };
    const before = await read();
    expect(Number.isInteger(before.count)).toBe(true);
    // a full collection now (the flag is set for this process only), with garbage to collect
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    let garbage: unknown[] | null = Array.from({ length: 200_000 }, (_, i) => ({ i, s: `x${i}` }));
    const withGarbage = process.memoryUsage().heapUsed;
    garbage = null;
    gc();
    await new Promise((r) => setTimeout(r, 50)); // the observer hears of it after the collection
    const after = await read();
    expect(garbage).toBeNull();
    expect(after.count).toBeGreaterThan(before.count);
    expect(after.live).not.toBeNull();
    expect(after.live!).toBeGreaterThan(0);
    expect(after.live!).toBeLessThan(withGarbage);
  });
});
