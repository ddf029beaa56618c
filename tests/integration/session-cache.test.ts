import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { sessions } from '../../src/server/platform/auth/schema.js';
import { SESSION_CACHE_MS, SessionCache } from '../../src/server/platform/auth/session-cache.js';
import { tokenId } from '../../src/server/platform/auth/session-store.js';
import type { App } from '../../src/server/platform/http/types.js';
import { users } from '../../src/server/platform/users/schema.js';
import { adminWorld } from '../support/admins.js';
import { call, makeUser, type Session, signIn } from '../support/factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * Reads reuse a session's row for SESSION_CACHE_MS (issue 16, throughput of GET /me): a change made
 * on this instance takes effect at the next request; one made elsewhere (another instance, the CLI,
 * a direct write) within the bound, measured on the fake clock.
 */
let t: TestApp;
let w: Awaited<ReturnType<typeof adminWorld>>;
/** A second instance on the same database: its own process memory, so its own session cache. */
let other: App;
beforeAll(async () => {
  t = await createTestApp();
  w = await adminWorld(t);
  other = await buildApp({ ...t.ctx, sessions: new SessionCache() });
});
afterAll(async () => {
  await other.close();
  await t.close();
});

const me = (app: App, s: Session) =>
  app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: s.cookie } });
const idOf = (s: Session) => tokenId(decodeURIComponent(s.cookie.split('=')[1]));

describe('the session cache', () => {
  it('a session ended elsewhere is refused once the copy is older than the bound', async () => {
    const u = await makeUser(t.ctx, { orgId: w.townA.id, roles: ['cadre'] });
    const s = await signIn(t, u.username);
    expect((await me(t.app, s)).statusCode).toBe(200);
    // another instance (or the CLI) ends it: a direct write this instance does not see
    await t.ctx.db
      .update(sessions)
      .set({ endedAt: t.clock.now(), endReason: 'logout' })
      .where(eq(sessions.id, idOf(s)));
    // within the bound the copy still answers — the stated cost of the cache
    t.clock.advance(SESSION_CACHE_MS - 1);
    expect((await me(t.app, s)).statusCode).toBe(200);
    t.clock.advance(2);
    expect((await me(t.app, s)).statusCode).toBe(401);
  });

  it('a user disabled elsewhere is refused, and their session ended, past the bound', async () => {
    const u = await makeUser(t.ctx, { orgId: w.townA.id, roles: ['cadre'] });
    const s = await signIn(t, u.username);
    expect((await me(t.app, s)).statusCode).toBe(200);
    await t.ctx.db.update(users).set({ disabledAt: t.clock.now() }).where(eq(users.id, u.id));
    t.clock.advance(SESSION_CACHE_MS + 1);
    expect((await me(t.app, s)).statusCode).toBe(401);
    const [row] = await t.ctx.db
      .select()
      .from(sessions)
      .where(eq(sessions.id, idOf(s)));
    expect(row.endReason).toBe('disabled');
  });

  it('a logout on this instance takes effect at once; on another, within the bound', async () => {
    const u = await makeUser(t.ctx, { orgId: w.townA.id, roles: ['cadre'] });
    const a = await signIn(t, u.username);
    expect((await me(t.app, a)).statusCode).toBe(200);
    expect((await call(t, a, 'POST', '/api/v1/auth/logout')).statusCode).toBe(200);
    expect((await me(t.app, a)).statusCode).toBe(401);

    const b = await signIn(t, u.username);
    expect((await me(t.app, b)).statusCode).toBe(200);
    expect((await me(other, b)).statusCode).toBe(200);
    const out = await other.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie: b.cookie, 'x-csrf-token': b.csrf },
    });
    expect(out.statusCode).toBe(200);
    expect((await me(other, b)).statusCode).toBe(401);
    t.clock.advance(SESSION_CACHE_MS + 1);
    expect((await me(t.app, b)).statusCode).toBe(401);
  });

  it('disabling by an administrator on this instance refuses the user’s next read, without waiting', async () => {
    const u = await makeUser(t.ctx, { orgId: w.townA.id, roles: ['cadre'] });
    const s = await signIn(t, u.username);
    expect((await me(t.app, s)).statusCode).toBe(200);
    expect((await call(t, w.sessions.sys, 'POST', `/api/v1/users/${u.id}/disable`)).statusCode).toBe(200);
    expect((await me(t.app, s)).statusCode).toBe(401);
  });

  it('a role change on this instance refuses the old session’s next read, without waiting', async () => {
    const u = await makeUser(t.ctx, { orgId: w.townA.id, roles: ['cadre'] });
    const s = await signIn(t, u.username);
    expect((await me(t.app, s)).json().roles).toEqual(['cadre']);
    const [before] = await t.ctx.db.select().from(users).where(eq(users.id, u.id));
    const r = await call(t, w.sessions.sec, 'PUT', `/api/v1/users/${u.id}/roles`, {
      roles: ['cadre', 'org_officer'],
      version: before.version,
    });
    expect(r.statusCode).toBe(200);
    expect((await me(t.app, s)).statusCode).toBe(401);
  });

  it('a write always reads its session afresh: a session ended elsewhere cannot write within the bound', async () => {
    const u = await makeUser(t.ctx, { orgId: w.townA.id, roles: ['cadre'] });
    const s = await signIn(t, u.username);
    expect((await me(t.app, s)).statusCode).toBe(200);
    await t.ctx.db
      .update(sessions)
      .set({ endedAt: t.clock.now(), endReason: 'logout' })
      .where(eq(sessions.id, idOf(s)));
    expect((await call(t, s, 'POST', '/api/v1/auth/logout-all')).statusCode).toBe(401);
  });
});

describe('SessionCache', () => {
  const row = { id: 'x' } as never;
  it('forgets a copy past its bound, or when the clock goes back', () => {
    const c = new SessionCache(2_000);
    c.set('x', row, 10_000, c.generation);
    expect(c.get('x', 12_000)).toBe(row);
    expect(c.get('x', 12_001)).toBeUndefined();
    c.set('x', row, 10_000, c.generation);
    expect(c.get('x', 9_999)).toBeUndefined();
  });
  it('does not keep a load begun before the copies were dropped', () => {
    const c = new SessionCache(2_000);
    const g = c.generation;
    c.clear();
    c.set('x', row, 10_000, g);
    expect(c.get('x', 10_000)).toBeUndefined();
  });
  it('keeps nothing when turned off', () => {
    const c = new SessionCache(0);
    c.set('x', row, 10_000, c.generation);
    expect(c.get('x', 10_000)).toBeUndefined();
  });
});
