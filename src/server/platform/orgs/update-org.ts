import { and, count, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { Actor } from '../access/actor.js';
import { recordAudit } from '../audit/record.js';
import type { AppContext } from '../context.js';
import { conflict, unprocessable } from '../http/errors.js';
import { users } from '../users/schema.js';
import type { orgUpdate } from './contract.js';
import { toOut } from './list-orgs.js';
import { loadOrg } from './load-org.js';
import { assertOrgNameFree, rethrowNameTaken } from './name-taken.js';
import { requireFreePrefix } from './petition-prefix.js';
import { orgs } from './schema.js';

/**
 * Renames or reorders an org, or sets its 信访编号前缀 (the petitions already numbered keep their
 * numbers); a stale `version` means someone else saved first: 409.
 */
export async function updateOrg(opts: {
  ctx: AppContext;
  actor: Actor;
  id: number;
  input: z.infer<typeof orgUpdate>;
}) {
  const { ctx, actor, id, input } = opts;
  const before = await loadOrg(ctx.db, actor, id);
  return ctx.db
    .transaction(async (tx) => {
      if (input.name !== before.name) await assertOrgNameFree(tx, before.parentId, input.name, id);
      await requireFreePrefix(tx, id, input.petitionPrefix);
      const [saved] = await tx
        .update(orgs)
        .set({
          name: input.name,
          code: input.code ?? null,
          sort: input.sort,
          ...(input.petitionPrefix !== undefined && { petitionPrefix: input.petitionPrefix }),
          version: input.version + 1,
        })
        .where(and(eq(orgs.id, id), eq(orgs.version, input.version)))
        .returning();
      if (!saved) throw conflict();
      await recordAudit(tx, ctx.clock, actor, {
        action: 'org.update',
        objectType: 'org',
        objectId: id,
        detail: {
          before: {
            name: before.name,
            code: before.code,
            sort: before.sort,
            petitionPrefix: before.petitionPrefix,
          },
          after: {
            name: saved.name,
            code: saved.code,
            sort: saved.sort,
            petitionPrefix: saved.petitionPrefix,
          },
        },
      });
      return toOut(saved);
    })
    .catch((e) => rethrowNameTaken(e, input.name));
}

/** Removes an empty org (no child orgs, no users); the row stays, marked deleted, for the records that cite it. */
export async function deleteOrg(opts: { ctx: AppContext; actor: Actor; id: number }) {
  const { ctx, actor, id } = opts;
  const org = await loadOrg(ctx.db, actor, id);
  const [{ children }] = await ctx.db
    .select({ children: count() })
    .from(orgs)
    .where(and(eq(orgs.parentId, id), isNull(orgs.deletedAt)));
  if (children > 0) throw unprocessable('该组织下还有下级组织，不能删除');
  const [{ members }] = await ctx.db.select({ members: count() }).from(users).where(eq(users.orgId, id));
  if (members > 0) throw unprocessable('该组织下还有用户，不能删除');
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(orgs)
      .set({ deletedAt: ctx.clock.now(), version: org.version + 1 })
      .where(eq(orgs.id, id));
    await recordAudit(tx, ctx.clock, actor, {
      action: 'org.delete',
      objectType: 'org',
      objectId: id,
      detail: { name: org.name },
    });
  });
}
