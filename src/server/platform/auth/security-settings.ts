import type { PasswordPolicy } from '../../../domain/password-policy.js';
import type { RulesService } from '../rules/service.js';

export interface SecuritySettings {
  password: PasswordPolicy;
  lockoutThreshold: number;
  lockoutMinutes: number;
  ipThrottleFailures: number;
  /** Failures of an account across addresses after which a new address waits growing delays. */
  slowdownAfter: number;
  slowdownMaxSeconds: number;
  totpSessionAttempts: number;
  totpAccountFailures: number;
  idleMinutes: number;
  absoluteHours: number;
}

/** Security settings are rules too (versioned, with their source), read at the time they apply. */
export async function securitySettings(rules: RulesService): Promise<SecuritySettings> {
  const n = (key: string) => rules.value<number>(key);
  return {
    password: {
      minLength: await n('security.password.min_length'),
      minClasses: await n('security.password.min_classes'),
      maxAgeDays: await n('security.password.max_age_days'),
      rejectCommon: await rules.value<boolean>('security.password.reject_common'),
    },
    lockoutThreshold: await n('security.lockout.threshold'),
    lockoutMinutes: await n('security.lockout.minutes'),
    ipThrottleFailures: await n('security.ip_throttle.failures'),
    slowdownAfter: await n('security.login.slowdown_after'),
    slowdownMaxSeconds: await n('security.login.slowdown_max_seconds'),
    totpSessionAttempts: await n('security.totp.session_attempts'),
    totpAccountFailures: await n('security.totp.account_failures'),
    idleMinutes: await n('security.session.idle_minutes'),
    absoluteHours: await n('security.session.absolute_hours'),
  };
}
