import { isNotNull } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessions } from '../../src/server/platform/auth/schema.js';
import { WROTE_COOKIE } from '../../src/server/platform/auth/session-store.js';
import { replicaPolicy } from '../../src/server/platform/db/read-routing.js';
import type { ReadReplica } from '../../src/server/platform/db/replica.js';
import { call, type Session } from '../support/factories.js';
import { seedDaxing, statsWorld } from '../support/petition-stats-world.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * Reads from a streaming replica (docs/decisions/read-replica.md). The real replica's checks run
 * only with TEST_REPLICA_URL (a replica of TEST_DATABASE_URL's server, `scripts/replica-up`); the
 * fallback from a replica that is down needs PostgreSQL only.
 */
const PRIMARY = process.env.TEST_DATABASE_URL;
const REPLICA = process.env.TEST_REPLICA_URL;
const noReplica = !PRIMARY
  ? 'skipped: needs TEST_DATABASE_URL (PostgreSQL) and TEST_REPLICA_URL (scripts/replica-up)'
  : !REPLICA
    ? 'skipped: set TEST_REPLICA_URL=postgres://postgres@127.0.0.1:5433/postgres after scripts/replica-up'
    : '';
const noPostgres = PRIMARY ? '' : 'skipped: needs TEST_DATABASE_URL (PostgreSQL)';
// the reason is in the describe's name too; said once here so a summary without names shows it
if (noReplica) console.info(`read-replica.test.ts: the real replica's checks are ${noReplica}`);

const YEAR = 'from=2026-01-01&to=2026-12-31';
const READS = [
  `/api/v1/figures?module=petitions&${YEAR}`,
  `/api/v1/petitions/stats?${YEAR}`,
  `/api/v1/dashboard?${YEAR}`,
  `/api/v1/figures/petitions.received/records?${YEAR}&pageSize=50`,
  '/api/v1/petitions?pageSize=50',
  '/api/v1/cadres?pageSize=50',
];

const replicaOf = (t: TestApp) => t.ctx.database.replica as ReadReplica;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function get(t: TestApp, s: Session, url: string) {
  const res = await call(t, s, 'GET', url);
  expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
  return res.json();
}

/** What every read above answers, read where the routing sends it. */
async function readAll(t: TestApp, s: Session) {
  const out: Record<string, unknown> = {};
  for (const url of READS) out[url] = await get(t, s, url);
  return out;
}

/** The answers read on the primary: the finding says the replica is down (not stale, so no check runs). */
async function readAllOnPrimary(t: TestApp, s: Session) {
  const replica = replicaOf(t);
  const kept = replica.health;
  replica.health = { state: 'down', lagMs: null, checkedAt: t.clock.now().getTime() };
  try {
    return await readAll(t, s);
  } finally {
    replica.health = kept;
  }
}

describe.skipIf(!!noReplica)(`reads from a real streaming replica ${noReplica}`, () => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof statsWorld>>;
  let standby: pg.Client;
  let primary: pg.Client;
  const policy = replicaPolicy({ maxLagMs: 60_000, checkEveryMs: 1_000 });

  /** Real time: waits (polling) until the replica has replayed what the primary has written now. */
  async function caughtUp() {
    const { rows } = await primary.query('select pg_current_wal_lsn()::text as lsn');
    for (let i = 0; i < 300; i++) {
      const r = await standby.query('select pg_last_wal_replay_lsn() >= $1::pg_lsn as ok', [rows[0].lsn]);
      if (r.rows[0].ok) return;
      await pause(100);
    }
    throw new Error('the replica did not catch up within 30 s');
  }
  /**
   * Pauses or resumes the replica's replay. A paused standby still replays the first record that
   * arrives while it waits for WAL: commits are made on the primary until one is left unreplayed.
   */
  async function replay(paused: boolean) {
    await standby.query(paused ? 'select pg_wal_replay_pause()' : 'select pg_wal_replay_resume()');
    for (let i = 0; i < 100; i++) {
      const r = await standby.query('select pg_get_wal_replay_pause_state() as s');
      if ((r.rows[0].s === 'paused') === paused) break;
      await pause(50);
    }
    if (!paused) return;
    for (let i = 0; i < 100; i++) {
      await primary.query('select txid_current()'); // a commit record
      await pause(20);
      const { rows } = await primary.query('select pg_current_wal_lsn()::text as lsn');
      const r = await standby.query('select pg_last_wal_replay_lsn() < $1::pg_lsn as behind', [rows[0].lsn]);
      if (r.rows[0].behind) return;
    }
    throw new Error('the paused replica kept replaying');
  }
  /** The next read checks the replica again (the cached finding has expired on the app's clock). */
  const nextCheck = () => t.clock.advance(policy.checkEveryMs);

  beforeAll(async () => {
    t = await createTestApp({ replica: { url: REPLICA!, policy } });
    w = await statsWorld(t);
    await seedDaxing(t, w);
    primary = new pg.Client({ connectionString: PRIMARY });
    standby = new pg.Client({ connectionString: REPLICA });
    await primary.connect();
    await standby.connect();
    // the sessions signed in above wrote (TOTP enrolment): past their sticky window
    t.clock.advance(policy.stickyMs);
  }, 120_000);
  afterAll(async () => {
    await standby?.query('select pg_wal_replay_resume()').catch(() => {});
    await standby?.end();
    await primary?.end();
    await t?.close();
  });

  it('reads the figures, the statistics, the drill-down and the large lists on the replica, equal to the primary once caught up', async () => {
    await caughtUp();
    nextCheck();
    const replica = replicaOf(t);
    const before = replica.counts.replicaQueries;
    const onReplica = await readAll(t, w.s.district);
    expect(replica.decisions.replica).toBeGreaterThanOrEqual(READS.length);
    expect(replica.counts.replicaQueries).toBeGreaterThan(before);
    expect(replica.counts.fallbackQueries).toBe(0);
    const onPrimary = await readAllOnPrimary(t, w.s.district);
    expect(onReplica).toEqual(onPrimary);
    const figures = onReplica[READS[0]] as { figures: { key: string; value: number }[] };
    // the district's 2026: 大兴镇's 8 and 长安镇's letter
    expect(figures.figures.find((f) => f.key === 'petitions.received')?.value).toBe(9);
  });

  it('streams the petition ledger and the roster from the replica', async () => {
    nextCheck();
    const replica = replicaOf(t);
    const before = replica.counts.replicaQueries;
    for (const [s, url] of [
      [w.s.district, `/api/v1/petitions/ledger.xlsx?${YEAR}`],
      [w.s.secretary, '/api/v1/cadres/export.xlsx'],
    ] as const) {
      const res = await call(t, s, 'GET', url);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
    }
    expect(replica.counts.replicaQueries).toBeGreaterThan(before);
    expect(replica.counts.fallbackQueries).toBe(0);
  });

  it("a session's write is read back at once: its reads go to the primary while the replica has not replayed it", async () => {
    await caughtUp();
    await replay(false);
    await replay(true);
    try {
      nextCheck();
      const reg = await call(t, w.s.officer, 'POST', '/api/v1/petitions', {
        orgId: w.daxing.id,
        channel: 'letter',
        receivedOn: '2026-03-01',
        realName: false,
        title: '反映某村账目不公开',
        content: '反映某村账目不公开',
      });
      expect(reg.statusCode, reg.body).toBe(200);
      const id = reg.json().id;
      const replica = replicaOf(t);
      const ownWrites = replica.decisions.own_write ?? 0;
      const mine = await get(t, w.s.officer, '/api/v1/petitions?pageSize=50');
      expect(mine.items.map((p: { id: number }) => p.id)).toContain(id);
      expect(replica.decisions.own_write).toBe(ownWrites + 1);
      // the same moment, the district's reader is sent to the replica, which has not replayed it
      const other = await get(t, w.s.district, '/api/v1/petitions?pageSize=50');
      expect(other.items.map((p: { id: number }) => p.id)).not.toContain(id);
      // the officer's session stays on the primary until its window has passed on the app's clock
      t.clock.advance(policy.stickyMs - policy.checkEveryMs - 1);
      const again = replica.decisions.own_write!;
      await get(t, w.s.officer, '/api/v1/petitions?pageSize=50');
      expect(replica.decisions.own_write).toBe(again + 1);
    } finally {
      await replay(false);
    }
    await caughtUp();
    nextCheck();
    const later = await get(t, w.s.district, '/api/v1/petitions?pageSize=50');
    expect(later.items.map((p: { title: string }) => p.title)).toContain('反映某村账目不公开');
  });

  it('a replica further behind than the bound is not read: the cached finding holds until the next check, then reads fall back', async () => {
    await caughtUp();
    nextCheck();
    const replica = replicaOf(t);
    await get(t, w.s.district, READS[0]);
    // (other writers on the server may keep it a few milliseconds behind)
    expect(replica.health.state).toBe('up');
    expect(replica.health.lagMs).toBeLessThan(1_000);
    const expected = await readAllOnPrimary(t, w.s.district);
    await replay(true);
    const bound = policy.maxLagMs;
    try {
      // the replica is behind (paused), and the bound is one it is now beyond
      policy.maxLagMs = 1;
      await pause(20);
      const lagging = replica.decisions.replica_lagging ?? 0;
      // the finding is cached: without the clock moving, no check runs and the replica is still read
      await get(t, w.s.district, READS[0]);
      expect(replica.decisions.replica_lagging ?? 0).toBe(lagging);
      nextCheck();
      expect(await readAll(t, w.s.district)).toEqual(expected);
      expect(replica.health.state).toBe('up');
      expect(replica.health.lagMs).toBeGreaterThan(1);
      expect(replica.decisions.replica_lagging).toBe(lagging + READS.length);
    } finally {
      policy.maxLagMs = bound;
      await replay(false);
    }
  });
});

