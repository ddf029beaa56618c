import { sql } from 'drizzle-orm';
import { petitionCode } from '../../../../domain/petition-intake.js';
import type { Queryable } from '../../../platform/db/client.js';

/**
 * The next registration number of an org and year, XF2026-0012. Race-free: the transaction holds
 * an advisory lock keyed by the org until it commits, so two registrations never read the same max.
 */
export async function nextPetitionCode(tx: Queryable, orgId: number, year: number): Promise<string> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('jiandu.petition_code'), ${orgId}::int)`);
  const pattern = `^XF${year}-[0-9]+$`;
  const res = await tx.execute(
    sql`select coalesce(max(substring(code from '-([0-9]+)$')::int), 0) as n
        from petitions where org_id = ${orgId} and code ~ ${pattern}`,
  );
  const rows = ((res as any).rows ?? res) as { n: number | string }[];
  return petitionCode(year, Number(rows[0]?.n ?? 0) + 1);
}
