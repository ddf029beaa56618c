import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../src/server/platform/audit/schema.js';
import { call, GOOD_PASSWORD, loginAs, makeOrg, makeUser, signIn } from '../support/factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('login and sessions', () => {
  it('logs in, answers /me, and refuses a state change without the CSRF token', async () => {
    const org = await makeOrg(t.ctx, '大兴镇');
    const u = await makeUser(t.ctx, { orgId: org.id, roles: ['org_officer'] });
    const s = await signIn(t, u.username);
    const me = await call(t, s, 'GET', '/api/v1/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().roles).toEqual(['org_officer']);
    const noCsrf = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie: s.cookie },
    });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().error.code).toBe('csrf');
  });

  it('locks after five wrong passwords and unlocks after 30 minutes', async () => {
    const org = await makeOrg(t.ctx, '锁定镇');
    const u = await makeUser(t.ctx, { orgId: org.id, roles: ['org_officer'] });
    for (let i = 0; i < 4; i++) {
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: u.username, password: 'wrong' },
      });
      expect(r.statusCode).toBe(401);
    }
    const fifth = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: u.username, password: 'wrong' },
    });
    expect(fifth.statusCode).toBe(423);
    const right = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: u.username, password: GOOD_PASSWORD },
    });
    expect(right.statusCode).toBe(423);
    const locks = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'auth.lock'), eq(auditLog.objectId, String(u.id))));
    expect(locks.length).toBe(1);
    t.clock.advanceMinutes(31);
    const later = await loginAs(t, u.username);
    expect(later.cookie).toMatch(/^jd_sid=/);
  });
});
