import type ExcelJS from 'exceljs';
import {
  ADMONITION_LEDGER_COLUMNS,
  ADMONITION_LEDGER_SHEET,
  type AdmonitionLedgerKey,
  admonitionLedgerKeyOf,
  ID_NUMBER_HEADER,
} from '../../../../domain/admonitions/admonition-ledger.js';
import type { Actor } from '../../../platform/access/actor.js';
import type { AppContext } from '../../../platform/context.js';
import { type ImportJob, startImportJob } from '../../../platform/imports/jobs.js';
import { runSheetImport } from '../../../platform/imports/run-sheet-import.js';
import { type ImportSheet, readImportSheet } from '../../../platform/imports/sheet.js';
import { openWorkbook } from '../../../platform/imports/xlsx-file.js';
import { checkAdmonitionRows, registeredRepeats, sameKey } from './check-rows.js';
import { writeImportedAdmonition } from './write-rows.js';

export const ADMONITION_LEDGER_JOB = 'admonitions_ledger';
export const MAX_ADMONITION_ROWS = 2000;

const HEADERS: Record<string, string> = {
  ...Object.fromEntries(ADMONITION_LEDGER_COLUMNS.map((c) => [c.key, c.header])),
  idNumber: ID_NUMBER_HEADER,
};

export function readAdmonitionLedger(wb: ExcelJS.Workbook): ImportSheet<AdmonitionLedgerKey> {
  return readImportSheet<AdmonitionLedgerKey>(wb, {
    sheetName: ADMONITION_LEDGER_SHEET,
    keyOf: admonitionLedgerKeyOf,
    headers: HEADERS,
    anchor: 'name',
    required: ['name', 'reason', 'talkOn', 'status'],
    ignoreBlank: ['seq'],
    maxRows: MAX_ADMONITION_ROWS,
    noun: '诫勉记录',
  });
}

/**
 * Takes an uploaded 诫勉台帐: a file that is not a readable .xlsx, or holds no rows, is refused at
 * once; otherwise a job checks and imports the rows while the caller polls its progress.
 */
export async function importAdmonitionLedger(opts: {
  ctx: AppContext;
  actor: Actor;
  file: Buffer;
  fileName: string;
}): Promise<ImportJob> {
  const { ctx, actor } = opts;
  const wb = await openWorkbook(opts.file);
  const read = readAdmonitionLedger(wb);
  const fileName = opts.fileName.slice(0, 200);
  const job = await startImportJob(ctx, actor, ADMONITION_LEDGER_JOB, (handle) =>
    runSheetImport({
      ctx,
      actor,
      wb,
      read,
      fileName,
      job: handle,
      audit: { action: 'admonition.ledger_import', objectType: 'admonition' },
      unit: '条诫勉记录',
      check: () => checkAdmonitionRows(ctx, actor, read, handle),
      // re-checked under the transaction: a record registered meanwhile undoes the import
      write: async (tx, good) => {
        const { taken, same } = await registeredRepeats(tx, good);
        if (
          good.some((g) =>
            g.record.code ? taken.has(g.record.code) : same.has(sameKey(g.cadre.id, g.record)),
          )
        )
          throw new Error('导入期间已登记了表中的部分诫勉记录，未导入任何数据，请重新导入以查看错误清单');
      },
      writeOne: async (tx, g) => {
        await writeImportedAdmonition(tx, ctx, actor, g, { jobId: handle.id, rowNumber: g.rowNumber });
      },
    }),
  );
  // the job records the outcome (imported, or refused with its bad rows), not the upload
  actor.audited = true;
  return { ...job, total: read.rows.length };
}
