import { asc, gt } from 'drizzle-orm';
import { type ChainBreak, findChainBreak, GENESIS_HASH } from '../../../domain/hash-chain.js';
import type { Queryable } from '../db/client.js';
import { auditLog } from './schema.js';

export interface VerifyResult {
  checked: number;
  lastId: number | null;
  lastHash: string;
  firstBreak: (ChainBreak & { at: string | null }) | null;
}

/** Walks the whole chain in id order, in batches, and reports the first broken link. */
export async function verifyAuditChain(db: Queryable, batchSize = 5000): Promise<VerifyResult> {
  let prev = GENESIS_HASH;
  let afterId = 0;
  let checked = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditLog)
      .where(gt(auditLog.id, afterId))
      .orderBy(asc(auditLog.id))
      .limit(batchSize);
    if (rows.length === 0) break;
    const chain = rows.map((r) => ({ ...r, at: r.at.toISOString() }));
    const broken = findChainBreak(chain, prev);
    if (broken) {
      const row = chain.find((r) => r.id === broken.id);
      return {
        checked: checked + chain.indexOf(row!),
        lastId: afterId || null,
        lastHash: prev,
        firstBreak: { ...broken, at: row?.at ?? null },
      };
    }
    checked += rows.length;
    prev = rows[rows.length - 1].hash;
    afterId = rows[rows.length - 1].id;
  }
  return { checked, lastId: afterId || null, lastHash: prev, firstBreak: null };
}
