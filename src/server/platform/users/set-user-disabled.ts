import { eq } from 'drizzle-orm';
import type { Actor } from '../access/actor.js';
import { recordAudit } from '../audit/record.js';
import { endUserSessions } from '../auth/session-store.js';
import type { AppContext } from '../context.js';
import { forbidden } from '../http/errors.js';
import { describeUser } from './describe-users.js';
import { loadUser } from './load-user.js';
import { keepOneAdmin, rolesOfUser } from './role-change.js';
import { users } from './schema.js';

export const notYourself = (what: string) => forbidden(`不能${what}自己的账号`);

/** Disables (停用) or re-enables an account; disabling ends every session of it at once. */
export async function setUserDisabled(opts: {
  ctx: AppContext;
  actor: Actor;
  id: number;
  disabled: boolean;
}) {
  const { ctx, actor, id, disabled } = opts;
  const user = await loadUser(ctx.db, actor, id);
  if (id === actor.userId) throw notYourself(disabled ? '停用' : '启用');
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    if (disabled) await keepOneAdmin(tx, id, await rolesOfUser(tx, id));
    const [saved] = await tx
      .update(users)
      .set({ disabledAt: disabled ? (user.disabledAt ?? now) : null, version: user.version + 1 })
      .where(eq(users.id, id))
      .returning();
    const ended = disabled ? await endUserSessions(tx, id, now, 'disabled') : 0;
    await recordAudit(tx, ctx.clock, actor, {
      action: disabled ? 'user.disable' : 'user.enable',
      objectType: 'user',
      objectId: id,
      detail: disabled ? { endedSessions: ended } : {},
    });
    return describeUser(tx, saved, now);
  });
}
