import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluationBallots, evaluationCodes } from '../../src/server/modules/assessments/schema.js';
import { insertCadres } from '../../src/server/modules/cadres/write-cadre.js';
import { portalThrottle } from '../../src/server/modules/petitions/portal/schema.js';
import { sweepWrongCodes } from '../../src/server/modules/petitions/portal/throttle.js';
import { sessions } from '../../src/server/platform/auth/schema.js';
import { tokenId } from '../../src/server/platform/auth/session-store.js';
import { scopeKey } from '../../src/server/platform/http/db-rate-store.js';
import { rateLimitHits } from '../../src/server/platform/http/rate-limit-schema.js';
import { call, makeOrg, makeUser, signIn } from '../support/factories.js';
import { createTestApp, openAnotherInstance, type TestApp } from '../support/test-app.js';

/**
 * The ballot route counts the address's portal hit inside its own statement (one round trip): the
 * limits must hold exactly as before — the same counter as the plugin's other portal routes, on
 * every instance, under concurrency, for bodies refused before the use case, and the wrong-code
 * throttle before any code is looked at.
 */
let a: TestApp;
let b: TestApp;
let codes: string[];
let subject: number;
let officer: string;
let next = 0;
const code = () => codes[next++];
beforeAll(async () => {
  a = await createTestApp();
  b = await openAnotherInstance(a);
  const town = await makeOrg(a.ctx, '限流镇');
  [subject] = await insertCadres(
    a.ctx.db,
    a.ctx,
    [{ orgId: town.id, name: '测评对象', status: 'active' }],
    'manual',
  );
  const u = await makeUser(a.ctx, { orgId: town.id, roles: ['org_officer'] });
  officer = u.username;
  const s = await signIn(a, u.username);
  const ev = await call(a, s, 'POST', '/api/v1/assessments/evaluations', {
    orgId: town.id,
    title: '限流测评',
    subjectKind: 'cadre',
    subjectCadreIds: [subject],
    electorate: 300,
    heldOn: '2026-03-02',
  });
  codes = (
    await call(a, s, 'POST', `/api/v1/assessments/evaluations/${ev.json().id}/codes`, { count: 300 })
  ).json().codes;
});
afterAll(async () => {
  await b.close();
  await a.close();
});

const answers = () => ({
  [subject]: { de: '好', neng: '较好', qin: '好', ji: '一般', lian: '好', overall: '好' },
});
const vote = (t: TestApp, ip: string, c: string, body: unknown = { code: c, answers: answers() }) =>
  t.app.inject({ method: 'POST', url: '/api/v1/portal/ballots', payload: body as any, remoteAddress: ip });
const open = (t: TestApp, ip: string, c: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/portal/ballots/open',
    payload: { code: c },
    remoteAddress: ip,
  });
const stored = async () => Number((await a.ctx.db.select({ n: count() }).from(evaluationBallots))[0].n);
const isUsed = async (c: string) => {
  const { codeDigest } = await import('../../src/server/modules/assessments/create-evaluation.js');
  const { normalizeReceiptCode } = await import('../../src/domain/receipt-code.js');
  const [row] = await a.ctx.db
    .select({ used: evaluationCodes.used })
    .from(evaluationCodes)
    .where(eq(evaluationCodes.codeDigest, codeDigest(a.ctx, normalizeReceiptCode(c)!)));
  return row.used;
};

