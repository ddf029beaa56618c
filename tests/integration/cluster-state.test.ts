import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RESEND_WINDOW_MS } from '../../src/server/modules/petitions/portal/recent-receipts.js';
import { portalRecentReceipts } from '../../src/server/modules/petitions/portal/schema.js';
import { rowsOf } from '../../src/server/platform/db/rows.js';
import { rateLimitHits } from '../../src/server/platform/http/rate-limit-schema.js';
import type { JobSet } from '../../src/server/platform/jobs/registry.js';
import { Scheduler } from '../../src/server/platform/jobs/scheduler.js';
import { call, makeOrg, makeUser, signIn } from '../support/factories.js';
import { anonymousReport, portalPost, portalWorld, solved } from '../support/portal-helpers.js';
import { createTestApp, openAnotherInstance, type TestApp } from '../support/test-app.js';

/**
 * Two server instances on one database (what three behind nginx are): whatever one instance
 * counted, remembered or ran, the other sees — nothing that matters is kept in a process's memory.
 */
let a: TestApp;
let b: TestApp;
let w: Awaited<ReturnType<typeof portalWorld>>;
beforeAll(async () => {
  a = await createTestApp();
  b = await openAnotherInstance(a);
  w = await portalWorld(a);
});
afterAll(async () => {
  await b.close();
  await a.close();
});

const orgsFrom = (t: TestApp, ip: string) =>
  t.app.inject({ method: 'GET', url: '/api/v1/portal/orgs', remoteAddress: ip });

describe('the portal rate limit across instances', () => {
  it('counts an address on every instance: 60 a minute in all, then 429 on either', async () => {
    const ip = '10.9.0.1';
    for (let i = 0; i < 30; i++) {
      expect((await orgsFrom(a, ip)).statusCode).toBe(200);
      expect((await orgsFrom(b, ip)).statusCode).toBe(200);
    }
    const refusedA = await orgsFrom(a, ip);
    const refusedB = await orgsFrom(b, ip);
    expect(refusedA.statusCode).toBe(429);
    expect(refusedB.statusCode).toBe(429);
    expect(refusedB.json().error.message).toContain('访问过于频繁');
    // another address is not affected; the window ends by the (shared) clock
    expect((await orgsFrom(b, '10.9.0.2')).statusCode).toBe(200);
    a.clock.advance(61_000);
    expect((await orgsFrom(b, ip)).statusCode).toBe(200);
  });

  it('counts exactly under concurrent hits from both instances (one upsert per hit)', async () => {
    const ip = '10.9.0.4';
    const answers = await Promise.all(
      Array.from({ length: 70 }, (_, i) => orgsFrom(i % 2 ? a : b, ip).then((r) => r.statusCode)),
    );
    expect(answers.filter((s) => s === 200)).toHaveLength(60);
    expect(answers.filter((s) => s === 429)).toHaveLength(10);
  });

  it('keeps no address in clear, and the sweep forgets ended windows', async () => {
    const rows = await a.ctx.db.select().from(rateLimitHits);
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toContain('10.9.0.');
    a.clock.advance(11 * 60_000);
    const { sweepRateLimits } = await import('../../src/server/platform/http/db-rate-store.js');
    await sweepRateLimits(b.ctx);
    expect(await a.ctx.db.select().from(rateLimitHits)).toEqual([]);
  });

  it('counts a route of its own limit (20 reports in 10 minutes) on every instance', async () => {
    const ip = '10.9.0.3';
    const bad = { not: 'a form' };
    for (let i = 0; i < 10; i++) {
      expect((await portalPost(a, '/api/v1/portal/submissions', bad, [], ip)).statusCode).toBe(400);
      expect((await portalPost(b, '/api/v1/portal/submissions', bad, [], ip)).statusCode).toBe(400);
    }
    expect((await portalPost(b, '/api/v1/portal/submissions', bad, [], ip)).statusCode).toBe(429);
    expect((await portalPost(a, '/api/v1/portal/submissions', bad, [], ip)).statusCode).toBe(429);
    a.clock.advance(10 * 60_000 + 1000);
    expect((await portalPost(a, '/api/v1/portal/submissions', bad, [], ip)).statusCode).toBe(400);
  });
});

