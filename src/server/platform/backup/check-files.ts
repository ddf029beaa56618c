import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { rowsOf } from '../db/rows.js';
import { fileKeyColumns } from '../files/references.js';
import { carriesFiles, MAX_LISTED_PROBLEMS, type Manifest } from './format.js';
import type { FileSink, FileState } from './restore-files.js';

export interface FileProblem {
  key: string;
  /** The row that refers to it: `petition_attachments #12`. */
  row: string;
  /** The file's name on that row (`证据.jpg`), when the table keeps one. */
  label: string | null;
  problem: Exclude<FileState, 'ok'>;
}

export interface FilesCheck {
  /** The backup carries the stored files (format 2); false for a backup of rows only. */
  carried: boolean;
  /** The backup's end line was read (a carried backup without it was cut short). */
  complete: boolean;
  /** Rows that refer to a stored file. */
  references: number;
  /** Files restored whole, and their bytes. */
  files: number;
  bytes: number;
  /** The first few rows whose file is missing or damaged, and how many in all. */
  problems: FileProblem[];
  problemCount: number;
  ok: boolean;
}

const BATCH = 500;

/**
 * Every row that refers to a stored file (the `storage_key` columns, the list the orphan sweep and
 * the backup read) finds its file restored whole: present, with the digest its key names. A
 * backup of rows only (format 1) has nothing to check: it says so, and how many rows refer to files.
 */
export async function checkRestoredFiles(db: Db, manifest: Manifest, sink: FileSink): Promise<FilesCheck> {
  const carried = carriesFiles(manifest);
  const out: FilesCheck = {
    carried,
    complete: !carried || sink.summary !== null,
    references: 0,
    files: sink.written,
    bytes: sink.bytes,
    problems: [],
    problemCount: 0,
    ok: true,
  };
  for (const c of fileKeyColumns()) {
    const t = sql.identifier(c.tableName);
    if (!carried) {
      const [n] = rowsOf<{ n: string }>(
        await db.execute(
          sql`select count(*) as n from ${t} where ${sql.identifier(c.columnName)} is not null`,
        ),
      );
      out.references += Number(n?.n ?? 0);
      continue;
    }
    // a table without a primary key names its rows by their place
    const key = c.key.length
      ? sql.join(
          c.key.map((k) => sql`${sql.identifier(k)}::text`),
          sql` || '/' || `,
        )
      : sql`ctid::text`;
    const label = c.label ? sql`${sql.identifier(c.label)}` : sql`null`;
    const order = c.key.length
      ? sql.join(
          c.key.map((k) => sql.identifier(k)),
          sql`, `,
        )
      : sql`ctid`;
    await db.transaction(
      async (tx) => {
        await tx.execute(
          sql`declare jd_check_files no scroll cursor for select ${key} as id, ${label} as label, ${sql.identifier(c.columnName)} as k from ${t} where ${sql.identifier(c.columnName)} is not null order by ${order}`,
        );
        for (;;) {
          const rows = rowsOf<{ id: string; label: string | null; k: string }>(
            await tx.execute(sql.raw(`fetch ${BATCH} from jd_check_files`)),
          );
          if (rows.length === 0) break;
          for (const r of rows) {
            out.references++;
            const state = await sink.state(r.k);
            if (state === 'ok') continue;
            out.problemCount++;
            if (out.problems.length < MAX_LISTED_PROBLEMS)
              out.problems.push({
                key: r.k,
                row: `${c.tableName} #${r.id}`,
                label: r.label,
                problem: state,
              });
          }
        }
        await tx.execute(sql`close jd_check_files`);
      },
      { accessMode: 'read only' },
    );
  }
  out.ok = out.complete && out.problemCount === 0;
  return out;
}

const WHAT: Record<FileProblem['problem'], string> = {
  missing: '缺失（备份中没有这个文件）',
  damaged: '已损坏（内容与摘要不符）',
  absent: '缺失（备份时数据目录中已没有这个文件）',
};

/**
 * One problem in a sentence: `petition_attachments #12（证据.jpg） 引用的文件 26/ab… 已损坏（…）`. Without
 * the name for the system administrator's eyes (a live backup's problem, a to-do): an attachment's
 * name can be case content, which 三员分立 keeps from the administrators.
 */
export const describeFileProblem = (p: FileProblem, opts: { withName: boolean }) =>
  `${p.row}${opts.withName && p.label ? `（${p.label}）` : ''} 引用的文件 ${p.key} ${WHAT[p.problem]}`;

/** The check's finding in Chinese, one line each, for the operator restoring on the machine (`jiandu restore`). */
export function describeFilesCheck(f: FilesCheck): string[] {
  if (!f.carried)
    return [
      f.references
        ? `此备份不含上传的文件（旧版本的备份）：${f.references} 条记录引用的附件须另从原系统的 DATA_DIR/files 复制`
        : '此备份不含上传的文件（旧版本的备份），也没有记录引用文件',
    ];
  const lines: string[] = [];
  if (!f.complete) lines.push('备份文件不完整：缺少结尾标记，文件部分可能被截断');
  for (const p of f.problems) lines.push(describeFileProblem(p, { withName: true }));
  if (f.problemCount > f.problems.length) lines.push(`另有 ${f.problemCount - f.problems.length} 处文件问题`);
  return lines;
}
