import { copyFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../server/config.js';
import { recordAnchor } from '../server/platform/audit/anchors.js';
import { type BackupMade, backup } from '../server/platform/backup/backup.js';
import { describeFilesCheck } from '../server/platform/backup/check-files.js';
import { CONTROL_HEADER, readControlInfo } from '../server/platform/backup/control.js';
import type { FilesSummary } from '../server/platform/backup/format.js';
import type { BackupRecord } from '../server/platform/backup/live-backup.js';
import { restore } from '../server/platform/backup/restore.js';
import { type FoundKey, shortFingerprint } from '../server/platform/crypto/key-check.js';
import type { Database } from '../server/platform/db/client.js';
import type { DataDirBusyError } from '../server/platform/db/data-lock.js';
import { describeChain } from './audit-text.js';
import { CliError } from './errors.js';

/**
 * `jiandu backup --out FILE` (the server not running, or PostgreSQL): the rows and the stored files
 * under DATA_DIR/files they refer to; the audit head becomes an anchor. `ok` false (exit 1) when a
 * referenced file was missing or damaged: the file is written, but a restore of it is not whole.
 */
export async function backupCommand(
  database: Database,
  out: string,
  opts: { dataDir: string; now?: Date },
): Promise<{ ok: boolean; lines: string[] }> {
  const file = path.resolve(out);
  const now = opts.now ?? new Date();
  const made = await backup({ database, out: file, filesDir: path.join(opts.dataDir, 'files'), now });
  const m = made.manifest;
  await recordAnchor({ db: database.db, dataDir: opts.dataDir, at: now, source: 'backup', head: m.audit });
  return { ok: made.files.problemCount === 0, lines: backupSummary(file, made) };
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** What a finished backup says (the CLI prints it, whether it made the file or the running server did). */
export function backupSummary(file: string, made: BackupMade): string[] {
  const m = made.manifest;
  const rows = m.tables.reduce((n, t) => n + t.rows, 0);
  const fp = m.fieldKey ? `（备份中记录了密钥指纹 ${shortFingerprint(m.fieldKey.check)}，不含密钥本身）` : '';
  return [
    `备份完成：${file}`,
    `  共 ${m.tables.length} 张表、${rows} 行；审计日志 ${m.tables.find((t) => t.name === 'audit_log')?.rows ?? 0} 条；上传的文件 ${made.files.count} 个（${megabytes(made.files.bytes)}）`,
    ...fileProblemLines(made.files),
    `  提示：备份含账号和业务数据，请妥善保管；字段加密密钥（FIELD_KEY 或数据目录中的 field.key）不在备份中${fp}，须另行保管，恢复时一并提供。`,
  ];
}

/** Referenced files the backup could not carry whole: named, never passed over. */
function fileProblemLines(files: FilesSummary): string[] {
  if (!files.problemCount) return [];
  const what = { absent: '数据目录中没有这个文件', damaged: '内容与摘要不符（已损坏）' };
  return [
    `  ✗ 有 ${files.problemCount} 个被记录引用的文件未能完整备份，用此备份恢复时这些附件将缺失：`,
    ...files.problems.map((p) => `    ${p.key}：${what[p.problem]}`),
    ...(files.problemCount > files.problems.length
      ? [`    另有 ${files.problemCount - files.problems.length} 个`]
      : []),
  ];
}

/**
 * `jiandu restore --from FILE`: `ok` false when the restored copy does not match the backup, or
 * when the field key the restored system will have does not open its data (exit 1) — unless told
 * to ignore the key, and then it says the server will refuse to start until it gets the right one.
 */
export async function restoreCommand(
  database: Database,
  from: string,
  opts: { filesDir: string; fieldKey: FoundKey | null; ignoreKeyMismatch?: boolean },
): Promise<{ ok: boolean; lines: string[] }> {
  const { check } = await restore({ database, from: path.resolve(from), ...opts });
  const lines = ['数据已写入，校验结果：'];
  for (const t of check.tables) {
    const mark = t.expected === t.actual ? '✓' : '✗';
    lines.push(`  ${mark} ${t.name}：备份 ${t.expected} 行，恢复 ${t.actual} 行`);
  }
  const a = check.audit;
  let chain = describeChain(a);
  if (!a.firstBreak && !a.ok)
    chain = `审计日志末条记录与备份不一致（备份末条 ID ${a.expectedLastId ?? '无'}，恢复后 ${a.lastId ?? '无'}）`;
  else if (a.ok) chain += '，末条哈希与备份一致';
  lines.push(`  ${a.ok ? '✓' : '✗'} ${chain}`);
  const f = check.files;
  if (!f.carried) lines.push(`  ! ${describeFilesCheck(f)[0]}`);
  else if (f.ok)
    lines.push(
      `  ✓ 上传的文件：恢复 ${f.files} 个（${megabytes(f.bytes)}）到 ${opts.filesDir}，${f.references} 条记录引用的文件都在且摘要一致`,
    );
  else for (const line of describeFilesCheck(f)) lines.push(`  ✗ ${line}`);
  const k = check.key;
  const keyOk = k.verdict === 'match' || k.verdict === 'fresh';
  const fp = k.expected ? `（指纹 ${shortFingerprint(k.expected)}）` : '';
  lines.push(
    k.verdict === 'match'
      ? `  ✓ 字段加密密钥与数据一致${fp}`
      : k.verdict === 'fresh'
        ? '  ✓ 没有加密数据，启动时将记录所用的字段加密密钥'
        : k.verdict === 'missing'
          ? `  ✗ 没有字段加密密钥：数据用原密钥${fp}加密，请设置 FIELD_KEY 或放回 DATA_DIR/field.key`
          : `  ✗ 字段加密密钥与数据不符：当前密钥打不开已加密的数据${fp}`,
  );
  if (!check.ok) {
    lines.push('校验失败：恢复的数据与备份不一致，请勿使用此副本，并检查备份文件。');
    return { ok: false, lines };
  }
  if (keyOk) {
    lines.push('校验通过：恢复的数据与备份一致。');
    return { ok: true, lines };
  }
  const refuse =
    '在提供原来的字段加密密钥（FIELD_KEY 或 DATA_DIR/field.key）之前，服务将拒绝启动。 / The server will refuse to start until it is given the original field encryption key (FIELD_KEY or DATA_DIR/field.key).';
  if (opts.ignoreKeyMismatch) {
    lines.push(`数据与备份一致，但字段加密密钥不是这份数据的密钥：${refuse}`);
    return { ok: true, lines };
  }
  lines.push(`校验失败：字段加密密钥不是这份数据的密钥。${refuse}`);
  return { ok: false, lines };
}

/**
 * `jiandu backup` while the server holds the embedded database: the running server makes, verifies
 * and anchors the backup in DATA_DIR/backups (see platform/backup/control.ts), then the file is
 * copied to `out`. Without the server's channel (another command holds the folder) the command
 * stops as before.
 */
export async function backupThroughServer(
  config: Config,
  out: string,
  busy: DataDirBusyError,
): Promise<string[]> {
  const control = readControlInfo(config.dataDir);
  if (!control || control.pid !== busy.pid) throw busy;
  let res: Response;
  try {
    res = await fetch(`http://127.0.0.1:${control.port}/api/v1/backups/local`, {
      method: 'POST',
      headers: { [CONTROL_HEADER]: control.token },
    });
  } catch {
    throw new CliError(
      `无法连接正在运行的服务（PID ${control.pid}，端口 ${control.port}）：请确认服务在本机监听 127.0.0.1。`,
    );
  }
  const body = (await res.json().catch(() => null)) as
    | (BackupRecord & { path: string })
    | { error?: { message?: string } }
    | null;
  if (!res.ok || !body || !('path' in body))
    throw new CliError(
      `运行中的服务未能完成备份：${(body as { error?: { message?: string } } | null)?.error?.message ?? res.status}`,
    );
  const file = path.resolve(out);
  if (file !== body.path) copyFileSync(body.path, file);
  const lines = [
    `服务正在运行：已由运行中的服务（PID ${control.pid}）完成备份${body.verified ? '并校验通过' : ''}。`,
    `备份完成：${file}`,
    `  共 ${body.rows} 行、上传的文件 ${body.files ?? 0} 个（${megabytes(body.fileBytes ?? 0)}）；审计日志最后一条 ID ${body.auditLastId ?? '无'}；服务端副本：${body.path}`,
    `  提示：备份含账号和业务数据，请妥善保管；字段加密密钥不在备份中${body.keyFingerprint ? `（备份中记录了密钥指纹 ${body.keyFingerprint}）` : ''}，须另行保管，恢复时一并提供。`,
  ];
  if (!body.verified) throw new CliError([...lines, `备份文件校验未通过：${body.problem}`].join('\n'));
  return lines;
}