describe('a resent form on another instance', () => {
  it('shows the receipt code again within five minutes, sealed so the database cannot open it', async () => {
    const data = { ...anonymousReport(w.town.id), challenge: await solved(a, '10.9.1.1') };
    const first = await portalPost(a, '/api/v1/portal/submissions', data, [], '10.9.1.1');
    expect(first.statusCode).toBe(200);
    const code = first.json().receiptCode as string;
    const again = await portalPost(b, '/api/v1/portal/submissions', data, [], '10.9.1.2');
    expect(again.json()).toMatchObject({ duplicate: true, receiptCode: code });

    const kept = await a.ctx.db.select().from(portalRecentReceipts);
    expect(kept).toHaveLength(1);
    expect(kept[0].sealed).not.toContain(code);
    expect(kept[0].sealed).not.toContain(code.replaceAll('-', ''));
    // the field key alone does not open it: the sealing key comes from the form's own key
    expect(() => a.ctx.crypto.decrypt(kept[0].sealed)).toThrow();

    a.clock.advance(RESEND_WINDOW_MS + 60_000);
    const later = await portalPost(b, '/api/v1/portal/submissions', data, [], '10.9.1.2');
    expect(later.json()).toMatchObject({ duplicate: true, receiptCode: null });
    const { sweepRecentReceipts } = await import(
      '../../src/server/modules/petitions/portal/recent-receipts.js'
    );
    await sweepRecentReceipts(b.ctx);
    expect(await a.ctx.db.select().from(portalRecentReceipts)).toEqual([]);
  });
});

describe('sessions and jobs across instances', () => {
  it('a session signed in on one instance works on the other, and a logout on the other ends it', async () => {
    const org = await makeOrg(a.ctx, '跨实例镇');
    const user = await makeUser(a.ctx, { orgId: org.id, roles: ['org_officer'] });
    const s = await signIn(a, user.username);
    expect((await call(b, s, 'GET', '/api/v1/me')).statusCode).toBe(200);
    expect((await call(b, s, 'POST', '/api/v1/auth/logout')).statusCode).toBeLessThan(300);
    expect((await call(a, s, 'GET', '/api/v1/me')).statusCode).toBe(401);
  });

  it('runs each slot of a recurring job once, whichever instance ticks', async () => {
    await a.ctx.db.execute(sql`create table cluster_probe (slot text not null, instance text not null)`);
    const jobs: JobSet = {
      recurring: [
        {
          name: 'cluster.probe',
          everyMs: 5 * 60_000,
          run: async (ctx, slot) => {
            await new Promise((r) => setTimeout(r, 5));
            await ctx.db.execute(sql`insert into cluster_probe values (${slot}, ${ctx.instanceId})`);
          },
        },
      ],
      oneOff: [],
    };
    const quiet = { log: () => {}, jobs };
    const sa = new Scheduler(a.ctx, quiet);
    const sb = new Scheduler(b.ctx, quiet);
    for (let slot = 0; slot < 4; slot++) {
      await Promise.all([sa.tick(), sb.tick(), sa.tick(), sb.tick()]);
      a.clock.advanceMinutes(5);
    }
    const runs = rowsOf<{ slot: string; instance: string }>(
      await a.ctx.db.execute(sql`select slot, instance from cluster_probe`),
    );
    expect(runs).toHaveLength(4);
    expect(new Set(runs.map((r) => r.slot)).size).toBe(4);
  });
});

describe('instances starting together', () => {
  it.skipIf(!process.env.TEST_DATABASE_URL)(
    'three instances opening one new PostgreSQL database at once migrate it once, and all start',
    async () => {
      const { freshDatabase, testConfig } = await import('../support/test-app.js');
      const { openContext } = await import('../../src/server/platform/bootstrap.js');
      const { openDatabase } = await import('../../src/server/platform/db/client.js');
      const { appliedMigrationCount } = await import('../../src/server/platform/db/migrate.js');
      const { knownMigrationCount } = await import('../../src/server/platform/backup/tables.js');
      const fresh = await freshDatabase();
      const fieldKey = a.ctx.config.fieldKey;
      const dataDir = a.ctx.config.dataDir;
      const opened = await Promise.allSettled(
        [1, 2, 3].map(async () => {
          const database = await openDatabase({ databaseUrl: fresh.databaseUrl, poolSize: 2 });
          const config = testConfig({ databaseUrl: fresh.databaseUrl, fieldKey, dataDir });
          await openContext({ config, clock: a.clock, database });
          return database;
        }),
      );
      try {
        expect(opened.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
        const first = (opened[0] as PromiseFulfilledResult<Awaited<ReturnType<typeof openDatabase>>>).value;
        expect(await appliedMigrationCount(first)).toBe(knownMigrationCount());
      } finally {
        for (const o of opened) if (o.status === 'fulfilled') await o.value.close();
        await fresh.drop();
      }
    },
    120_000,
  );
});
