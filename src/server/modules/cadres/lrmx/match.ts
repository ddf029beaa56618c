import { and, inArray, isNull } from 'drizzle-orm';
import type { Actor } from '../../../platform/access/actor.js';
import { orgInScope, recusedCadreIds } from '../../../platform/access/scope.js';
import type { AppContext } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/client.js';
import { cadres } from '../schema.js';

/** The existing cadre an ID number belongs to, or 'forbidden' when that cadre is not the caller's to change. */
export type Match = { cadreId: number } | 'forbidden';

export const FORBIDDEN_MATCH = '该身份证号码已登记为您管理范围以外（或需要回避）的干部，不能导入';

/** Existing live cadres by ID number (through the digest), checked against the caller's scope and recusal. */
export async function matchByIdNumber(
  db: Queryable,
  ctx: Pick<AppContext, 'crypto'>,
  actor: Actor,
  idNumbers: string[],
): Promise<Map<string, Match>> {
  const byDigest = new Map(idNumbers.map((id) => [ctx.crypto.digest(id), id]));
  const digests = [...byDigest.keys()];
  const out = new Map<string, Match>();
  if (!digests.length) return out;
  const recused = await recusedCadreIds(db, actor);
  const inScope = new Map<number, boolean>();
  for (let i = 0; i < digests.length; i += 500) {
    const rows = await db
      .select({ id: cadres.id, orgId: cadres.orgId, digest: cadres.idNumberDigest })
      .from(cadres)
      .where(and(inArray(cadres.idNumberDigest, digests.slice(i, i + 500)), isNull(cadres.deletedAt)));
    for (const r of rows) {
      if (!inScope.has(r.orgId)) inScope.set(r.orgId, await orgInScope(db, actor, r.orgId));
      const ok = inScope.get(r.orgId) && !recused.has(r.id);
      out.set(byDigest.get(r.digest!)!, ok ? { cadreId: r.id } : 'forbidden');
    }
  }
  return out;
}
