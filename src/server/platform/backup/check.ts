import { sql } from 'drizzle-orm';
import type { VerifyResult } from '../audit/verify.js';
import { verifyAuditChain } from '../audit/verify.js';
import { judgeKey, type KeyVerdict, keyStateOf } from '../crypto/key-check.js';
import type { Db } from '../db/client.js';
import { rowsOf } from '../db/rows.js';
import { checkRestoredFiles, type FilesCheck } from './check-files.js';
import type { Manifest } from './format.js';
import type { FileSink } from './restore-files.js';

export interface RestoreCheck {
  ok: boolean;
  tables: { name: string; expected: number; actual: number }[];
  audit: VerifyResult & { expectedLastId: number | null; expectedLastHash: string | null; ok: boolean };
  /** Does the key the restored system will have open its sealed data? */
  key: { verdict: KeyVerdict; expected: string | null };
  /** Every row's stored file is there and whole (or: the backup carries no files, and says so). */
  files: FilesCheck;
}

/**
 * Is the restored copy whole? Every table holds as many rows as the manifest says, the audit
 * chain verifies up to the same last record, and every stored file a row refers to was restored
 * with its digest. Also says whether `fieldKey` opens its sealed data (reported beside: the data
 * can be whole and the key still wrong).
 */
export async function checkRestored(
  db: Db,
  manifest: Manifest,
  fieldKey: string | null,
  sink: FileSink,
): Promise<RestoreCheck> {
  const tables: RestoreCheck['tables'] = [];
  for (const t of manifest.tables) {
    const [row] = rowsOf<{ n: string }>(
      await db.execute(sql`select count(*) as n from ${sql.identifier(t.name)}`),
    );
    tables.push({ name: t.name, expected: t.rows, actual: Number(row?.n ?? 0) });
  }
  const chain = await verifyAuditChain(db);
  const expectedLastHash = manifest.audit.lastHash;
  const auditOk =
    !chain.firstBreak &&
    chain.lastId === manifest.audit.lastId &&
    (expectedLastHash ?? null) === (chain.lastId ? chain.lastHash : null);
  const keyState = await keyStateOf(db);
  const files = await checkRestoredFiles(db, manifest, sink);
  return {
    ok: auditOk && tables.every((t) => t.expected === t.actual) && files.ok,
    tables,
    audit: { ...chain, expectedLastId: manifest.audit.lastId, expectedLastHash, ok: auditOk },
    key: { verdict: judgeKey(keyState, fieldKey), expected: keyState.check },
    files,
  };
}
