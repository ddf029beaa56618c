import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminWorld, auditRows, versionOf } from '../support/admins.js';
import { call, makeUser, signIn } from '../support/factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let w: Awaited<ReturnType<typeof adminWorld>>;
beforeAll(async () => {
  t = await createTestApp();
  w = await adminWorld(t);
});
afterAll(async () => t.close());

const codes = (res: { json(): any }) =>
  res
    .json()
    .roles.map((r: { code: string }) => r.code)
    .sort();

async function assign(who: keyof typeof w.sessions, userId: number, roles: string[]) {
  const version = await versionOf(t, w.sessions.sys, userId);
  return call(t, w.sessions[who], 'PUT', `/api/v1/users/${userId}/roles`, { roles, version });
}

describe('role assignment', () => {
  it('lets the system administrator assign business roles, and ends the sessions of the user', async () => {
    const u = await makeUser(t.ctx, { orgId: w.townA.id, roles: ['cadre'] });
    const s = await signIn(t, u.username);
    const res = await assign('sys', u.id, ['cadre', 'org_officer']);
    expect(res.statusCode).toBe(200);
    expect(codes(res)).toEqual(['cadre', 'org_officer']);
    expect((await call(t, s, 'GET', '/api/v1/me')).statusCode).toBe(401);
    const [row] = await auditRows(t, 'role.assign', u.id);
    expect(row.detail).toMatchObject({ added: ['org_officer'], removed: [], endedSessions: 1 });
    const stale = await call(t, w.sessions.sys, 'PUT', `/api/v1/users/${u.id}/roles`, {
      roles: ['cadre'],
      version: res.json().version - 1,
    });
    expect(stale.statusCode).toBe(409);
  });

  it('refuses the three administrator roles to the system administrator (403), leaving them to the security administrator', async () => {
    const u = await makeUser(t.ctx, { orgId: w.district.id, roles: [] });
    const bySys = await assign('sys', u.id, ['audit_admin']);
    expect(bySys.statusCode).toBe(403);
    expect(bySys.json().error.message).toContain('安全保密管理员');
    const created = await call(t, w.sessions.sys, 'POST', '/api/v1/users', {
      username: 'shadow_admin',
      displayName: '影子',
      orgId: w.district.id,
      dataScope: 'all',
      roles: ['security_admin'],
    });
    expect(created.statusCode).toBe(403);
    const bySec = await assign('sec', u.id, ['audit_admin']);
    expect(bySec.statusCode).toBe(200);
    expect(codes(bySec)).toEqual(['audit_admin']);
    // ...who in turn may not hand out business roles.
    const business = await assign('sec', u.id, ['audit_admin', 'cadre']);
    expect(business.statusCode).toBe(403);
    expect((await assign('sec', u.id, [])).statusCode).toBe(200);
  });

  it('enforces 三员分立: one account never holds two of the three, nor one with a business role (422)', async () => {
    const u = await makeUser(t.ctx, { orgId: w.district.id, roles: ['sys_admin'] });
    const res = await assign('sec', u.id, ['sys_admin', 'audit_admin']);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toBe('三员分立：同一账号不能同时担任系统管理员、安全审计员');
    expect(codes(await call(t, w.sessions.sys, 'GET', `/api/v1/users/${u.id}`))).toEqual(['sys_admin']);
    const cadre = await makeUser(t.ctx, { orgId: w.district.id, roles: ['discipline_officer'] });
    const mixed = await assign('sec', cadre.id, ['discipline_officer', 'audit_admin']);
    expect(mixed.statusCode).toBe(422);
    expect(mixed.json().error.message).toContain('三员分立');
  });

  it('keeps at least one enabled holder of each administrator role, and nobody changes their own roles', async () => {
    const only = await assign('sec', w.users.aud.id, []);
    expect(only.statusCode).toBe(422);
    expect(only.json().error.message).toBe('系统中至少要保留一名启用的安全审计员');
    const disable = await call(t, w.sessions.sys, 'POST', `/api/v1/users/${w.users.sec.id}/disable`);
    expect(disable.statusCode).toBe(422);
    const self = await assign('sec', w.users.sec.id, ['security_admin']);
    expect(self.statusCode).toBe(403);
    expect(self.json().error.message).toBe('不能修改自己的角色，请由其他管理员操作');
    const unknown = await assign('sys', w.users.townSys.id, ['nope']);
    expect(unknown.statusCode).toBe(400);
  });
});
