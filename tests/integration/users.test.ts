import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PASSWORD_POLICY, passwordProblems } from '../../src/domain/password-policy.js';
import { auditLog } from '../../src/server/platform/audit/schema.js';
import { adminWorld, auditRows } from '../support/admins.js';
import { call, loginAs, makeUser } from '../support/factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let w: Awaited<ReturnType<typeof adminWorld>>;
beforeAll(async () => {
  t = await createTestApp();
  w = await adminWorld(t);
});
afterAll(async () => t.close());

const login = (username: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });

describe('creating users', () => {
  it('generates an initial password that is shown once, meets the policy and must be changed at first login', async () => {
    const res = await call(t, w.sessions.sys, 'POST', '/api/v1/users', {
      username: 'zhangsan',
      displayName: '张三',
      orgId: w.townA.id,
      dataScope: 'org',
      phone: '13812341234',
      roles: ['cadre'],
    });
    expect(res.statusCode).toBe(200);
    const { user, password } = res.json();
    expect(passwordProblems(password, DEFAULT_PASSWORD_POLICY, 'zhangsan')).toEqual([]);
    expect(user).toMatchObject({ mustChangePassword: true, status: 'active', orgName: '甲镇' });
    // the role waits for a security administrator's grant (待授权)
    expect(user.roles).toEqual([]);
    expect(user.pendingRoles.map((r: { code: string }) => r.code)).toEqual(['cadre']);
    expect((await auditRows(t, 'user.create', user.id)).length).toBe(1);

    const first = await loginAs(t, 'zhangsan', password);
    expect(first.pending).toBe('password_change');
    expect((await call(t, first, 'GET', '/api/v1/users')).json().error.code).toBe('pending_password_change');
    const next = 'Xin!mima-2026';
    const changed = await call(t, first, 'POST', '/api/v1/me/password', { current: password, next });
    expect(changed.json().pending).toBeNull();
    expect((await login('zhangsan', password)).statusCode).toBe(401);
    expect((await login('zhangsan', next)).statusCode).toBe(200);
    // The hash, never the password, is stored; the one-time password is nowhere to be read again.
    expect(
      JSON.stringify((await call(t, w.sessions.sys, 'GET', `/api/v1/users/${user.id}`)).json()),
    ).not.toContain(password);
  });

  it('masks phones in lists, shows them in full on the record, and refuses duplicates and bad input in Chinese', async () => {
    const list = await call(t, w.sessions.sys, 'GET', '/api/v1/users?q=zhangsan');
    expect(list.json().items[0].phone).toBe('138****1234');
    const id = list.json().items[0].id;
    expect((await call(t, w.sessions.sys, 'GET', `/api/v1/users/${id}`)).json().phone).toBe('13812341234');
    const [viewed] = await auditRows(t, 'user.view', id);
    expect(viewed).toMatchObject({ userId: w.users.sys.id, objectType: 'user', result: 'success' });

    const base = { displayName: '重名', orgId: w.townA.id, dataScope: 'org', roles: [] };
    for (const username of ['zhangsan', 'ZhangSan']) {
      const dup = await call(t, w.sessions.sys, 'POST', '/api/v1/users', { ...base, username });
      expect(dup.statusCode).toBe(409);
      expect(dup.json().error.fields.username).toBe('用户名已被使用');
    }
    const bad = await call(t, w.sessions.sys, 'POST', '/api/v1/users', {
      ...base,
      username: '1x',
      phone: '12345',
      email: 'not-mail',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.username).toContain('用户名须以字母开头');
    expect(bad.json().error.fields.phone).toBe('请输入 11 位手机号码');
    expect(bad.json().error.fields.email).toBe('邮箱格式不正确');
    const unknownRole = await call(t, w.sessions.sys, 'POST', '/api/v1/users', {
      ...base,
      username: 'lisi',
      roles: ['no_such_role'],
    });
    expect(unknownRole.statusCode).toBe(400);
    expect(unknownRole.json().error.message).toContain('角色不存在');
  });

  it('keeps a township administrator inside their township and their own data scope', async () => {
    const s = w.sessions.townSys;
    const input = { username: 'wangwu', displayName: '王五', roles: [] };
    const wider = await call(t, s, 'POST', '/api/v1/users', {
      ...input,
      orgId: w.villageA.id,
      dataScope: 'all',
    });
    expect(wider.statusCode).toBe(403);
    expect(wider.json().error.message).toBe('不能授予比自己更大的数据范围');
    const other = await call(t, s, 'POST', '/api/v1/users', {
      ...input,
      orgId: w.townB.id,
      dataScope: 'org',
    });
    expect(other.statusCode).toBe(404);
    const ok = await call(t, s, 'POST', '/api/v1/users', {
      ...input,
      orgId: w.villageA.id,
      dataScope: 'subtree',
    });
    expect(ok.statusCode).toBe(200);
  });
});

describe('data scope', () => {
  it("answers 404 for another township's user and audits the attempt as denied", async () => {
    const inB = await makeUser(t.ctx, { orgId: w.townB.id, roles: ['cadre'] });
    const deniedRows = () =>
      t.ctx.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.userId, w.users.townSys.id), eq(auditLog.result, 'denied')));
    const before = (await deniedRows()).length;
    const res = await call(t, w.sessions.townSys, 'GET', `/api/v1/users/${inB.id}`);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.message).toBe('记录不存在');
    const denied = (await deniedRows()).slice(before);
    expect(denied.map((r) => [r.action, r.detail])).toEqual([
      ['user.view', { status: 404, code: 'not_found' }],
    ]);
    for (const action of ['disable', 'reset-password', 'end-sessions']) {
      expect(
        (await call(t, w.sessions.townSys, 'POST', `/api/v1/users/${inB.id}/${action}`)).statusCode,
      ).toBe(404);
    }
    const list = await call(t, w.sessions.townSys, 'GET', '/api/v1/users?pageSize=200');
    const orgNames = new Set(list.json().items.map((u: { orgName: string }) => u.orgName));
    expect([...orgNames].sort()).toEqual(['甲村', '甲镇']);
    const subtree = await call(t, w.sessions.sys, 'GET', `/api/v1/users?orgId=${w.townA.id}&pageSize=200`);
    expect(subtree.json().total).toBe(list.json().total);
    const byRole = await call(t, w.sessions.sys, 'GET', '/api/v1/users?role=security_admin');
    expect(byRole.json().items.map((u: { id: number }) => u.id)).toEqual([w.users.sec.id]);
  });
});
