import { openDatabase } from '../db/client.js';
import { restore } from './restore.js';

/** Restores the file into a scratch in-memory database; null when the copy is whole, else what is wrong. */
export async function verifyBackupFile(file: string): Promise<string | null> {
  const scratch = await openDatabase({});
  try {
    // the key is the running system's own: only the data is in question here
    const { check } = await restore({
      database: scratch,
      from: file,
      fieldKey: null,
      ignoreKeyMismatch: true,
    });
    if (check.ok) return null;
    const table = check.tables.find((t) => t.expected !== t.actual);
    if (table) return `表 ${table.name}：备份 ${table.expected} 行，恢复 ${table.actual} 行`;
    return check.audit.firstBreak
      ? `审计日志在 ID ${check.audit.firstBreak.id} 处断裂`
      : '审计日志末条记录与备份不一致';
  } catch (e) {
    return `恢复校验失败：${e instanceof Error ? e.message : String(e)}`;
  } finally {
    await scratch.close();
  }
}
