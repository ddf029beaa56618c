import { describe, expect, it } from 'vitest';
import {
  ADMIN_CLASS_PERMISSIONS,
  ALL_PERMISSIONS,
  adminSeparationViolation,
  BUILTIN_ROLES,
  forbiddenForAdminClass,
  forbiddenForBusinessRole,
  isCaseContentPermission,
  ownRoleRefusal,
  PERMISSIONS,
  type Permission,
  permissionsOf,
  roleDefinitionProblem,
} from './permissions.js';

const role = (code: string) => {
  const r = BUILTIN_ROLES.find((x) => x.code === code);
  if (!r) throw new Error(code);
  return r;
};

describe('the role catalogue', () => {
  it('grants only permissions that exist, each role once, with Chinese names', () => {
    for (const r of BUILTIN_ROLES) {
      for (const p of r.permissions) expect(PERMISSIONS, `${r.code}: ${p}`).toHaveProperty(p);
      expect(new Set(r.permissions).size, r.code).toBe(r.permissions.length);
      expect(r.name).toMatch(/\p{Script=Han}/u);
    }
    expect(new Set(BUILTIN_ROLES.map((r) => r.code)).size).toBe(BUILTIN_ROLES.length);
    expect(ALL_PERMISSIONS.length).toBe(Object.keys(PERMISSIONS).length);
  });

  it('gives each administrator class exactly one built-in role, all with two-factor required', () => {
    for (const cls of ['sys', 'security', 'audit']) {
      const admins = BUILTIN_ROLES.filter((r) => r.adminClass === cls);
      expect(admins.length, cls).toBe(1);
      expect(admins[0].mfaRequired).toBe(true);
    }
  });
});

describe('三员分立', () => {
  it('refuses two administrator classes on one account, with a Chinese message naming both', () => {
    const msg = adminSeparationViolation([role('sys_admin'), role('audit_admin')]);
    expect(msg).toContain('三员分立');
    expect(msg).toContain('系统管理员');
    expect(msg).toContain('安全审计员');
    expect(adminSeparationViolation([role('sys_admin'), role('security_admin')])).not.toBeNull();
    expect(adminSeparationViolation([role('security_admin'), role('audit_admin')])).not.toBeNull();
  });

  it('allows one administrator role, or business roles together', () => {
    expect(adminSeparationViolation([role('audit_admin')])).toBeNull();
    expect(adminSeparationViolation([role('org_officer'), role('discipline_officer')])).toBeNull();
    expect(adminSeparationViolation([])).toBeNull();
  });

  it('the built-in administrator roles hold nothing their class forbids', () => {
    for (const r of BUILTIN_ROLES.filter((x) => x.adminClass)) {
      const bad = r.permissions.filter((p) => forbiddenForAdminClass(r.adminClass!, p));
      expect(bad, r.code).toEqual([]);
    }
  });

  it('the audit administrator holds only audit.* and todo.read, and only it reads the audit log', () => {
    expect([...role('audit_admin').permissions].sort()).toEqual(['audit.export', 'audit.read', 'todo.read']);
    const readers = BUILTIN_ROLES.filter((r) => r.permissions.some((p) => p.startsWith('audit.')));
    expect(readers.map((r) => r.code)).toEqual(['audit_admin']);
  });

  it('only the security administrator manages roles; only the system administrator manages users and config', () => {
    const holders = (p: string) =>
      BUILTIN_ROLES.filter((r) => r.permissions.includes(p as any)).map((r) => r.code);
    expect(holders('role.manage')).toEqual(['security_admin']);
    for (const p of [
      'user.manage',
      'org.manage',
      'calendar.manage',
      'rule.manage',
      'dict.manage',
      'backup.manage',
    ]) {
      expect(holders(p), p).toEqual(['sys_admin']);
    }
  });

  it('forbids any business permission to every administrator class', () => {
    // Platform permissions are all the catalogue holds today; a business one must be refused.
    for (const cls of ['sys', 'security', 'audit'] as const) {
      expect(forbiddenForAdminClass(cls, 'petition.read' as any), cls).toBe(true);
      expect(forbiddenForAdminClass(cls, 'cadre.read' as any), cls).toBe(true);
    }
    expect(forbiddenForAdminClass('sys', 'audit.read')).toBe(true);
    expect(forbiddenForAdminClass('security', 'audit.export')).toBe(true);
    expect(forbiddenForAdminClass('audit', 'user.manage')).toBe(true);
    expect(forbiddenForAdminClass('audit', 'audit.read')).toBe(false);
  });
});