describe.skipIf(!!noPostgres)(`a replica that is down ${noPostgres}`, () => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof statsWorld>>;
  const policy = replicaPolicy({ maxLagMs: 5_000, checkEveryMs: 1_000 });

  beforeAll(async () => {
    // nothing listens on port 9 of the loopback
    t = await createTestApp({
      replica: { url: 'postgres://postgres@127.0.0.1:9/postgres', policy, connectTimeoutMs: 500 },
    });
    w = await statsWorld(t);
    await seedDaxing(t, w);
    t.clock.advance(policy.stickyMs);
  }, 120_000);
  afterAll(async () => t?.close());

  it('makes every read fall back to the primary, without an error, and is checked again only once a period', async () => {
    const replica = replicaOf(t);
    const first = await readAll(t, w.s.district);
    expect(replica.health.state).toBe('down');
    expect(replica.decisions.replica_down).toBe(READS.length);
    expect(replica.counts.replicaQueries).toBe(0);
    const figures = first[READS[0]] as { figures: { key: string; value: number }[] };
    expect(figures.figures.find((f) => f.key === 'petitions.received')?.value).toBe(9);
    const checkedAt = replica.health.checkedAt;
    await readAll(t, w.s.district);
    expect(replica.health.checkedAt).toBe(checkedAt);
    t.clock.advance(policy.checkEveryMs);
    expect(await readAll(t, w.s.district)).toEqual(first);
    expect(replica.health.checkedAt).toBe(t.clock.now().getTime());
    expect(replica.health.state).toBe('down');
  });

  it("a write answered by another instance keeps the caller's reads on the primary, though this instance's copy of the session is older", async () => {
    const replica = replicaOf(t);
    const list = '/api/v1/petitions?pageSize=50';
    const read = (extraCookie = '') =>
      t.app.inject({
        method: 'GET',
        url: list,
        headers: { cookie: `${w.s.district.cookie}${extraCookie}`, 'x-csrf-token': w.s.district.csrf },
      });
    expect((await read()).statusCode).toBe(200); // this instance now holds a copy of the session row
    // another instance answers the district reader's write: it marks the session, and its answer
    // gives the browser the cookie
    const now = t.clock.now();
    await t.ctx.db.update(sessions).set({ lastWriteAt: now }).where(isNotNull(sessions.id));
    const ownWrites = replica.decisions.own_write ?? 0;
    expect((await read()).statusCode).toBe(200);
    expect(replica.decisions.own_write ?? 0).toBe(ownWrites); // the copy does not know of the write
    expect((await read(`; ${WROTE_COOKIE}=${now.getTime()}`)).statusCode).toBe(200);
    expect(replica.decisions.own_write).toBe(ownWrites + 1); // the cookie does
    // a time in the future is not believed
    expect((await read(`; ${WROTE_COOKIE}=${now.getTime() + 3_600_000}`)).statusCode).toBe(200);
    expect(replica.decisions.own_write).toBe(ownWrites + 1);
    // and this instance's own write answers with the cookie
    const wrote = await call(t, w.s.officer, 'POST', '/api/v1/petitions', {
      orgId: w.daxing.id,
      channel: 'letter',
      receivedOn: '2026-03-01',
      realName: false,
      title: '反映某村道路维修问题',
      content: '反映某村道路维修问题',
    });
    expect(wrote.statusCode, wrote.body).toBe(200);
    expect(String(wrote.headers['set-cookie'])).toContain(`${WROTE_COOKIE}=${now.getTime()}`);
    t.clock.advance(policy.stickyMs);
  });

  it('a replica lost after a good check costs a retry on the primary, never an error', async () => {
    const replica = replicaOf(t);
    // the finding says up (as if checked just now): the first query fails on the replica and runs on the primary
    replica.health = { state: 'up', lagMs: 0, checkedAt: t.clock.now().getTime() };
    const fallbacks = replica.counts.fallbackQueries;
    const res = await get(t, w.s.district, '/api/v1/petitions?pageSize=50');
    expect(res.items.length).toBeGreaterThan(0);
    expect(replica.counts.fallbackQueries).toBeGreaterThan(fallbacks);
    expect(replica.health.state).toBe('down');
  });
});
