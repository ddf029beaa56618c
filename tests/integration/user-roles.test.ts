import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminWorld, auditRows, versionOf } from '../support/admins.js';
import { call, loginAs, makeUser, signIn } from '../support/factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let w: Awaited<ReturnType<typeof adminWorld>>;
beforeAll(async () => {
  t = await createTestApp();
  w = await adminWorld(t);
});
afterAll(async () => t.close());

const codes = (res: { json(): any }, key = 'roles') =>
  res
    .json()
    [key].map((r: { code: string }) => r.code)
    .sort();

async function assign(who: keyof typeof w.sessions, userId: number, roles: string[]) {
  const version = await versionOf(t, w.sessions.sys, userId);
  return call(t, w.sessions[who], 'PUT', `/api/v1/users/${userId}/roles`, { roles, version });
}
const pendingList = async (who: keyof typeof w.sessions = 'sec') =>
  (await call(t, w.sessions[who], 'GET', '/api/v1/role-requests')).json() as any[];

describe('granting roles is the security administrator’s alone', () => {
  it('refuses the system administrator any role change (403), business roles included', async () => {
    const u = await makeUser(t.ctx, { orgId: w.townA.id, roles: ['cadre'] });
    for (const roles of [['cadre', 'district_discipline'], [], ['audit_admin']]) {
      const res = await assign('sys', u.id, roles);
      expect(res.statusCode, roles.join()).toBe(403);
      expect(res.json().error.message).toBe('没有权限执行此操作');
    }
    expect(codes(await call(t, w.sessions.sys, 'GET', `/api/v1/users/${u.id}`))).toEqual(['cadre']);
  });

  it('lets the security administrator grant and revoke business and administrator roles; the user’s sessions end', async () => {
    const u = await makeUser(t.ctx, { orgId: w.townA.id, roles: ['cadre'] });
    const s = await signIn(t, u.username);
    const res = await assign('sec', u.id, ['cadre', 'org_officer']);
    expect(res.statusCode).toBe(200);
    expect(codes(res)).toEqual(['cadre', 'org_officer']);
    expect((await call(t, s, 'GET', '/api/v1/me')).statusCode).toBe(401);
    const [row] = await auditRows(t, 'role.assign', u.id);
    expect(row).toMatchObject({ userId: w.users.sec.id });
    expect(row.detail).toMatchObject({ added: ['org_officer'], removed: [], endedSessions: 1 });
    const stale = await call(t, w.sessions.sec, 'PUT', `/api/v1/users/${u.id}/roles`, {
      roles: ['cadre'],
      version: res.json().version - 1,
    });
    expect(stale.statusCode).toBe(409);
    const admin = await makeUser(t.ctx, { orgId: w.district.id, roles: [] });
    expect(codes(await assign('sec', admin.id, ['audit_admin']))).toEqual(['audit_admin']);
    expect(codes(await assign('sec', admin.id, []))).toEqual([]);
  });
});

