import { COMMON_PASSWORDS } from './common-passwords.js';

export interface PasswordPolicy {
  minLength: number;
  /** How many of the four classes (lower, upper, digit, symbol) a password must contain. */
  minClasses: number;
  /** Days after which a password must be changed; 0 = never. */
  maxAgeDays: number;
  rejectCommon: boolean;
}

/** 等保 level-3 defaults. */
export const DEFAULT_PASSWORD_POLICY: PasswordPolicy = {
  minLength: 8,
  minClasses: 3,
  maxAgeDays: 90,
  rejectCommon: true,
};

export function characterClasses(password: string): number {
  let n = 0;
  if (/[a-z]/.test(password)) n++;
  if (/[A-Z]/.test(password)) n++;
  if (/[0-9]/.test(password)) n++;
  if (/[^a-zA-Z0-9]/.test(password)) n++;
  return n;
}

/** Returns the Chinese reasons a password is refused (empty when it is acceptable). */
export function passwordProblems(password: string, policy: PasswordPolicy, username?: string): string[] {
  const problems: string[] = [];
  if (password.length < policy.minLength) problems.push(`密码长度至少 ${policy.minLength} 位`);
  if (characterClasses(password) < policy.minClasses) {
    problems.push(`密码须包含大写字母、小写字母、数字、特殊字符中的至少 ${policy.minClasses} 类`);
  }
  const lower = password.toLowerCase();
  if (
    policy.rejectCommon &&
    (COMMON_PASSWORDS.has(lower) || COMMON_PASSWORDS.has(lower.replace(/[^a-z0-9]/g, '')))
  ) {
    problems.push('密码过于常见，请换一个');
  }
  if (username && username.length >= 3 && lower.includes(username.toLowerCase())) {
    problems.push('密码不能包含用户名');
  }
  return problems;
}

export function passwordExpired(changedAt: Date, now: Date, policy: PasswordPolicy): boolean {
  if (policy.maxAgeDays <= 0) return false;
  return now.getTime() - changedAt.getTime() >= policy.maxAgeDays * 86_400_000;
}
