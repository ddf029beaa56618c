import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../src/server/platform/audit/schema.js';
import { orgs } from '../../src/server/platform/orgs/schema.js';
import { roles, userRoles, users } from '../../src/server/platform/users/schema.js';
import { loginAs } from '../support/factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const body = {
  orgName: '新城区',
  username: 'founder',
  displayName: '宋文博',
  password: 'Xc!2026-setup',
  confirm: 'Xc!2026-setup',
};
const post = (payload: object, remoteAddress = '127.0.0.1', headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/v1/setup', payload, remoteAddress, headers });

describe('first-run setup', () => {
  it('is needed while no account exists, and refuses remote callers, proxied calls and bad input', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/setup' })).json()).toEqual({ needed: true });

    const remote = await post(body, '10.0.0.5');
    expect(remote.statusCode).toBe(403);
    expect(remote.json().error.code).toBe('setup_local_only');
    expect(remote.json().error.message).toContain('服务器本机');
    const proxied = await post(body, '127.0.0.1', { 'x-forwarded-for': '127.0.0.1' });
    expect(proxied.statusCode).toBe(403);
    const denied = await t.ctx.db.select().from(auditLog).where(eq(auditLog.action, 'setup.create_admin'));
    expect(denied.map((r) => [r.result, r.ip])).toContainEqual(['denied', '10.0.0.5']);

    const weak = await post({ ...body, password: 'abc12345', confirm: 'abc12345' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.fields.password).toContain('至少 3 类');
    const mismatch = await post({ ...body, confirm: 'Xc!2026-other' });
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.json().error.fields.confirm).toBe('两次输入的密码不一致');
    expect((await t.ctx.db.select().from(users)).length).toBe(0);
  });

  it('creates the district and its system administrator once, from the server machine, audited', async () => {
    const ok = await post(body, '::1');
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ username: 'founder', orgName: '新城区' });

    const [user] = await t.ctx.db.select().from(users).where(eq(users.username, 'founder'));
    expect(user).toMatchObject({ displayName: '宋文博', dataScope: 'all', mustChangePassword: false });
    const [org] = await t.ctx.db.select().from(orgs).where(eq(orgs.id, user.orgId));
    expect(org).toMatchObject({ kind: 'district', parentId: null, path: `/${org.id}/` });
    const held = await t.ctx.db
      .select({ code: roles.code })
      .from(userRoles)
      .innerJoin(roles, eq(roles.id, userRoles.roleId))
      .where(eq(userRoles.userId, user.id));
    expect(held).toEqual([{ code: 'sys_admin' }]);
    const records = await t.ctx.db.select().from(auditLog).where(eq(auditLog.result, 'success'));
    expect(records.map((r) => [r.action, (r.detail as any).via, r.ip])).toEqual([
      ['org.create', 'setup', '::1'],
      ['user.create', 'setup', '::1'],
    ]);

    // The administrator chose the password: login goes straight to the second-factor enrolment.
    expect((await loginAs(t, 'founder', body.password)).pending).toBe('totp_enrol');

    expect((await t.app.inject({ method: 'GET', url: '/api/v1/setup' })).json()).toEqual({ needed: false });
    const again = await post({ ...body, username: 'second' });
    expect(again.statusCode).toBe(403);
    expect(again.json().error.code).toBe('setup_done');
    expect((await t.ctx.db.select().from(users)).length).toBe(1);
  });

  it('lets only one of two simultaneous setups through', async () => {
    await t.ctx.db.delete(userRoles);
    await t.ctx.db.delete(users);
    const [a, b] = await Promise.all([
      post({ ...body, username: 'first' }),
      post({ ...body, username: 'other' }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 403]);
    expect((await t.ctx.db.select().from(users)).length).toBe(1);
  });
});
