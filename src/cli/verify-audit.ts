import { sql } from 'drizzle-orm';
import { verifyAuditChain } from '../server/platform/audit/verify.js';
import type { Queryable } from '../server/platform/db/client.js';
import { rowsOf } from '../server/platform/db/rows.js';
import { describeChain } from './audit-text.js';
import { CliError } from './errors.js';

/** `jiandu verify-audit`: walks the whole hash chain; `ok` false means a broken link (exit 1). */
export async function verifyAuditCommand(db: Queryable): Promise<{ ok: boolean; lines: string[] }> {
  const [reg] = rowsOf<{ r: string | null }>(
    await db.execute(sql`select to_regclass('audit_log')::text as r`),
  );
  if (!reg?.r)
    throw new CliError('数据库中没有审计日志：请确认数据目录（DATA_DIR）或 DATABASE_URL 指向本系统的数据库');
  const result = await verifyAuditChain(db);
  return { ok: !result.firstBreak, lines: [describeChain(result)] };
}
