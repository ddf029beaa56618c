import { z } from 'zod';
import { listQuery } from '../http/pagination.js';
import { text } from '../http/text.js';

export const USER_STATUSES = { active: '正常', disabled: '停用', locked: '锁定' } as const;
export type UserStatus = keyof typeof USER_STATUSES;

export const dataScope = z.enum(['all', 'subtree', 'org', 'self'], { message: '数据范围不正确' });
const displayName = text().trim().min(1, '请输入姓名').max(40, '姓名不超过 40 字');
const orgId = z.number({ message: '请选择所属组织' }).int().positive('请选择所属组织');
/** An empty form field means "none". */
const blankAsNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);
const phone = z.preprocess(
  blankAsNull,
  text()
    .trim()
    .regex(/^1\d{10}$/, '请输入 11 位手机号码')
    .nullable()
    .optional(),
);
const email = z.preprocess(
  blankAsNull,
  text()
    .trim()
    .max(100, '邮箱不超过 100 个字符')
    .regex(z.regexes.email, '邮箱格式不正确')
    .nullable()
    .optional(),
);
const roleCodes = z.array(text().trim().min(1).max(40), { message: '角色格式不正确' }).max(20);

export const userOut = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  orgId: z.number(),
  orgName: z.string(),
  dataScope: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  status: z.enum(['active', 'disabled', 'locked']),
  lockedUntil: z.string().nullable(),
  mustChangePassword: z.boolean(),
  totpEnabled: z.boolean(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
  roles: z.array(z.object({ code: z.string(), name: z.string(), adminClass: z.string().nullable() })),
  /** Roles proposed for the account and not yet granted (待授权): they give nothing until granted. */
  pendingRoles: z.array(
    z.object({
      requestId: z.number(),
      code: z.string(),
      name: z.string(),
      adminClass: z.string().nullable(),
    }),
  ),
  version: z.number(),
});
export type UserOut = z.infer<typeof userOut>;

export const userCreate = z.object({
  username: text()
    .trim()
    .regex(/^[a-zA-Z][a-zA-Z0-9_.-]{2,31}$/, '用户名须以字母开头，3–32 位字母、数字、下划线、点或连字符'),
  displayName,
  orgId,
  dataScope: dataScope.default('org'),
  phone,
  email,
  /** Roles proposed for the new account: they wait for a security administrator's grant (待授权). */
  roles: roleCodes.default([]),
});

export const userUpdate = z.object({
  displayName,
  orgId,
  dataScope,
  phone,
  email,
  version: z.number().int().positive(),
});

export const userRolesBody = z.object({ roles: roleCodes, version: z.number().int().positive() });
export const roleProposalBody = z.object({ roles: roleCodes.min(1, '请选择要提请授权的角色') });

export const userListQuery = listQuery.extend({
  orgId: z.coerce.number().int().positive().optional(),
  role: text().trim().max(40).optional(),
  status: z.enum(['active', 'disabled', 'locked'], { message: '状态不正确' }).optional(),
});

/** A generated password, shown once: the server keeps only its hash. */
export const oneTimePassword = z.object({ user: userOut, password: z.string() });

export const REQUEST_STATUSES = {
  pending: '待处理',
  granted: '已授权',
  confirmed: '已确认',
  refused: '已拒绝',
  withdrawn: '已撤回',
} as const;

/** A role waiting for its grant (待授权), as the security administrator's list shows it. */
export const roleRequestOut = z.object({
  id: z.number(),
  status: z.string(),
  user: z.object({ id: z.number(), username: z.string(), displayName: z.string(), orgName: z.string() }),
  role: z.object({ code: z.string(), name: z.string(), adminClass: z.string().nullable() }),
  requestedById: z.number(),
  requestedBy: z.string(),
  requestedAt: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  /** The account's current password was set by an administrator and not yet changed by its owner. */
  passwordSetByAdmin: z.boolean(),
  totpEnabled: z.boolean(),
});

/** A password reset waiting for a second administrator. */
export const resetRequestOut = z.object({
  id: z.number(),
  status: z.string(),
  reason: z.string(),
  reasonLabel: z.string(),
  user: z.object({ id: z.number(), username: z.string(), displayName: z.string(), orgName: z.string() }),
  requestedById: z.number(),
  requestedBy: z.string(),
  requestedAt: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  /** Whether the caller may confirm it (not the requester, not the account's owner). */
  confirmable: z.boolean(),
});

/**
 * What a reset answers: done at once (the password, shown once to the one who reset it), or asked
 * for, waiting for a second administrator, who will receive the password (no password here).
 */
export const resetOutcomeOut = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('reset'), user: userOut, password: z.string() }),
  z.object({
    outcome: z.literal('requested'),
    user: userOut,
    request: resetRequestOut,
    message: z.string(),
  }),
]);

export const requestListQuery = z.object({
  status: z.enum(['pending', 'decided'], { message: '状态不正确' }).default('pending'),
});

export const sessionOut = z.object({
  createdAt: z.string(),
  lastSeenAt: z.string(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  pending: z.string().nullable(),
  current: z.boolean(),
});

export const idParam = z.object({ id: z.coerce.number().int().positive('编号不正确') });
