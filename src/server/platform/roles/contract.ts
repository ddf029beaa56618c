import { z } from 'zod';
import { ALL_PERMISSIONS, type Permission } from '../../../domain/permissions.js';
import { text } from '../http/text.js';

const permission = z.enum(ALL_PERMISSIONS as [Permission, ...Permission[]], { message: '权限不存在' });
const name = text().trim().min(1, '请输入角色名称').max(30, '角色名称不超过 30 字');
const description = text().trim().max(200, '说明不超过 200 字').nullable().optional();
const permissions = z.array(permission).max(ALL_PERMISSIONS.length * 2);

export const roleOut = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  builtin: z.boolean(),
  adminClass: z.string().nullable(),
  mfaRequired: z.boolean(),
  permissions: z.array(z.string()),
  userCount: z.number(),
  version: z.number(),
});
export type RoleOut = z.infer<typeof roleOut>;

export const permissionOut = z.object({
  code: z.string(),
  label: z.string(),
  group: z.string(),
  groupLabel: z.string(),
  /** The administrator classes (三员) that must never hold it, and `business` when no other role may. */
  forbiddenFor: z.array(z.string()),
});

export const roleCreate = z.object({
  code: text()
    .trim()
    .regex(/^[a-z][a-z0-9_]{1,30}$/, '角色编码须以小写字母开头，2–31 位小写字母、数字或下划线'),
  name,
  description,
  mfaRequired: z.boolean().default(false),
  permissions,
});

export const roleUpdate = z.object({
  name,
  description,
  mfaRequired: z.boolean(),
  permissions,
  version: z.number().int().positive(),
});

export const idParam = z.object({ id: z.coerce.number().int().positive('编号不正确') });