describe('roles proposed by the system administrator wait for their grant (待授权)', () => {
  it('a new account starts without roles: the proposed ones are pending, visible, and give nothing', async () => {
    const created = await call(t, w.sessions.sys, 'POST', '/api/v1/users', {
      username: 'zhou_jijian',
      displayName: '周纪检',
      orgId: w.district.id,
      dataScope: 'all',
      roles: ['district_discipline'],
    });
    expect(created.statusCode).toBe(200);
    const { user, password } = created.json();
    expect(user.roles).toEqual([]);
    expect(user.pendingRoles).toMatchObject([{ code: 'district_discipline', name: '区纪委' }]);
    const listed = (await call(t, w.sessions.sys, 'GET', '/api/v1/users?q=zhou_jijian')).json().items[0];
    expect(listed.pendingRoles.map((r: { code: string }) => r.code)).toEqual(['district_discipline']);
    expect((await auditRows(t, 'role.request', user.id))[0].detail).toEqual({
      roles: ['district_discipline'],
    });

    // the system administrator knows the initial password, but the account can read nothing
    const s = await loginAs(t, 'zhou_jijian', password);
    const next = 'Zhou#2026-pass';
    await call(t, s, 'POST', '/api/v1/me/password', { current: password, next });
    const me = (await call(t, s, 'GET', '/api/v1/me')).json();
    expect(me.pending).toBeNull();
    expect(me.permissions.filter((p: string) => p.startsWith('petition.'))).toEqual([]);
    expect((await call(t, s, 'GET', '/api/v1/petitions')).statusCode).toBe(403);

    // the security administrator sees it waiting, and that its password is still one an administrator set
    const [pending] = (await pendingList()).filter((r) => r.user.id === user.id);
    expect(pending).toMatchObject({
      status: 'pending',
      role: { code: 'district_discipline' },
      requestedBy: w.users.sys.displayName,
      passwordSetByAdmin: false,
      totpEnabled: false,
    });
    const bySys = await call(t, w.sessions.sys, 'POST', `/api/v1/role-requests/${pending.id}/grant`);
    expect(bySys.statusCode).toBe(403);
    const granted = await call(t, w.sessions.sec, 'POST', `/api/v1/role-requests/${pending.id}/grant`);
    expect(granted.statusCode).toBe(200);
    expect(codes(granted)).toEqual(['district_discipline']);
    expect(granted.json().pendingRoles).toEqual([]);
    expect((await call(t, s, 'GET', '/api/v1/me')).statusCode).toBe(401); // what it may do changed
    const [assigned] = await auditRows(t, 'role.assign', user.id);
    expect(assigned.detail).toMatchObject({ added: ['district_discipline'], requestId: pending.id });
    const again = await call(t, w.sessions.sec, 'POST', `/api/v1/role-requests/${pending.id}/grant`);
    expect(again.statusCode).toBe(422);
    expect(again.json().error.message).toBe('该授权申请已处理，请刷新');
    const decided = (await call(t, w.sessions.sec, 'GET', '/api/v1/role-requests?status=decided')).json();
    expect(decided.find((r: { id: number }) => r.id === pending.id)).toMatchObject({
      status: 'granted',
      decidedBy: w.users.sec.displayName,
    });
  });

  it('the security administrator refuses, the proposer withdraws, nobody else decides', async () => {
    const u = await makeUser(t.ctx, { orgId: w.townA.id, roles: ['cadre'] });
    const proposed = await call(t, w.sessions.sys, 'POST', `/api/v1/users/${u.id}/role-requests`, {
      roles: ['township_head', 'org_officer', 'cadre'],
    });
    expect(proposed.statusCode).toBe(200);
    expect(codes(proposed, 'pendingRoles')).toEqual(['org_officer', 'township_head']);
    const dup = await call(t, w.sessions.sys, 'POST', `/api/v1/users/${u.id}/role-requests`, {
      roles: ['org_officer'],
    });
    expect(dup.statusCode).toBe(422);
    expect(dup.json().error.message).toBe('所选角色已拥有或已在等待授权');
    const mine = (await pendingList('sys')).filter((r) => r.user.id === u.id);
    const head = mine.find((r) => r.role.code === 'township_head');
    const officer = mine.find((r) => r.role.code === 'org_officer');
    // the auditor changes nothing
    expect(
      (await call(t, w.sessions.aud, 'POST', `/api/v1/role-requests/${head.id}/refuse`)).statusCode,
    ).toBe(403);
    const refused = await call(t, w.sessions.sec, 'POST', `/api/v1/role-requests/${head.id}/refuse`);
    expect(refused.json()).toEqual({ ok: true, status: 'refused' });
    const withdrawn = await call(t, w.sessions.sys, 'POST', `/api/v1/role-requests/${officer.id}/refuse`);
    expect(withdrawn.json()).toEqual({ ok: true, status: 'withdrawn' });
    const after = (await call(t, w.sessions.sys, 'GET', `/api/v1/users/${u.id}`)).json();
    expect(after.roles.map((r: { code: string }) => r.code)).toEqual(['cadre']);
    expect(after.pendingRoles).toEqual([]);
    expect((await auditRows(t, 'role.request_refuse', u.id)).length).toBe(1);
    expect((await auditRows(t, 'role.request_withdraw', u.id)).length).toBe(1);
  });

  it('refuses at once a proposal 三员分立 could never grant, and one for oneself', async () => {
    const mixed = await call(t, w.sessions.sys, 'POST', '/api/v1/users', {
      username: 'mixed_one',
      displayName: '混合',
      orgId: w.district.id,
      dataScope: 'all',
      roles: ['sys_admin', 'party_secretary'],
    });
    expect(mixed.statusCode).toBe(422);
    expect(mixed.json().error.message).toContain('三员分立');
    const self = await call(t, w.sessions.sys, 'POST', `/api/v1/users/${w.users.sys.id}/role-requests`, {
      roles: ['party_secretary'],
    });
    expect(self.statusCode).toBe(403);
    const u = await makeUser(t.ctx, { orgId: w.district.id, roles: ['discipline_officer'] });
    const onBusiness = await call(t, w.sessions.sys, 'POST', `/api/v1/users/${u.id}/role-requests`, {
      roles: ['audit_admin'],
    });
    expect(onBusiness.statusCode).toBe(422);
    // a proposal can still meet a rule at its grant: the security administrator cannot grant himself
    const own = await call(t, w.sessions.sys, 'POST', `/api/v1/users/${w.users.sec.id}/role-requests`, {
      roles: ['security_admin'],
    });
    expect(own.statusCode).toBe(422); // already held: nothing to ask for
  });

  it('a role set directly counts its waiting request as granted', async () => {
    const u = await makeUser(t.ctx, { orgId: w.townA.id, roles: [] });
    await call(t, w.sessions.sys, 'POST', `/api/v1/users/${u.id}/role-requests`, {
      roles: ['audit_officer'],
    });
    const res = await assign('sec', u.id, ['audit_officer']);
    expect(res.json().pendingRoles).toEqual([]);
    expect((await pendingList()).some((r) => r.user.id === u.id)).toBe(false);
  });
});

describe('三员分立 on every role change', () => {
  it('one account never holds two of the three, nor one with a business role (422)', async () => {
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
    const unknown = await assign('sec', w.users.townSys.id, ['nope']);
    expect(unknown.statusCode).toBe(400);
  });
});
