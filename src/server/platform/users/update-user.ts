import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Actor } from '../access/actor.js';
import { recordAudit } from '../audit/record.js';
import type { AppContext } from '../context.js';
import { conflict, forbidden } from '../http/errors.js';
import { loadOrg } from '../orgs/load-org.js';
import type { userUpdate } from './contract.js';
import { checkGrantableScope } from './create-user.js';
import { describeUser } from './describe-users.js';
import { loadUser } from './load-user.js';
import { users } from './schema.js';

/** Edits an account's profile and reach; a stale `version` means someone else saved first: 409. */
export async function updateUser(opts: {
  ctx: AppContext;
  actor: Actor;
  id: number;
  input: z.infer<typeof userUpdate>;
}) {
  const { ctx, actor, id, input } = opts;
  const before = await loadUser(ctx.db, actor, id);
  const moved = input.orgId !== before.orgId;
  const rescoped = input.dataScope !== before.dataScope;
  if (id === actor.userId && (moved || rescoped)) {
    throw forbidden('不能修改自己的所属组织或数据范围，请由其他管理员操作');
  }
  if (moved) await loadOrg(ctx.db, actor, input.orgId);
  if (rescoped) checkGrantableScope(actor, input.dataScope);
  return ctx.db.transaction(async (tx) => {
    const [saved] = await tx
      .update(users)
      .set({
        displayName: input.displayName,
        orgId: input.orgId,
        dataScope: input.dataScope,
        phone: input.phone ?? null,
        email: input.email ?? null,
        version: input.version + 1,
      })
      .where(and(eq(users.id, id), eq(users.version, input.version)))
      .returning();
    if (!saved) throw conflict();
    const fields = ['displayName', 'orgId', 'dataScope', 'phone', 'email'] as const;
    const changed = fields.filter((f) => before[f] !== saved[f]);
    await recordAudit(tx, ctx.clock, actor, {
      action: 'user.update',
      objectType: 'user',
      objectId: id,
      // Contact details are personal data: the log says they changed, not what they are.
      detail: {
        changed,
        before: { orgId: before.orgId, dataScope: before.dataScope, displayName: before.displayName },
        after: { orgId: saved.orgId, dataScope: saved.dataScope, displayName: saved.displayName },
      },
    });
    return describeUser(tx, saved, ctx.clock.now());
  });
}