describe('the ballot route under the portal limit', () => {
  it('shares the 60 a minute with the other portal routes on every instance; the 61st spends nothing', async () => {
    const ip = '10.20.0.1';
    const before = await stored();
    for (let i = 0; i < 30; i++) {
      expect((await open(a, ip, codes[200])).statusCode).toBe(200);
      expect((await vote(b, ip, code())).statusCode).toBe(200);
    }
    const refused = code();
    const over = await vote(a, ip, refused);
    expect(over.statusCode).toBe(429);
    expect(over.json().error.message).toContain('访问过于频繁');
    expect((await open(b, ip, codes[200])).statusCode).toBe(429);
    expect(await isUsed(refused)).toBe(false);
    expect(await stored()).toBe(before + 30);
    // the window ends by the (shared) clock
    a.clock.advance(61_000);
    expect((await vote(b, ip, refused)).statusCode).toBe(200);
  });

  it('counts exactly under concurrent ballots from both instances: 60 stored, 10 refused', async () => {
    const ip = '10.20.0.2';
    const before = await stored();
    const mine = Array.from({ length: 70 }, () => code());
    const statuses = await Promise.all(
      mine.map((c, i) => vote(i % 2 ? a : b, ip, c).then((r) => r.statusCode)),
    );
    expect(statuses.filter((s) => s === 200)).toHaveLength(60);
    expect(statuses.filter((s) => s === 429)).toHaveLength(10);
    expect(await stored()).toBe(before + 60);
  });

  it('one code used at once on both instances stores one ballot', async () => {
    const before = await stored();
    const c = code();
    const statuses = await Promise.all(
      Array.from({ length: 8 }, (_, i) => vote(i % 2 ? a : b, `10.20.1.${i}`, c).then((r) => r.statusCode)),
    );
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 400)).toHaveLength(7);
    expect(await stored()).toBe(before + 1);
  });

  it('counts a body the schema refuses, before the use case ever runs', async () => {
    const ip = '10.20.0.3';
    const hits = async () =>
      Number(
        (
          await a.ctx.db
            .select({ hits: rateLimitHits.hits })
            .from(rateLimitHits)
            .where(eq(rateLimitHits.key, scopeKey(a.ctx, 'assessments', ip)))
        )[0]?.hits ?? 0,
      );
    for (let i = 0; i < 60; i++) {
      expect((await vote(i % 2 ? a : b, ip, '', { nonsense: true })).statusCode).toBe(400);
      // counted before the answer left, so the caller's next request finds it counted
      expect(await hits()).toBe(i + 1);
    }
    const c = code();
    expect((await vote(a, ip, c)).statusCode).toBe(429);
    expect(await isUsed(c)).toBe(false);
  });

  it('refuses an address guessing codes (on either instance) before looking at the code, for 15 minutes', async () => {
    const ip = '10.20.0.4';
    for (let i = 0; i < 10; i++) {
      const wrong = await vote(i % 2 ? a : b, ip, `0000-0000-0000-000${i}`);
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json().error.message).toBe('测评码无效或已使用');
    }
    const c = code();
    const refused = await vote(b, ip, c);
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.message).toContain('错误次数过多');
    expect(await isUsed(c)).toBe(false);
    a.clock.advance(15 * 60_000 + 1000);
    expect((await vote(a, ip, c)).statusCode).toBe(200);
    // a new window counts from one again, and the sweep forgets the ended ones
    expect((await vote(b, ip, '0000-0000-0000-0009')).statusCode).toBe(400);
    expect((await vote(b, ip, code())).statusCode).toBe(200);
    const rows = async () => (await a.ctx.db.select().from(portalThrottle)).length;
    expect(await rows()).toBeGreaterThan(0);
    a.clock.advance(15 * 60_000 + 1000);
    await sweepWrongCodes(b.ctx);
    expect(await rows()).toBe(0);
  });

  it('still names the answers’ problem for a good code, and keeps the code', async () => {
    const c = code();
    const other = await vote(a, '10.20.0.5', c, { code: c, answers: { '999999': answers()[subject] } });
    expect(other.statusCode).toBe(400);
    expect(other.json().error.message).toBe('请对每一位测评对象作出评价');
    expect(await isUsed(c)).toBe(false);
  });
});

describe('a portal request and the sessions', () => {
  it('does not read, touch or drop a staff session the browser carries while voting', async () => {
    const s = await signIn(a, officer);
    const id = tokenId(s.cookie.match(/jd_sid=([^;]+)/)![1]);
    const seen = async () =>
      (await a.ctx.db.select().from(sessions).where(eq(sessions.id, id)))[0].lastSeenAt.getTime();
    const before = await seen();
    // two idle minutes: any request that reads the session moves last_seen_at
    a.clock.advance(2 * 60_000);
    const generation = a.ctx.sessions.generation;
    const res = await a.app.inject({
      method: 'POST',
      url: '/api/v1/portal/ballots',
      payload: { code: code(), answers: answers() },
      headers: { cookie: s.cookie },
      remoteAddress: '10.20.0.9',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(await seen()).toBe(before);
    // this instance's cached copies of sessions were not dropped either
    expect(a.ctx.sessions.generation).toBe(generation);
    // while a staff request does both
    expect(
      (
        await a.app.inject({
          method: 'POST',
          url: '/api/v1/auth/logout',
          headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
        })
      ).statusCode,
    ).toBeLessThan(500);
    expect(a.ctx.sessions.generation).not.toBe(generation);
  });
});
