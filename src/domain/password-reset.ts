import { isCaseContentPermission } from './permissions.js';

/** What a password reset needs to know about the account it resets. */
export interface ResetTarget {
  /** Administrator classes of its roles (sys, security, audit); empty for a business account. */
  adminClasses: readonly string[];
  /** Every permission its roles give it (granted roles only: a role waiting for its grant gives nothing). */
  permissions: Iterable<string>;
  totpEnrolled: boolean;
}

export type ResetApproval =
  /** One system administrator may reset it: the password alone opens nothing protected. */
  | { kind: 'alone' }
  /** Requested by one administrator, confirmed by another, who alone receives the new password. */
  | { kind: 'second_admin'; reason: 'admin' | 'case_content' };

/**
 * Who must agree before an account's password is replaced. Whoever resets a password learns it, so:
 * an administrator account always needs a second administrator (one administrator must never sign
 * in as another), and so does an account that opens case content and has no second factor enrolled
 * (its password alone would let the resetter read cases). An enrolled second factor is never
 * cleared by a reset, so the resetter of such an account still cannot sign in as its owner.
 */
export function resetApproval(target: ResetTarget): ResetApproval {
  if (target.adminClasses.length > 0) return { kind: 'second_admin', reason: 'admin' };
  if (!target.totpEnrolled && [...target.permissions].some(isCaseContentPermission))
    return { kind: 'second_admin', reason: 'case_content' };
  return { kind: 'alone' };
}

export const RESET_REASONS: Record<'admin' | 'case_content', string> = {
  admin: '该账号为管理员账号，重置密码须由另一名管理员确认',
  case_content: '该账号可查看案件内容且未启用两步验证，重置密码须由另一名管理员确认',
};

/**
 * Who may confirm a reset request: another administrator who manages accounts or roles, neither the
 * one who asked nor the account's owner. Returns the Chinese refusal, or null.
 */
export function resetConfirmRefusal(opts: {
  confirmerId: number;
  confirmerPermissions: ReadonlySet<string>;
  requesterId: number;
  targetId: number;
}): string | null {
  if (opts.confirmerId === opts.targetId) return '不能确认重置自己的密码';
  if (opts.confirmerId === opts.requesterId) return '重置申请须由另一名管理员确认，申请人不能自己确认';
  if (!opts.confirmerPermissions.has('user.manage') && !opts.confirmerPermissions.has('role.manage'))
    return '只有系统管理员或安全保密管理员可以确认重置密码';
  return null;
}

const NOTICE_TIME = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

/** What the owner of a reset account is told at the next sign-in, in the inbox and on the profile. */
export function resetNotice(at: Date | string, by: string): string {
  return `您的密码已于 ${NOTICE_TIME.format(new Date(at))} 由 ${by} 重置`;
}
