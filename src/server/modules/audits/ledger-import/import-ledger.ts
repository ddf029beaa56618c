import type ExcelJS from 'exceljs';
import {
  AUDIT_LEDGER_HEADERS,
  AUDIT_LEDGER_SHEET,
  type AuditLedgerKey,
  auditLedgerKeyOf,
} from '../../../../domain/audits/audit-ledger.js';
import type { Actor } from '../../../platform/access/actor.js';
import type { AppContext } from '../../../platform/context.js';
import { type ImportJob, startImportJob } from '../../../platform/imports/jobs.js';
import { runSheetImport } from '../../../platform/imports/run-sheet-import.js';
import { type ImportSheet, readImportSheet } from '../../../platform/imports/sheet.js';
import { openWorkbook } from '../../../platform/imports/xlsx-file.js';
import { checkAuditRows, registeredAudits } from './check-rows.js';
import { type ImportedAudit, writeImportedAudits, writeImportedItem } from './write-rows.js';

export const AUDIT_LEDGER_JOB = 'econ_audits_ledger';
export const MAX_AUDIT_LEDGER_ROWS = 2000;

export function readAuditLedger(wb: ExcelJS.Workbook): ImportSheet<AuditLedgerKey> {
  return readImportSheet<AuditLedgerKey>(wb, {
    sheetName: AUDIT_LEDGER_SHEET,
    keyOf: auditLedgerKeyOf,
    headers: AUDIT_LEDGER_HEADERS,
    anchor: 'summary',
    required: [
      'summary',
      'description',
      'basis',
      'recommendation',
      'verdict',
      'closed',
      'audit',
      'unit',
      'issuedOn',
    ],
    ignoreBlank: ['no'],
    maxRows: MAX_AUDIT_LEDGER_ROWS,
    noun: '审计问题',
  });
}

/**
 * Takes an uploaded 审计台帐 of earlier years: a file that is not a readable .xlsx, or holds no rows,
 * is refused at once; otherwise a job checks every row and, only if all are good, rebuilds the
 * audits (rows grouped by 审计项目), their findings and rectification items with their historical
 * state and dates, in one transaction.
 */
export async function importAuditLedger(opts: {
  ctx: AppContext;
  actor: Actor;
  file: Buffer;
  fileName: string;
}): Promise<ImportJob> {
  const { ctx, actor } = opts;
  const wb = await openWorkbook(opts.file);
  const read = readAuditLedger(wb);
  const fileName = opts.fileName.slice(0, 200);
  let audits = new Map<string, ImportedAudit>();
  const job = await startImportJob(ctx, actor, AUDIT_LEDGER_JOB, (handle) =>
    runSheetImport({
      ctx,
      actor,
      wb,
      read,
      fileName,
      job: handle,
      audit: { action: 'econ_audit.ledger_import', objectType: 'econ_audit' },
      unit: '个审计问题',
      check: () => checkAuditRows(ctx, actor, read, handle),
      // re-checked under the transaction: an audit registered meanwhile undoes the import
      write: async (tx, good) => {
        const taken = await registeredAudits(
          tx,
          actor,
          good.map((g) => g.record.audit),
        );
        if (taken.size)
          throw new Error('导入期间已登记了表中的部分审计项目，未导入任何数据，请重新导入以查看错误清单');
        audits = await writeImportedAudits(tx, ctx, actor, good, handle.id);
      },
      writeOne: async (tx, g) => {
        await writeImportedItem(tx, ctx, audits.get(g.record.audit) as ImportedAudit, g);
      },
    }),
  );
  // the job records the outcome (imported, or refused with its bad rows), not the upload
  actor.audited = true;
  return { ...job, total: read.rows.length };
}
