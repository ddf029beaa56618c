import { z } from 'zod';
import { text } from '../http/text.js';

export const ADMIN_ROLES = ['sys_admin', 'security_admin', 'audit_admin'] as const;
export type AdminRole = (typeof ADMIN_ROLES)[number];

/** Usernames are ASCII so they can be typed at any login prompt and in scripts. */
export const usernameField = text()
  .trim()
  .regex(/^[A-Za-z][A-Za-z0-9_.-]{2,31}$/, '用户名为 3–32 位字母、数字、下划线、点或连字符，以字母开头');

export const orgNameField = text().trim().min(1, '请输入区（县）名称').max(60, '名称不超过 60 字');
export const displayNameField = text().trim().min(1, '请输入姓名').max(40, '姓名不超过 40 字');

export const setupBody = z
  .object({
    orgName: orgNameField,
    username: usernameField,
    displayName: displayNameField,
    password: text().min(1, '请输入密码').max(128, '密码不超过 128 位'),
    confirm: text().min(1, '请再次输入密码').max(128),
  })
  .refine((v) => v.password === v.confirm, { message: '两次输入的密码不一致', path: ['confirm'] });

export const setupState = z.object({ needed: z.boolean() });

export const setupResult = z.object({
  userId: z.number(),
  username: z.string(),
  orgId: z.number(),
  orgName: z.string(),
});
