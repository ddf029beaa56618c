import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Actor } from '../../../platform/access/actor.js';
import { orgInScope } from '../../../platform/access/scope.js';
import { recordAudit } from '../../../platform/audit/record.js';
import type { AppContext } from '../../../platform/context.js';
import { conflict, outOfScope } from '../../../platform/http/errors.js';
import { requireDictCode } from '../dict-code.js';
import { positions } from '../schema.js';
import type { positionFields, positionUpdate } from './contract.js';
import { loadPosition } from './load-position.js';

type Fields = z.infer<typeof positionFields>;

async function check(ctx: AppContext, actor: Actor, input: Fields) {
  if (!(await orgInScope(ctx.db, actor, input.orgId))) throw outOfScope();
  await requireDictCode(ctx.db, 'position_level', input.level, 'level', '职务层次不正确');
}

export async function createPosition(opts: { ctx: AppContext; actor: Actor; input: Fields }) {
  const { ctx, actor, input } = opts;
  await check(ctx, actor, input);
  return ctx.db.transaction(async (tx) => {
    const [saved] = await tx.insert(positions).values(input).returning();
    await recordAudit(tx, ctx.clock, actor, {
      action: 'position.create',
      objectType: 'position',
      objectId: saved.id,
      detail: { title: saved.title, orgId: saved.orgId, level: saved.level },
    });
    return saved.id;
  });
}

/** Edits a post; the titles already written into tenures stay as they were at the time. */
export async function updatePosition(opts: {
  ctx: AppContext;
  actor: Actor;
  id: number;
  input: z.infer<typeof positionUpdate>;
}) {
  const { ctx, actor, id, input } = opts;
  const before = await loadPosition(ctx.db, actor, id);
  const { version, ...fields } = input;
  await check(ctx, actor, fields);
  await ctx.db.transaction(async (tx) => {
    const [saved] = await tx
      .update(positions)
      .set({ ...fields, version: version + 1 })
      .where(and(eq(positions.id, id), eq(positions.version, version)))
      .returning();
    if (!saved) throw conflict();
    await recordAudit(tx, ctx.clock, actor, {
      action: 'position.update',
      objectType: 'position',
      objectId: id,
      detail: {
        before: {
          title: before.title,
          orgId: before.orgId,
          level: before.level,
          isPrincipal: before.isPrincipal,
          managesFunds: before.managesFunds,
        },
        after: {
          title: saved.title,
          orgId: saved.orgId,
          level: saved.level,
          isPrincipal: saved.isPrincipal,
          managesFunds: saved.managesFunds,
        },
      },
    });
  });
}
