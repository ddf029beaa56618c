import { resetNotice } from '../../../domain/password-reset.js';
import type { Actor } from '../access/actor.js';
import type { SessionRow } from './session-store.js';

/**
 * What the UI needs about the caller: identity, abilities (to hide what they cannot do), and any
 * pending step — all from the session row the access hook read (no query of its own).
 */
export function describeMe(actor: Actor, row: SessionRow) {
  return {
    id: actor.userId,
    username: actor.username,
    displayName: actor.displayName,
    orgId: actor.orgId,
    orgName: row.org_name,
    dataScope: actor.dataScope,
    roles: actor.roles,
    permissions: [...actor.permissions].sort(),
    pending: actor.pending,
    totpEnabled: row.totp_enabled_at !== null,
    passwordChangedAt: row.password_changed_at.toISOString(),
    passwordReset: lastReset(row),
    csrfToken: row.csrf_token,
  };
}

/**
 * The last time an administrator reset the caller's password, told to its owner: `current` while the
 * password is still the one the reset made (the sign-in that follows shows the notice).
 */
function lastReset(u: SessionRow) {
  if (!u.password_reset_at) return null;
  const by = u.password_reset_by ?? '管理员';
  return {
    at: u.password_reset_at.toISOString(),
    by,
    notice: resetNotice(u.password_reset_at, by),
    current: u.must_change_password && u.password_changed_at.getTime() <= u.password_reset_at.getTime(),
  };
}
