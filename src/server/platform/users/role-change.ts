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
 * Whether an account may hold this set of roles: one account never holds two of the three
 * administrator roles, nor one of them beside a business role (三员分立). A 422 naming the roles.
 */
export function checkRoleSet(after: RoleRow[]): void {
  const violation = adminSeparationViolation(after) ?? adminMixedWithBusiness(after);
  if (violation) throw unprocessable(violation, { roles: violation });
}

/**
 * Who may move a user from `before` to `after`: only a holder of role.manage (the security
 * administrator, who never learns a password) grants or revokes any role, business or administrator;
 * whoever manages accounts may only propose roles (待授权). And 三员分立 always holds.
 */
export function checkRoleChange(actor: Actor, before: RoleRow[], after: RoleRow[]): void {
  const had = new Set(before.map((r) => r.code));
  const has = new Set(after.map((r) => r.code));
  const changed = after.some((r) => !had.has(r.code)) || before.some((r) => !has.has(r.code));
  if (changed && !can(actor, 'role.manage')) {
    throw forbidden('授予或撤销角色须由安全保密管理员操作；系统管理员可以提请授权');
  }
  checkRoleSet(after);
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
