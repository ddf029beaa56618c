import { and, count, eq, inArray, isNull, ne } from 'drizzle-orm';
import { adminSeparationViolation } from '../../../domain/permissions.js';
import { type Actor, can } from '../access/actor.js';
import type { Queryable } from '../db/client.js';
import { badRequest, forbidden, unprocessable } from '../http/errors.js';
import { roles, userRoles, users } from './schema.js';

export type RoleRow = typeof roles.$inferSelect;

/** The roles named by code; an unknown code is the caller's mistake, named in Chinese. */
export async function rolesByCode(db: Queryable, codes: string[]): Promise<RoleRow[]> {
  const unique = [...new Set(codes)];
  if (unique.length === 0) return [];
  const rows = await db.select().from(roles).where(inArray(roles.code, unique));
  const missing = unique.filter((c) => !rows.some((r) => r.code === c));
  if (missing.length) throw badRequest(`角色不存在：${missing.join('、')}`, { roles: '角色不存在' });
  return rows;
}

export async function rolesOfUser(db: Queryable, userId: number): Promise<RoleRow[]> {
  const rows = await db
    .select({ role: roles })
    .from(userRoles)
    .innerJoin(roles, eq(roles.id, userRoles.roleId))
    .where(eq(userRoles.userId, userId));
  return rows.map((r) => r.role);
}

/**
 * Who may move a user from `before` to `after`: business roles are the system administrator's
 * (user.manage), the three administrator roles the security administrator's (role.manage); and
 * whatever the caller, one account never holds two of the three (三员分立).
 */
export function checkRoleChange(actor: Actor, before: RoleRow[], after: RoleRow[]): void {
  const had = new Set(before.map((r) => r.code));
  const has = new Set(after.map((r) => r.code));
  const changed = [...after.filter((r) => !had.has(r.code)), ...before.filter((r) => !has.has(r.code))];
  if (changed.some((r) => r.adminClass) && !can(actor, 'role.manage')) {
    throw forbidden('分配或撤销管理员角色（三员）须由安全保密管理员操作');
  }
  if (changed.some((r) => !r.adminClass) && !can(actor, 'user.manage')) {
    throw forbidden('分配或撤销业务角色须由系统管理员操作');
  }
  const violation = adminSeparationViolation(after) ?? adminMixedWithBusiness(after);
  if (violation) throw unprocessable(violation, { roles: violation });
}

/** The three administrators never see case content, so an administrator role stands alone on its account. */
function adminMixedWithBusiness(after: RoleRow[]): string | null {
  const admin = after.filter((r) => r.adminClass);
  const business = after.filter((r) => !r.adminClass);
  if (!admin.length || !business.length) return null;
  return `三员分立：${admin.map((r) => r.name).join('、')}不能同时担任业务角色（${business.map((r) => r.name).join('、')}）`;
}

/**
 * Refuses to leave an administrator class with no enabled holder (the system could no longer be
 * administered): `losing` are the admin roles the user is about to lose, by removal or disabling.
 */
export async function keepOneAdmin(db: Queryable, userId: number, losing: RoleRow[]): Promise<void> {
  for (const role of losing.filter((r) => r.adminClass)) {
    const [{ n }] = await db
      .select({ n: count() })
      .from(userRoles)
      .innerJoin(users, eq(users.id, userRoles.userId))
      .where(and(eq(userRoles.roleId, role.id), ne(users.id, userId), isNull(users.disabledAt)));
    if (n === 0) throw unprocessable(`系统中至少要保留一名启用的${role.name}`);
  }
}
