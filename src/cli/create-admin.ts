import os from 'node:os';
import type { AppContext } from '../server/platform/context.js';
import { AppError } from '../server/platform/http/errors.js';
import {
  ADMIN_ROLES,
  type AdminRole,
  displayNameField,
  orgNameField,
  usernameField,
} from '../server/platform/setup/contract.js';
import { createAdmin, topLevelOrgNames } from '../server/platform/setup/create-admin.js';
import { CliError } from './errors.js';

export interface CreateAdminOptions {
  username: string;
  org: string;
  role?: string;
  displayName?: string;
  password: string;
  /** Create the org as a district when no org has this name (otherwise an unknown name is refused). */
  createOrg?: boolean;
}

const ROLE_NAMES: Record<AdminRole, string> = {
  sys_admin: '系统管理员',
  security_admin: '安全保密管理员',
  audit_admin: '安全审计员',
};

function parse<T>(field: { safeParse(v: unknown): { success: boolean; data?: T; error?: any } }, v: unknown) {
  const r = field.safeParse(v);
  if (!r.success) throw new CliError(r.error.issues[0]?.message ?? '参数不正确');
  return r.data as T;
}

/**
 * `jiandu create-admin`: an administrator account with data scope "all". The person running the
 * command chose the password, so it is not forced to change at first login; the policy applies.
 * Returns the lines to print.
 */
export async function createAdminCommand(ctx: AppContext, opts: CreateAdminOptions): Promise<string[]> {
  const role = (opts.role ?? 'sys_admin') as AdminRole;
  if (!ADMIN_ROLES.includes(role)) throw new CliError('角色只能是 sys_admin、security_admin 或 audit_admin');
  const username = parse<string>(usernameField, opts.username);
  const orgName = parse<string>(orgNameField, opts.org);
  const displayName = parse<string>(displayNameField, opts.displayName ?? username);
  const created = await createAdmin({
    ctx,
    username,
    displayName,
    orgName,
    role,
    password: opts.password,
    via: 'cli',
    createOrg: opts.createOrg,
    detail: { osUser: osUser() },
  }).catch(async (e) => {
    if (e instanceof AppError && e.fields?.password)
      throw new CliError(`密码不符合要求：${e.fields.password}`);
    if (e instanceof AppError && e.code === 'unknown_org') {
      const names = await topLevelOrgNames(ctx.db);
      throw new CliError(
        `组织「${orgName}」不存在。现有的顶级组织：${names.join('、') || '（无）'}。` +
          '请检查名称；如确需新建一个区级组织，请加上 --create-org',
      );
    }
    throw e;
  });
  return [
    `已创建${ROLE_NAMES[role]}账号「${created.username}」，所属组织：${created.orgName}${created.orgCreated ? '（新建为区级组织）' : ''}。`,
    '请使用该账号登录管理端；管理员角色须启用两步验证，首次登录时将引导绑定验证器应用。',
  ];
}

function osUser(): string | null {
  try {
    return os.userInfo().username;
  } catch {
    return null;
  }
}
