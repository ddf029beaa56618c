import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { childPath, type OrgKind, orgPlacementProblem } from '../../../domain/org-tree.js';
import type { Actor } from '../access/actor.js';
import { recordAudit } from '../audit/record.js';
import type { AppContext } from '../context.js';
import { badRequest, forbidden } from '../http/errors.js';
import type { orgCreate } from './contract.js';
import { runOrgCreatedHooks } from './created-hooks.js';
import { toOut } from './list-orgs.js';
import { loadOrg } from './load-org.js';
import { assertOrgNameFree, rethrowNameTaken } from './name-taken.js';
import { requireFreePrefix } from './petition-prefix.js';
import { orgs } from './schema.js';

export async function createOrg(opts: { ctx: AppContext; actor: Actor; input: z.infer<typeof orgCreate> }) {
  const { ctx, actor, input } = opts;
  const parent = input.parentId ? await loadOrg(ctx.db, actor, input.parentId) : null;
  if (!parent && actor.dataScope !== 'all') throw forbidden('只有全局数据范围的管理员可以新建顶级组织');
  const problem = orgPlacementProblem(input.kind, (parent?.kind as OrgKind) ?? null);
  if (problem) throw badRequest(problem, { kind: problem });
  return ctx.db
    .transaction(async (tx) => {
      await assertOrgNameFree(tx, parent?.id ?? null, input.name);
      await requireFreePrefix(tx, 0, input.petitionPrefix);
      const [org] = await tx
        .insert(orgs)
        .values({
          name: input.name,
          kind: input.kind,
          parentId: parent?.id ?? null,
          code: input.code ?? null,
          sort: input.sort,
          petitionPrefix: input.petitionPrefix ?? null,
        })
        .returning();
      const [saved] = await tx
        .update(orgs)
        .set({ path: childPath(parent?.path ?? null, org.id) })
        .where(eq(orgs.id, org.id))
        .returning();
      await recordAudit(tx, ctx.clock, actor, {
        action: 'org.create',
        objectType: 'org',
        objectId: org.id,
        detail: { name: org.name, kind: org.kind, petitionPrefix: org.petitionPrefix },
      });
      // the modules' work for a new unit (its openness due items …), kept only with the unit
      await runOrgCreatedHooks(tx, ctx, saved);
      return toOut(saved);
    })
    .catch((e) => rethrowNameTaken(e, input.name));
}
