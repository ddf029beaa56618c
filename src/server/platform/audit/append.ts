import { desc, sql } from 'drizzle-orm';
import { chainHash, GENESIS_HASH } from '../../../domain/hash-chain.js';
import type { Queryable } from '../db/client.js';
import { auditLog } from './schema.js';

export interface AuditEntry {
  at: Date;
  userId?: number | null;
  username?: string | null;
  orgId?: number | null;
  action: string;
  objectType?: string | null;
  objectId?: string | number | null;
  result?: 'success' | 'failure' | 'denied';
  ip?: string | null;
  detail?: Record<string, unknown> | null;
}

/** Serializes appends across connections and server instances, so the chain has one order. */
const AUDIT_LOCK = 0x4a_44_41_55; // "JDAU"

/**
 * Appends one record to the hash chain. Inside a caller's transaction the record commits or rolls
 * back with the change it describes; the advisory lock is held until that transaction ends.
 */
export async function appendAudit(db: Queryable, entry: AuditEntry): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_LOCK})`);
    const [last] = await tx
      .select({ hash: auditLog.hash })
      .from(auditLog)
      .orderBy(desc(auditLog.id))
      .limit(1);
    const idRows = await tx.execute(sql`select nextval('audit_log_id_seq')::bigint as id`);
    const id = Number((idRows as any).rows?.[0]?.id ?? (idRows as any)[0]?.id);
    const prevHash = last?.hash ?? GENESIS_HASH;
    const record = {
      id,
      at: entry.at.toISOString(),
      userId: entry.userId ?? null,
      username: entry.username ?? null,
      orgId: entry.orgId ?? null,
      action: entry.action,
      objectType: entry.objectType ?? null,
      objectId: entry.objectId == null ? null : String(entry.objectId),
      result: entry.result ?? 'success',
      ip: entry.ip ?? null,
      detail: entry.detail ?? null,
    };
    const hash = chainHash(prevHash, record);
    await tx.insert(auditLog).values({ ...record, at: entry.at, prevHash, hash });
  });
}
