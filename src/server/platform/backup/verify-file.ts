import { openDatabase } from '../db/client.js';
import { describeFileProblem } from './check-files.js';
import { restore } from './restore.js';

/**
 * Restores the file into a scratch in-memory database, checking the stored files it carries as
 * they stream by (written nowhere); null when the copy is whole, else what is wrong.
 */
export async function verifyBackupFile(file: string): Promise<string | null> {
  const scratch = await openDatabase({});
  try {
    // the key is the running system's own: only the data is in question here
    const { check } = await restore({
      database: scratch,
      from: file,
      filesDir: null,
      fieldKey: null,
      ignoreKeyMismatch: true,
    });
    if (check.ok) return null;
    const table = check.tables.find((t) => t.expected !== t.actual);
    if (table) return `表 ${table.name}：备份 ${table.expected} 行，恢复 ${table.actual} 行`;
    if (!check.audit.ok)
      return check.audit.firstBreak
        ? `审计日志在 ID ${check.audit.firstBreak.id} 处断裂`
        : '审计日志末条记录与备份不一致';
    const f = check.files;
    if (!f.complete) return '备份文件不完整：缺少结尾标记，文件部分可能被截断';
    const more = f.problemCount > 1 ? `（共 ${f.problemCount} 处文件问题）` : '';
    // shown to the system administrator: the row and the file's key, never its name
    return `${describeFileProblem(f.problems[0], { withName: false })}${more}`;
  } catch (e) {
    return `恢复校验失败：${e instanceof Error ? e.message : String(e)}`;
  } finally {
    await scratch.close();
  }
}
