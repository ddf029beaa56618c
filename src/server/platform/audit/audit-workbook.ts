import type { Writable } from 'node:stream';
import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { AUDIT_RESULTS, auditActionLabel, objectTypeLabel } from '../../../domain/audit-actions.js';
import type { Queryable } from '../db/client.js';
import { orgs } from '../orgs/schema.js';
import { auditColumns } from './list-audit.js';
import { objectLabels } from './object-labels.js';
import { auditLog } from './schema.js';

const COLUMNS = [
  { header: '时间', width: 20 },
  { header: '用户', width: 14 },
  { header: '单位', width: 18 },
  { header: '操作', width: 16 },
  { header: '对象类型', width: 10 },
  { header: '对象', width: 22 },
  { header: '结果', width: 8 },
  { header: '来源地址', width: 16 },
  { header: '详情', width: 50 },
  { header: '哈希', width: 66 },
];
const BATCH = 2000;
/** The object as people name it, with its record number for whoever must trace it. */
const objectCell = (label: string | undefined, id: string | null) =>
  label ? `${label}（#${id}）` : (id ?? '');
const CELL_MAX = 32_000; // Excel refuses cells longer than 32,767 characters

/** China time as people read it: 2026-03-02 09:00:00. */
export const chinaTime = (d: Date) =>
  new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');

type Cursor = { at: string; id: number } | null;

/** The next batch after `cursor`; `at` is carried as text so microseconds survive the round trip. */
const batchAfter = (db: Queryable, where: SQL | undefined, cursor: Cursor) =>
  db
    .select({ ...auditColumns, atText: sql<string>`${auditLog.at}::text` })
    .from(auditLog)
    .leftJoin(orgs, eq(orgs.id, auditLog.orgId))
    .where(
      and(
        where,
        cursor
          ? sql`(${auditLog.at}, ${auditLog.id}) < (${cursor.at}::timestamptz, ${cursor.id})`
          : undefined,
      ),
    )
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(BATCH);

/**
 * Streams the matching records, newest first, into an .xlsx on `out`. Rows are read in keyset
 * batches on (at, id), so memory stays flat however many rows there are.
 */
export async function writeAuditWorkbook(
  db: Queryable,
  where: SQL | undefined,
  out: Writable,
): Promise<number> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  const ws = wb.addWorksheet('审计日志', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = COLUMNS.map((c) => ({ header: c.header, width: c.width }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).commit();
  let written = 0;
  let cursor: Cursor = null;
  for (;;) {
    const rows = await batchAfter(db, where, cursor);
    const labels = await objectLabels(db, rows);
    for (const r of rows) {
      ws.addRow([
        chinaTime(r.at),
        r.username ?? '',
        r.orgName ?? '',
        auditActionLabel(r.action),
        r.objectType ? objectTypeLabel(r.objectType) : '',
        objectCell(labels.get(`${r.objectType}:${r.objectId}`), r.objectId),
        AUDIT_RESULTS[r.result] ?? r.result,
        r.ip ?? '',
        r.detail == null ? '' : JSON.stringify(r.detail).slice(0, CELL_MAX),
        r.hash,
      ]).commit();
    }
    written += rows.length;
    if (rows.length < BATCH) break;
    const last = rows[rows.length - 1];
    cursor = { at: last.atText, id: last.id };
  }
  ws.commit();
  await wb.commit();
  return written;
}
