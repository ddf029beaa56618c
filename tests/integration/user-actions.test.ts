import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessions } from '../../src/server/platform/auth/schema.js';
import { adminWorld, auditRows, versionOf } from '../support/admins.js';
import { call, GOOD_PASSWORD, loginAs, makeUser, signIn } from '../support/factories.js';
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

describe('account actions', () => {
  it('disabling ends the sessions at once and refuses login; a user cannot disable themself', async () => {
    const u = await makeUser(t.ctx, { orgId: w.townA.id, roles: ['cadre'] });
    const s = await signIn(t, u.username);
    expect((await call(t, s, 'GET', '/api/v1/me')).statusCode).toBe(200);
    const res = await call(t, w.sessions.sys, 'POST', `/api/v1/users/${u.id}/disable`);
    expect(res.json().status).toBe('disabled');
    const open = await t.ctx.db
      .select()
      .from(sessions)
      .where(and(eq(sessions.userId, u.id), isNull(sessions.endedAt)));
    expect(open).toEqual([]);
    expect((await call(t, s, 'GET', '/api/v1/me')).statusCode).toBe(401);
    expect((await login(u.username, GOOD_PASSWORD)).json().error.message).toBe(
      '账号已停用，请联系系统管理员',
    );
    const filtered = await call(t, w.sessions.sys, 'GET', '/api/v1/users?status=disabled');
    expect(filtered.json().items.map((x: { id: number }) => x.id)).toEqual([u.id]);
    await call(t, w.sessions.sys, 'POST', `/api/v1/users/${u.id}/enable`);
    expect((await login(u.username, GOOD_PASSWORD)).statusCode).toBe(200);
    const self = await call(t, w.sessions.sys, 'POST', `/api/v1/users/${w.users.sys.id}/disable`);
    expect(self.statusCode).toBe(403);
    expect(self.json().error.message).toBe('不能停用自己的账号');
  });

  it('unlocks a locked account, audited as auth.unlock', async () => {
    const u = await makeUser(t.ctx, { orgId: w.townA.id, roles: ['cadre'] });
    for (let i = 0; i < 5; i++) await login(u.username, 'wrong');
    expect((await login(u.username, GOOD_PASSWORD)).statusCode).toBe(423);
    const locked = await call(t, w.sessions.sys, 'GET', '/api/v1/users?status=locked');
    expect(locked.json().items.map((x: { id: number }) => x.id)).toContain(u.id);
    const res = await call(t, w.sessions.sys, 'POST', `/api/v1/users/${u.id}/unlock`);
    expect(res.json().status).toBe('active');
    expect((await auditRows(t, 'auth.unlock', u.id)).length).toBe(1);
    expect((await login(u.username, GOOD_PASSWORD)).statusCode).toBe(200);
  });

  it('resets a password: a new one shown once, old sessions and old password gone, change forced', async () => {
    const u = await makeUser(t.ctx, { orgId: w.townA.id, roles: ['cadre'] });
    const s = await signIn(t, u.username);
    const sessions = await call(t, w.sessions.sys, 'GET', `/api/v1/users/${u.id}/sessions`);
    expect(sessions.json().length).toBe(1);
    const res = await call(t, w.sessions.sys, 'POST', `/api/v1/users/${u.id}/reset-password`);
    const { password, user } = res.json();
    expect(user.mustChangePassword).toBe(true);
    expect((await call(t, s, 'GET', '/api/v1/me')).statusCode).toBe(401);
    expect((await login(u.username, GOOD_PASSWORD)).statusCode).toBe(401);
    expect((await loginAs(t, u.username, password)).pending).toBe('password_change');
    const self = await call(t, w.sessions.sys, 'POST', `/api/v1/users/${w.users.sys.id}/reset-password`);
    expect(self.statusCode).toBe(403);
  });

  it('ends all sessions of a user on request (强制下线)', async () => {
    const u = await makeUser(t.ctx, { orgId: w.townA.id, roles: ['cadre'] });
    const s1 = await signIn(t, u.username);
    const s2 = await signIn(t, u.username);
    const res = await call(t, w.sessions.sys, 'POST', `/api/v1/users/${u.id}/end-sessions`);
    expect(res.json().ended).toBe(2);
    for (const s of [s1, s2]) expect((await call(t, s, 'GET', '/api/v1/me')).statusCode).toBe(401);
    expect((await call(t, w.sessions.sys, 'GET', `/api/v1/users/${u.id}/sessions`)).json()).toEqual([]);
  });

  it('edits with optimistic versioning: the second writer with a stale version gets 409', async () => {
    const u = await makeUser(t.ctx, { orgId: w.townA.id, roles: ['cadre'] });
    const version = await versionOf(t, w.sessions.sys, u.id);
    const edit = {
      displayName: '改名',
      orgId: w.townA.id,
      dataScope: 'org',
      phone: '',
      email: null,
      version,
    };
    const first = await call(t, w.sessions.sys, 'PUT', `/api/v1/users/${u.id}`, edit);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ displayName: '改名', phone: null, version: version + 1 });
    const stale = await call(t, w.sessions.sys, 'PUT', `/api/v1/users/${u.id}`, {
      ...edit,
      displayName: '旧',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.message).toBe('记录已被他人修改，请刷新后重试');
  });
});
