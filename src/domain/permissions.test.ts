import { describe, expect, it } from 'vitest';
import {
  ALL_PERMISSIONS,
  adminSeparationViolation,
  BUILTIN_ROLES,
  forbiddenForAdminClass,
  PERMISSIONS,
  permissionsOf,
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

describe('permissionsOf', () => {
  it('unites the permissions of several roles', () => {
    const set = permissionsOf([role('cadre'), role('audit_admin')]);
    expect(set.has('audit.read')).toBe(true);
    expect(set.has('calendar.read')).toBe(true);
    expect(set.has('org.manage')).toBe(false);
  });
});
