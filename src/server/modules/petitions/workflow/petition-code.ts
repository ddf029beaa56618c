import { sql } from 'drizzle-orm';
import { codeOfYearPattern, petitionCode } from '../../../../domain/petition-code.js';
import type { Queryable } from '../../../platform/db/client.js';
import { petitionPrefixOf } from '../../../platform/orgs/petition-prefix.js';

/**
 * The next registration number of an org and year, DX-XF2026-0012: the org's prefix (see
 * petitionPrefixOf) and the year's sequence, continuing from the org's numbers of that year with or
 * without a prefix. Race-free: the transaction holds an advisory lock keyed by the org until it
 * commits, so two registrations never read the same max.
 */
export async function nextPetitionCode(
  tx: Queryable,
  org: { id: number; name: string; petitionPrefix: string | null },
  year: number,
): Promise<string> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('jiandu.petition_code'), ${org.id}::int)`);
  const prefix = await petitionPrefixOf(tx, org);
  const res = await tx.execute(
    sql`select coalesce(max(substring(code from '-([0-9]+)$')::int), 0) as n
        from petitions where org_id = ${org.id} and code ~ ${codeOfYearPattern(year)}`,
  );
  const rows = ((res as any).rows ?? res) as { n: number | string }[];
  return petitionCode(prefix, year, Number(rows[0]?.n ?? 0) + 1);
}
