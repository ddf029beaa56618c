import type ExcelJS from 'exceljs';
import {
  ADMONITION_LEDGER_COLUMNS,
  ADMONITION_LEDGER_SHEET,
  type AdmonitionLedgerKey,
  admonitionLedgerKeyOf,
  ID_NUMBER_HEADER,
} from '../../../../domain/admonitions/admonition-ledger.js';
import type { Actor } from '../../../platform/access/actor.js';
import { recordAudit } from '../../../platform/audit/record.js';
import type { AppContext } from '../../../platform/context.js';
import { AppError } from '../../../platform/http/errors.js';
import {
  type ImportJob,
  type JobHandle,
  reasonsOnScreen,
  startImportJob,
} from '../../../platform/imports/jobs.js';
import { type ImportSheet, markErrorSheet, readImportSheet } from '../../../platform/imports/sheet.js';
import { openWorkbook } from '../../../platform/imports/xlsx-file.js';
import { checkAdmonitionRows, type GoodAdmonitionRow, registeredRepeats, sameKey } from './check-rows.js';
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

/** All the rows in one transaction, re-checked for repeats under it; any refusal undoes them all. */
async function importAll(ctx: AppContext, actor: Actor, good: GoodAdmonitionRow[], jobId: number) {
  return ctx.db.transaction(async (tx) => {
    const { taken, same } = await registeredRepeats(tx, good);
    const again = good.some((g) =>
      g.record.code ? taken.has(g.record.code) : same.has(sameKey(g.cadre.id, g.record)),
    );
    if (again)
      throw new Error('导入期间已登记了表中的部分诫勉记录，未导入任何数据，请重新导入以查看错误清单');
    for (const g of good) {
      try {
        await writeImportedAdmonition(tx, ctx, actor, g, { jobId, rowNumber: g.rowNumber });
      } catch (e) {
        if (e instanceof AppError) throw new Error(`第 ${g.rowNumber} 行：${e.message}，未导入任何数据`);
        throw e;
      }
    }
    return good.length;
  });
}

/**
 * The 诫勉台帐 import job: check every row; if any is bad, import nothing, audit the refusal and
 * hand back the sheet with the bad rows marked (their first problems on screen too); otherwise
 * write them all in one transaction, each audited, and the import once.
 */
export async function runAdmonitionLedgerImport(opts: {
  ctx: AppContext;
  actor: Actor;
  wb: ExcelJS.Workbook;
  read: ImportSheet<AdmonitionLedgerKey>;
  fileName: string;
  job: JobHandle;
}): Promise<void> {
  const { ctx, actor, read, job } = opts;
  const meta = { file: opts.fileName, rows: read.rows.length, jobId: job.id };
  await job.progress(0, read.rows.length);
  const { good, bad } = await checkAdmonitionRows(ctx, actor, read, job);
  if (bad.size > 0) {
    const first = Math.min(...bad.keys());
    await recordAudit(ctx.db, ctx.clock, actor, {
      action: 'admonition.ledger_import',
      objectType: 'admonition',
      result: 'failure',
      detail: { ...meta, badRows: bad.size },
    });
    await job.finish('failed', {
      message: `第 ${first} 行等 ${bad.size} 行有误，未导入任何数据，请下载错误清单修改后重新导入`,
      result: { imported: 0, badRows: bad.size, errors: reasonsOnScreen(bad) },
      errorFile: await markErrorSheet(opts.wb, read, bad),
    });
    return;
  }
  await job.progress(read.rows.length, read.rows.length);
  const imported = await importAll(ctx, actor, good, job.id);
  await recordAudit(ctx.db, ctx.clock, actor, {
    action: 'admonition.ledger_import',
    objectType: 'admonition',
    detail: { ...meta, imported },
  });
  await job.finish('succeeded', { message: `已导入 ${imported} 条诫勉记录`, result: { imported } });
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
    runAdmonitionLedgerImport({ ctx, actor, wb, read, fileName, job: handle }),
  );
  // the job records the outcome (imported, or refused with its bad rows), not the upload
  actor.audited = true;
  return { ...job, total: read.rows.length };
}
