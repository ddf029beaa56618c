import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import { conflict } from '../../platform/http/errors.js';
import type { UpdatePolicyInput } from './contract.js';
import { getPolicy } from './get-policy.js';
import { policies } from './schema.js';
import { loadManagedPolicy } from './visibility.js';

/** Corrects a policy's header (title, 文号, issuing body, category); a stale `version` is a 409. */
export async function updatePolicy(opts: {
  ctx: AppContext;
  actor: Actor;
  id: number;
  input: UpdatePolicyInput;
}) {
  const { ctx, actor, id, input } = opts;
  const before = await loadManagedPolicy(ctx.db, actor, id);
  const { version, ...fields } = input;
  await ctx.db.transaction(async (tx) => {
    const [saved] = await tx
      .update(policies)
      .set({
        title: fields.title,
        number: fields.number ?? null,
        issuingBody: fields.issuingBody,
        category: fields.category ?? null,
        version: version + 1,
        updatedAt: ctx.clock.now(),
      })
      .where(and(eq(policies.id, id), eq(policies.version, version)))
      .returning({ id: policies.id });
    if (!saved) throw conflict();
    const changed = (Object.keys(fields) as (keyof typeof fields)[]).filter(
      (k) => (fields[k] ?? null) !== (before[k] ?? null),
    );
    await recordAudit(tx, ctx.clock, actor, {
      action: 'policy.update',
      objectType: 'policy',
      objectId: id,
      detail: { title: fields.title, changed },
    });
  });
  return getPolicy({ ctx, actor, id });
}
