import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildApp } from '../../src/server/app.js';
import { totpCode } from '../../src/server/platform/auth/totp.js';
import { text } from '../../src/server/platform/http/text.js';
import { call, loginAs, makeOrg, makeUser, signIn } from '../support/factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let orgId: number;
beforeAll(async () => {
  t = await createTestApp();
  orgId = (await makeOrg(t.ctx, '安全镇')).id;
});
afterAll(async () => t.close());

const concrete = (url: string) =>
  url
    .replace(/:day\b/g, '2026-01-05')
    .replace(/:key\b/g, 'petition.acceptance')
    .replace(/:type\b/g, 'org_kind')
    .replace(/:\w+/g, '1');

describe('deny by default', () => {
  it('every /api route declares who may call it', () => {
    const api = t.app.routeTable.filter((r) => r.url.startsWith('/api/') && r.url !== '/api/openapi.json');
    expect(api.length).toBeGreaterThan(5);
    expect(api.filter((r) => !r.access).map((r) => `${r.method} ${r.url}`)).toEqual([]);
  });

  it('every route refuses an anonymous caller except the public ones', async () => {
    const guarded = t.app.routeTable.filter(
      (r) => r.url.startsWith('/api/') && r.access && r.access !== 'public',
    );
    for (const r of guarded) {
      const res = await t.app.inject({
        method: r.method as any,
        url: concrete(r.url),
        payload: r.method === 'GET' ? undefined : {},
      });
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(401);
      expect(res.json().error.message).toBe('请先登录');
    }
  });
});

describe('every request string is storable text', () => {
  it('a route whose request schema holds a bare z.string() stops the app from building', async () => {
    const app = await buildApp(t.ctx);
    expect(() =>
      app.post(
        '/api/v1/lint-probe',
        { schema: { body: z.object({ name: z.string() }) }, config: { access: 'public' } },
        async () => ({}),
      ),
    ).toThrow('route POST /api/v1/lint-probe: use text() for body.name');
    expect(() =>
      app.get(
        '/api/v1/lint-probe',
        { schema: { querystring: z.object({ q: text().optional() }) }, config: { access: 'public' } },
        async () => ({}),
      ),
    ).not.toThrow();
    await app.close();
  });
});

describe('sessions', () => {
  it('sets a strict, httpOnly cookie and security headers; API answers are not cached', async () => {
    const u = await makeUser(t.ctx, { orgId, roles: ['org_officer'] });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: u.username, password: 'Jd!2026-test' },
    });
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('ends a session idle for 30 minutes', async () => {
    const u = await makeUser(t.ctx, { orgId, roles: ['org_officer'] });
    const s = await signIn(t, u.username);
    t.clock.advanceMinutes(29);
    expect((await call(t, s, 'GET', '/api/v1/me')).statusCode).toBe(200);
    t.clock.advanceMinutes(31);
    expect((await call(t, s, 'GET', '/api/v1/me')).statusCode).toBe(401);
  });

  it('ends an active session at the absolute timeout (12 hours)', async () => {
    const u = await makeUser(t.ctx, { orgId, roles: ['org_officer'] });
    const s = await signIn(t, u.username);
    for (let i = 0; i < 35; i++) {
      t.clock.advanceMinutes(20);
      expect((await call(t, s, 'GET', '/api/v1/me')).statusCode).toBe(200);
    }
    t.clock.advanceMinutes(20); // 720 minutes
    t.clock.advanceMinutes(1);
    expect((await call(t, s, 'GET', '/api/v1/me')).statusCode).toBe(401);
  });

  it('logout everywhere ends every session of the user', async () => {
    const u = await makeUser(t.ctx, { orgId, roles: ['org_officer'] });
    const a = await signIn(t, u.username);
    const b = await signIn(t, u.username);
    expect((await call(t, a, 'POST', '/api/v1/auth/logout-all')).json().ended).toBe(2);
    expect((await call(t, b, 'GET', '/api/v1/me')).statusCode).toBe(401);
  });

  it('issues a new session id at every login', async () => {
    const u = await makeUser(t.ctx, { orgId, roles: ['org_officer'] });
    const a = await loginAs(t, u.username);
    const b = await loginAs(t, u.username);
    expect(a.cookie).not.toBe(b.cookie);
  });
});

describe('password and second factor', () => {
  it('forces a change of an expired password (90 days)', async () => {
    const u = await makeUser(t.ctx, { orgId, roles: ['org_officer'] });
    t.clock.advance(90 * 86_400_000);
    const s = await loginAs(t, u.username);
    expect(s.pending).toBe('password_change');
    const blocked = await call(t, s, 'GET', '/api/v1/orgs');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('pending_password_change');
    const weak = await call(t, s, 'POST', '/api/v1/me/password', { current: 'Jd!2026-test', next: 'abc' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.message).toContain('密码长度至少 8 位');
    const ok = await call(t, s, 'POST', '/api/v1/me/password', {
      current: 'Jd!2026-test',
      next: 'New#Pass2026',
    });
    expect(ok.json().pending).toBeNull();
    expect((await call(t, s, 'GET', '/api/v1/orgs')).statusCode).toBe(200);
  });

  it('a role that requires TOTP cannot get past login with a password alone', async () => {
    const u = await makeUser(t.ctx, { orgId, roles: ['discipline_officer'] });
    const first = await loginAs(t, u.username);
    expect(first.pending).toBe('totp_enrol');
    expect((await call(t, first, 'GET', '/api/v1/orgs')).statusCode).toBe(403);
    const setup = await call(t, first, 'POST', '/api/v1/me/totp/setup');
    const secret = setup.json().secret as string;
    const enrol = await call(t, first, 'POST', '/api/v1/me/totp/enable', {
      code: totpCode(secret, t.clock.now()),
    });
    expect(enrol.json().pending).toBeNull();

    t.clock.advance(60_000);
    const second = await loginAs(t, u.username);
    expect(second.pending).toBe('totp');
    expect((await call(t, second, 'GET', '/api/v1/orgs')).statusCode).toBe(403);
    // a password alone can neither re-enrol nor change the password
    expect((await call(t, second, 'POST', '/api/v1/me/totp/setup')).statusCode).toBe(403);
    expect(
      (
        await call(t, second, 'POST', '/api/v1/me/password', {
          current: 'Jd!2026-test',
          next: 'Other#Pass2026',
        })
      ).statusCode,
    ).toBe(403);
    expect((await call(t, second, 'POST', '/api/v1/auth/totp', { code: '000000' })).statusCode).toBe(400);
    const code = totpCode(secret, t.clock.now());
    expect((await call(t, second, 'POST', '/api/v1/auth/totp', { code })).json().pending).toBeNull();
    expect((await call(t, second, 'GET', '/api/v1/orgs')).statusCode).toBe(200);

    const third = await loginAs(t, u.username);
    expect((await call(t, third, 'POST', '/api/v1/auth/totp', { code })).statusCode).toBe(400); // replayed code
  });
});
