import type ExcelJS from 'exceljs';
import {
  INQUIRY_LEDGER_HEADERS,
  INQUIRY_LEDGER_SHEET,
  type InquiryLedgerKey,
  inquiryLedgerKeyOf,
} from '../../../../domain/admonitions/inquiry-ledger.js';
import type { Actor } from '../../../platform/access/actor.js';
import type { AppContext } from '../../../platform/context.js';
import { type ImportJob, startImportJob } from '../../../platform/imports/jobs.js';
import { runSheetImport } from '../../../platform/imports/run-sheet-import.js';
import { type ImportSheet, readImportSheet } from '../../../platform/imports/sheet.js';
import { openWorkbook } from '../../../platform/imports/xlsx-file.js';
import { checkInquiryRows, registeredInquiries, sameInquiryKey } from './inquiry-check.js';
import { writeImportedInquiry } from './inquiry-write.js';

export const INQUIRY_LEDGER_JOB = 'inquiries_ledger';

export function readInquiryLedger(wb: ExcelJS.Workbook): ImportSheet<InquiryLedgerKey> {
  return readImportSheet<InquiryLedgerKey>(wb, {
    sheetName: INQUIRY_LEDGER_SHEET,
    keyOf: inquiryLedgerKeyOf,
    headers: INQUIRY_LEDGER_HEADERS,
    anchor: 'name',
    required: ['name', 'question', 'sentOn', 'repliedOn', 'conclusion', 'concludedOn'],
    ignoreBlank: ['seq', 'dueOn', 'onTime'],
    maxRows: 2000,
    noun: '函询',
  });
}

/**
 * Takes an uploaded 函询台帐 of concluded inquiries: an unreadable file, or one without rows, is
 * refused at once; otherwise a job checks every row and imports all of them or none.
 */
export async function importInquiryLedger(opts: {
  ctx: AppContext;
  actor: Actor;
  file: Buffer;
  fileName: string;
}): Promise<ImportJob> {
  const { ctx, actor } = opts;
  const wb = await openWorkbook(opts.file);
  const read = readInquiryLedger(wb);
  const job = await startImportJob(ctx, actor, INQUIRY_LEDGER_JOB, (handle) =>
    runSheetImport({
      ctx,
      actor,
      wb,
      read,
      fileName: opts.fileName.slice(0, 200),
      job: handle,
      audit: { action: 'inquiry.ledger_import', objectType: 'inquiry' },
      unit: '件函询',
      check: () => checkInquiryRows(ctx, actor, read, handle),
      write: async (tx, good) => {
        const { taken, same } = await registeredInquiries(tx, good);
        if (
          good.some((g) =>
            g.record.code ? taken.has(g.record.code) : same.has(sameInquiryKey(g.cadre.id, g.record)),
          )
        )
          throw new Error('导入期间已登记了表中的部分函询，未导入任何数据，请重新导入以查看错误清单');
      },
      writeOne: async (tx, g) => {
        await writeImportedInquiry(tx, ctx, actor, g, { jobId: handle.id, rowNumber: g.rowNumber });
      },
    }),
  );
  actor.audited = true;
  return { ...job, total: read.rows.length };
}
