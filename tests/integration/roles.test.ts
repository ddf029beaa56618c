import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rolePermissions, roles } from '../../src/server/platform/users/schema.js';
import { repairRoleClasses } from '../../src/server/platform/users/seed-roles.js';
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

interface Role {
  id: number;
  code: string;
  permissions: string[];
  userCount: number;
  version: number;
  name: string;
  mfaRequired: boolean;
}
const roleList = async () => (await call(t, w.sessions.sec, 'GET', '/api/v1/roles')).json() as Role[];
const role = async (code: string) => (await roleList()).find((r) => r.code === code)!;

describe('roles and permissions', () => {
  it('lists roles with permissions and holders, and the permission catalogue in Chinese', async () => {
    const sys = await role('sys_admin');
    expect(sys.permissions).toContain('user.manage');
    expect(sys.userCount).toBe(2);
    const catalogue = (await call(t, w.sessions.sys, 'GET', '/api/v1/roles/permissions')).json();
    expect(catalogue.find((p: { code: string }) => p.code === 'audit.read')).toEqual({
      code: 'audit.read',
      label: '查看审计日志',
      group: 'audit',
      groupLabel: '审计日志',
      forbiddenFor: ['sys', 'security', 'business'],
    });
    expect((await call(t, w.sessions.aud, 'GET', '/api/v1/roles')).statusCode).toBe(403);
  });

  it('creates, edits and deletes a custom role; its permissions take effect for its holders', async () => {
    const input = { code: 'village_clerk', name: '村文书', mfaRequired: false, permissions: ['todo.read'] };
    const bySys = await call(t, w.sessions.sys, 'POST', '/api/v1/roles', input);
    expect(bySys.statusCode).toBe(403);
    const created = await call(t, w.sessions.sec, 'POST', '/api/v1/roles', input);
    expect(created.statusCode).toBe(200);
    const id = created.json().id;
    expect((await call(t, w.sessions.sec, 'POST', '/api/v1/roles', input)).statusCode).toBe(409);
    const badCode = await call(t, w.sessions.sec, 'POST', '/api/v1/roles', { ...input, code: 'Bad-Code' });
    expect(badCode.statusCode).toBe(400);
    expect(badCode.json().error.fields.code).toContain('角色编码须以小写字母开头');
    const badPerm = await call(t, w.sessions.sec, 'POST', '/api/v1/roles', {
      ...input,
      code: 'x_role',
      permissions: ['root.everything'],
    });
    expect(badPerm.statusCode).toBe(400);

    const holder = await makeUser(t.ctx, { orgId: w.townA.id, roles: [] });
    const version = await versionOf(t, w.sessions.sys, holder.id);
    const put = { roles: ['village_clerk'], version };
    expect((await call(t, w.sessions.sec, 'PUT', `/api/v1/users/${holder.id}/roles`, put)).statusCode).toBe(
      200,
    );
    const s = await signIn(t, holder.username);
    expect((await call(t, s, 'GET', '/api/v1/orgs')).statusCode).toBe(403);
    const edit = {
      name: '村文书（兼）',
      mfaRequired: false,
      permissions: ['todo.read', 'org.read'],
      version: 1,
    };
    const edited = await call(t, w.sessions.sec, 'PUT', `/api/v1/roles/${id}`, edit);
    expect(edited.json()).toMatchObject({ name: '村文书（兼）', version: 2, userCount: 1 });
    expect((await call(t, s, 'GET', '/api/v1/orgs')).statusCode).toBe(200);
    expect((await call(t, w.sessions.sec, 'PUT', `/api/v1/roles/${id}`, edit)).statusCode).toBe(409);
    expect((await auditRows(t, 'role.update', id))[0].detail).toMatchObject({
      granted: ['org.read'],
      revoked: [],
    });

    const held = await call(t, w.sessions.sec, 'DELETE', `/api/v1/roles/${id}`);
    expect(held.statusCode).toBe(422);
    expect(held.json().error.message).toBe('还有 1 个用户拥有该角色，请先撤销后再删除');
    const clear = { roles: [], version: version + 1 };
    expect((await call(t, w.sessions.sec, 'PUT', `/api/v1/users/${holder.id}/roles`, clear)).statusCode).toBe(
      200,
    );
    expect((await call(t, w.sessions.sec, 'DELETE', `/api/v1/roles/${id}`)).statusCode).toBe(200);
    expect((await roleList()).some((r) => r.code === 'village_clerk')).toBe(false);
    expect((await auditRows(t, 'role.create', id)).length).toBe(1);
    expect((await auditRows(t, 'role.delete', id)).length).toBe(1);
    const builtin = await call(t, w.sessions.sec, 'DELETE', `/api/v1/roles/${(await role('cadre')).id}`);
    expect(builtin.json().error.message).toBe('内置角色不能删除');
  });

  it('refuses the three administrator roles a permission that 三员分立 forbids them, in Chinese', async () => {
    const aud = await role('audit_admin');
    const widen = { name: aud.name, mfaRequired: true, version: aud.version };
    const res = await call(t, w.sessions.sec, 'PUT', `/api/v1/roles/${aud.id}`, {
      ...widen,
      permissions: [...aud.permissions, 'user.manage'],
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toBe(
      '三员分立：安全审计员不能拥有“管理用户（创建、停用、解锁、重置密码、结束会话）”权限',
    );
    const sys = await role('sys_admin');
    const peek = await call(t, w.sessions.sec, 'PUT', `/api/v1/roles/${sys.id}`, {
      name: sys.name,
      mfaRequired: true,
      version: sys.version,
      permissions: [...sys.permissions, 'audit.read'],
    });
    expect(peek.statusCode).toBe(422);
    const sysWithRoles = await call(t, w.sessions.sec, 'PUT', `/api/v1/roles/${sys.id}`, {
      name: sys.name,
      mfaRequired: true,
      version: sys.version,
      permissions: [...sys.permissions, 'role.manage'],
    });
    expect(sysWithRoles.statusCode).toBe(422);
    expect(sysWithRoles.json().error.message).toBe(
      '三员分立：系统管理员不能拥有“管理角色与权限、分配管理员角色”权限',
    );
    const noTotp = await call(t, w.sessions.sec, 'PUT', `/api/v1/roles/${aud.id}`, {
      ...widen,
      mfaRequired: false,
      permissions: aud.permissions,
    });
    expect(noTotp.statusCode).toBe(422);
    expect(noTotp.json().error.message).toBe('安全审计员必须要求两步验证');
    // A built-in role's permissions stay editable within the rules.
    const trimmed = await call(t, w.sessions.sec, 'PUT', `/api/v1/roles/${aud.id}`, {
      ...widen,
      permissions: ['audit.read', 'todo.read'],
    });
    expect(trimmed.json()).toMatchObject({ code: 'audit_admin', adminClass: 'audit', builtin: true });
    expect(trimmed.json().permissions).toEqual(['audit.read', 'todo.read']);
  });

  it('never lets the security administrator change the role he holds: no user.manage for himself (403)', async () => {
    const sec = await role('security_admin');
    const body = { name: sec.name, mfaRequired: true, version: sec.version };
    for (const permissions of [
      [...sec.permissions, 'user.manage'],
      [...sec.permissions, 'petition.read'],
      sec.permissions,
    ]) {
      const res = await call(t, w.sessions.sec, 'PUT', `/api/v1/roles/${sec.id}`, { ...body, permissions });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.message).toBe('不能修改自己拥有的角色：任何人都不能调整自己的权限');
    }
    expect((await role('security_admin')).permissions).toEqual(sec.permissions);
  });

  it('keeps administration out of custom and business roles (422)', async () => {
    for (const p of ['user.manage', 'role.manage', 'audit.read', 'audit.export']) {
      const created = await call(t, w.sessions.sec, 'POST', '/api/v1/roles', {
        code: 'shadow_admin',
        name: '影子管理员',
        mfaRequired: true,
        permissions: ['todo.read', p],
      });
      expect(created.statusCode, p).toBe(422);
      expect(created.json().error.message, p).toContain('只属于管理员角色');
    }
    const cadre = await role('cadre');
    const widened = await call(t, w.sessions.sec, 'PUT', `/api/v1/roles/${cadre.id}`, {
      name: cadre.name,
      mfaRequired: false,
      version: cadre.version,
      permissions: [...cadre.permissions, 'user.manage'],
    });
    expect(widened.statusCode).toBe(422);
  });

  it('repairs at start-up a role an older rule let out of its class, and audits the repair', async () => {
    const sec = await role('security_admin');
    const cadre = await role('cadre');
    await t.ctx.db.insert(rolePermissions).values([
      { roleId: sec.id, permission: 'user.manage' },
      { roleId: cadre.id, permission: 'audit.read' },
    ]);
    await t.ctx.db.update(roles).set({ mfaRequired: false }).where(eq(roles.id, sec.id));
    await t.ctx.db.transaction((tx) => repairRoleClasses(tx, t.clock.now()));
    expect((await role('security_admin')).permissions).toEqual(sec.permissions);
    expect((await role('security_admin')).mfaRequired).toBe(true);
    expect((await role('cadre')).permissions).toEqual(cadre.permissions);
    const repairs = await auditRows(t, 'role.repair');
    expect(repairs.map((r) => r.detail)).toEqual([
      { code: 'security_admin', revoked: ['user.manage'], mfaRequired: true },
      { code: 'cadre', revoked: ['audit.read'] },
    ]);
  });
});
