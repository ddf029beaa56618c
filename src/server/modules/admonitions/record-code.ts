import { eq, sql } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.js';
import { petitionPrefixOf } from '../../platform/orgs/petition-prefix.js';
import { orgs } from '../../platform/orgs/schema.js';

/**
 * The next number of an org and year: DX-JM2026-0003 (诫勉), DX-HX2026-0012 (函询) — the org's
 * prefix (the one its petitions carry) and the year's sequence. Race-free under an advisory lock
 * held by the transaction.
 */
export async function nextRecordCode(
  tx: Queryable,
  table: 'admonitions' | 'inquiries',
  orgId: number,
  year: number,
): Promise<string> {
  const letters = table === 'admonitions' ? 'JM' : 'HX';
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`jiandu.${table}_code`}), ${orgId}::int)`);
  const [org] = await tx.select().from(orgs).where(eq(orgs.id, orgId));
  const prefix = await petitionPrefixOf(tx, org);
  const pattern = `-${letters}${year}-[0-9]+$`;
  const res = await tx.execute(
    sql`select coalesce(max(substring(code from '-([0-9]+)$')::int), 0) as n
        from ${sql.identifier(table)} where org_id = ${orgId} and code ~ ${pattern}`,
  );
  const rows = ((res as any).rows ?? res) as { n: number | string }[];
  const seq = Number(rows[0]?.n ?? 0) + 1;
  return `${prefix}-${letters}${year}-${String(seq).padStart(4, '0')}`;
}
