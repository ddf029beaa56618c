import path from 'node:path';
import type { Database } from '../server/platform/db/client.js';
import { describeChain } from './audit-text.js';
import { backup } from './backup/backup.js';
import { restore } from './backup/restore.js';

/** `jiandu backup --out FILE`. */
export async function backupCommand(database: Database, out: string): Promise<string[]> {
  const file = path.resolve(out);
  const m = await backup({ database, out: file });
  const rows = m.tables.reduce((n, t) => n + t.rows, 0);
  return [
    `备份完成：${file}`,
    `  共 ${m.tables.length} 张表、${rows} 行；审计日志 ${m.tables.find((t) => t.name === 'audit_log')?.rows ?? 0} 条`,
    '  提示：备份含账号和业务数据，请妥善保管；字段加密密钥（FIELD_KEY 或数据目录中的 field.key）不在备份中，须另行保管，恢复时一并提供。',
  ];
}

/** `jiandu restore --from FILE`: `ok` false when the restored copy does not match the backup (exit 1). */
export async function restoreCommand(
  database: Database,
  from: string,
): Promise<{ ok: boolean; lines: string[] }> {
  const { check } = await restore({ database, from: path.resolve(from) });
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
  lines.push(
    check.ok
      ? '校验通过：恢复的数据与备份一致。'
      : '校验失败：恢复的数据与备份不一致，请勿使用此副本，并检查备份文件。',
  );
  return { ok: check.ok, lines };
}