describe('permissions by administrator class', () => {
  const allowed = (cls: 'sys' | 'security' | 'audit') =>
    ALL_PERMISSIONS.filter((p) => !forbiddenForAdminClass(cls, p)).sort();

  it('gives each class exactly its fixed set, and nothing of the others', () => {
    expect(allowed('sys')).toEqual(
      [
        'org.read',
        'org.manage',
        'user.read',
        'user.manage',
        'role.read',
        'calendar.read',
        'calendar.manage',
        'rule.read',
        'rule.manage',
        'dict.read',
        'dict.manage',
        'todo.read',
        'backup.manage',
      ].sort(),
    );
    expect(allowed('security')).toEqual(['org.read', 'role.manage', 'role.read', 'todo.read', 'user.read']);
    expect(allowed('audit')).toEqual(['audit.export', 'audit.read', 'todo.read']);
  });

  it('refuses the security class user.manage (the old rule let it through) and the system class role.manage', () => {
    expect(forbiddenForAdminClass('security', 'user.manage')).toBe(true);
    expect(forbiddenForAdminClass('security', 'org.manage')).toBe(true);
    expect(forbiddenForAdminClass('security', 'calendar.manage')).toBe(true);
    expect(forbiddenForAdminClass('sys', 'role.manage')).toBe(true);
    expect(forbiddenForAdminClass('sys', 'todo.manage')).toBe(true);
    expect(forbiddenForAdminClass('sys', 'role.read')).toBe(false);
  });

  it('a permission added to the catalogue later is forbidden to every class unless its set names it', () => {
    expect(forbiddenForAdminClass('sys', 'petition.newthing' as Permission)).toBe(true);
    expect(forbiddenForAdminClass('sys', 'user.newthing' as Permission)).toBe(false);
    for (const cls of Object.keys(ADMIN_CLASS_PERMISSIONS) as ('sys' | 'security' | 'audit')[])
      expect(forbiddenForAdminClass(cls, 'petition.reveal_identity'), cls).toBe(true);
  });

  it('keeps administration out of business and custom roles, and the built-in business roles hold none', () => {
    expect(ALL_PERMISSIONS.filter(forbiddenForBusinessRole).sort()).toEqual([
      'audit.export',
      'audit.read',
      'role.manage',
      'user.manage',
    ]);
    for (const r of BUILTIN_ROLES.filter((x) => !x.adminClass))
      expect(r.permissions.filter(forbiddenForBusinessRole), r.code).toEqual([]);
  });

  it('explains what a role definition may not hold, in Chinese', () => {
    const sec = role('security_admin');
    expect(
      roleDefinitionProblem(sec, { permissions: [...sec.permissions, 'user.manage'], mfaRequired: true }),
    ).toEqual({
      message: '三员分立：安全保密管理员不能拥有“管理用户（创建、停用、解锁、重置密码、结束会话）”权限',
      field: 'permissions',
    });
    expect(roleDefinitionProblem(sec, { permissions: sec.permissions, mfaRequired: true })).toBeNull();
    expect(roleDefinitionProblem(sec, { permissions: ['role.read'], mfaRequired: true })?.message).toBe(
      '安全保密管理员必须保留“管理角色与权限、分配管理员角色”权限',
    );
    expect(roleDefinitionProblem(sec, { permissions: sec.permissions, mfaRequired: false })).toEqual({
      message: '安全保密管理员必须要求两步验证',
      field: 'mfaRequired',
    });
    const custom = { name: '村文书', adminClass: null };
    expect(roleDefinitionProblem(custom, { permissions: ['audit.read'], mfaRequired: false })?.message).toBe(
      '三员分立：“查看审计日志”只属于管理员角色，村文书不能拥有',
    );
    expect(
      roleDefinitionProblem(custom, { permissions: ['petition.read', 'org.manage'], mfaRequired: false }),
    ).toBeNull();
  });

  it('never lets a caller change a role they hold', () => {
    expect(ownRoleRefusal(['security_admin'], 'security_admin')).toContain('不能修改自己拥有的角色');
    expect(ownRoleRefusal(['security_admin'], 'sys_admin')).toBeNull();
  });

  it('names the case-content permissions: petitions, the supervision file and the full ID number', () => {
    expect(ALL_PERMISSIONS.filter(isCaseContentPermission)).toEqual(
      expect.arrayContaining(['petition.read', 'petition.reveal_identity', 'cadre.file', 'cadre.id_number']),
    );
    expect(isCaseContentPermission('cadre.read')).toBe(false);
    expect(isCaseContentPermission('user.manage')).toBe(false);
    // no administrator class may ever hold one
    for (const cls of ['sys', 'security', 'audit'] as const)
      expect(
        ALL_PERMISSIONS.filter((p) => isCaseContentPermission(p) && !forbiddenForAdminClass(cls, p)),
      ).toEqual([]);
  });
});

describe('permissionsOf', () => {
  it('unites the permissions of several roles', () => {
    const set = permissionsOf([role('cadre'), role('audit_admin')]);
    expect(set.has('audit.read')).toBe(true);
    expect(set.has('calendar.read')).toBe(true);
    expect(set.has('org.manage')).toBe(false);
  });
});
