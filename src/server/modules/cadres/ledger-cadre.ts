import { and, eq, isNull, sql } from 'drizzle-orm';
import { normalizeIdNumber } from '../../../domain/id-number.js';
import type { Actor } from '../../platform/access/actor.js';
import { recusedCadreIds } from '../../platform/access/scope.js';
import type { AppContext } from '../../platform/context.js';
import { orgs } from '../../platform/orgs/schema.js';
import { cadres } from './schema.js';

export interface LedgerCadre {
  id: number;
  orgId: number;
  name: string;
  orgName: string;
}

const NOT_FOUND = '未找到该干部，或不在您的管理范围内';

/**
 * Finds a ledger row's cadre among those the importer may act on — the importer's org and below
 * (their own org only with an org-wide scope), less the cadres they must recuse from: by ID number
 * when the row has one, else by name, narrowed by 单位 when several share it. A cadre outside
 * that set reads exactly like an unknown one.
 */
export async function ledgerCadreLookup(ctx: AppContext, actor: Actor) {
  const recused = await recusedCadreIds(ctx.db, actor);
  const rows = await ctx.db
    .select({
      id: cadres.id,
      orgId: cadres.orgId,
      name: cadres.name,
      orgName: orgs.name,
      digest: cadres.idNumberDigest,
    })
    .from(cadres)
    .innerJoin(orgs, eq(orgs.id, cadres.orgId))
    .where(
      and(
        isNull(cadres.deletedAt),
        actor.dataScope === 'org' || actor.dataScope === 'self'
          ? eq(orgs.id, actor.orgId)
          : sql`${orgs.path} like ${`${actor.orgPath}%`}`,
      ),
    );
  const mine = rows.filter((r) => !recused.has(r.id));
  const byName = new Map<string, typeof mine>();
  for (const c of mine) byName.set(c.name, [...(byName.get(c.name) ?? []), c]);
  return (row: {
    name: string;
    unit: string | null;
    idNumber: string | null;
  }): { cadre: LedgerCadre } | { error: string } => {
    if (row.idNumber) {
      const digest = ctx.crypto.digest(normalizeIdNumber(row.idNumber));
      const c = mine.find((m) => m.digest === digest);
      if (!c) return { error: `身份证号码：${NOT_FOUND}` };
      if (c.name !== row.name) return { error: `姓名：与身份证号码登记的姓名“${c.name}”不一致` };
      return { cadre: c };
    }
    let found = byName.get(row.name) ?? [];
    if (found.length > 1 && row.unit) found = found.filter((c) => c.orgName === row.unit);
    if (found.length === 1) return { cadre: found[0] };
    if (found.length === 0) return { error: `姓名：${NOT_FOUND}（“${row.name}”）` };
    return { error: `姓名：有 ${found.length} 名干部名为“${row.name}”，请填写身份证号码或单位加以区分` };
  };
}
