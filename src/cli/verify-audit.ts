import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import {
  type Anchor,
  anchorsInDir,
  anchorsInTable,
  checkAnchors,
  describeAnchors,
  parseAnchor,
} from '../server/platform/audit/anchors.js';
import { verifyAuditChain } from '../server/platform/audit/verify.js';
import { backupLines, parseManifest } from '../server/platform/backup/format.js';
import type { Queryable } from '../server/platform/db/client.js';
import { rowsOf } from '../server/platform/db/rows.js';
import { beijingTime, describeChain } from './audit-text.js';
import { CliError } from './errors.js';

export interface VerifyAuditOptions {
  /** DATA_DIR: its anchors/ folder is read. */
  dataDir: string;
  /** More anchors: anchor files, or backup files (their manifest holds the head at backup time). */
  anchorFiles?: string[];
}

/**
 * `jiandu verify-audit`: walks the whole hash chain, then checks it against every anchor it can
 * find (the anchors table, DATA_DIR/anchors, and `--anchor` files or backups). `ok` false means a
 * broken link or a shortened/replaced chain (exit 1).
 */
export async function verifyAuditCommand(
  db: Queryable,
  opts: VerifyAuditOptions,
): Promise<{ ok: boolean; lines: string[] }> {
  const [reg] = rowsOf<{ r: string | null }>(
    await db.execute(sql`select to_regclass('audit_log')::text as r`),
  );
  if (!reg?.r)
    throw new CliError('数据库中没有审计日志：请确认数据目录（DATA_DIR）或 DATABASE_URL 指向本系统的数据库');
  const given: Anchor[] = [];
  for (const file of opts.anchorFiles ?? []) given.push(await anchorFromFile(path.resolve(file)));
  const result = await verifyAuditChain(db);
  const anchors = [...(await anchorsInTable(db)), ...anchorsInDir(opts.dataDir), ...given];
  const check = await checkAnchors(db, anchors, result.firstBreak ? null : result.lastId);
  return {
    ok: !result.firstBreak && !check.problem,
    lines: [describeChain(result), describeAnchors(check, beijingTime)],
  };
}

/** An anchor file, or a backup's manifest. */
async function anchorFromFile(file: string): Promise<Anchor> {
  let head: Buffer;
  try {
    head = readFileSync(file);
  } catch {
    throw new CliError(`找不到锚点文件：${file}`);
  }
  if (head[0] === 0x1f && head[1] === 0x8b) {
    const lines = backupLines(file);
    try {
      const m = parseManifest((await lines.next()).value || undefined);
      if (!m.audit.lastId || !m.audit.lastHash)
        throw new CliError(`备份 ${file} 中的审计日志是空的，不能作为锚点`);
      return {
        lastId: m.audit.lastId,
        lastHash: m.audit.lastHash,
        at: m.createdAt,
        source: 'backup',
        origin: `备份文件 ${file}`,
      };
    } finally {
      await lines.return(undefined);
    }
  }
  const anchor = parseAnchor(head.toString('utf8'), `锚点文件 ${file}`);
  if (!anchor) throw new CliError(`${file} 不是审计锚点文件，也不是本系统的备份文件`);
  return anchor;
}
