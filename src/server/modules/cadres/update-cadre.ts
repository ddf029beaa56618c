import { and, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { Actor } from '../../platform/access/actor.js';
import { orgInScope } from '../../platform/access/scope.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import { conflict, outOfScope } from '../../platform/http/errors.js';
import { assertBirthMatchesId } from './birth-check.js';
import type { cadreUpdate } from './contract.js';
import { getCadre } from './get-cadre.js';
import { assertIdNumberFree } from './id-number-free.js';
import { loadCadre } from './load-cadre.js';
import { cadres } from './schema.js';
import { cadreColumns } from './write-cadre.js';

const ID_COLUMNS = ['idNumberEnc', 'idNumberDigest', 'idNumberMasked'] as const;

/**
 * Edits a cadre with optimistic versioning. The form holds only the masked ID number, so an omitted
 * `idNumber` keeps the stored one; `null` clears it; a value replaces it.
 */
export async function updateCadre(opts: {
  ctx: AppContext;
  actor: Actor;
  id: number;
  input: z.infer<typeof cadreUpdate>;
}) {
  const { ctx, actor, id, input } = opts;
  const before = await loadCadre(ctx.db, actor, id);
  const { version, ...fields } = input;
  if (fields.orgId !== before.orgId && !(await orgInScope(ctx.db, actor, fields.orgId))) throw outOfScope();
  // the form holds the masked number only: an omitted one is checked as stored
  const idNumber =
    fields.idNumber === undefined && before.idNumberEnc
      ? ctx.crypto.decrypt(before.idNumberEnc)
      : fields.idNumber;
  assertBirthMatchesId(fields.birthDate, idNumber);
  const columns: Partial<ReturnType<typeof cadreColumns>> = cadreColumns(ctx, fields);
  if (fields.idNumber === undefined) for (const c of ID_COLUMNS) delete columns[c];
  const changed = Object.keys(fields).filter(
    (k) => k !== 'idNumber' && (fields as any)[k] !== undefined && (fields as any)[k] !== (before as any)[k],
  );
  await ctx.db.transaction(async (tx) => {
    await assertIdNumberFree(tx, ctx, fields.idNumber, id);
    const [saved] = await tx
      .update(cadres)
      .set({ ...columns, version: version + 1, updatedAt: ctx.clock.now() })
      .where(and(eq(cadres.id, id), eq(cadres.version, version), isNull(cadres.deletedAt)))
      .returning({ id: cadres.id });
    if (!saved) throw conflict();
    await recordAudit(tx, ctx.clock, actor, {
      action: 'cadre.update',
      objectType: 'cadre',
      objectId: id,
      detail: {
        name: before.name,
        changed: fields.idNumber !== undefined ? [...changed, 'idNumber'] : changed,
      },
    });
  });
  return getCadre({ ctx, actor, id });
}
