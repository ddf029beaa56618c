import type { Actor } from '../../../platform/access/actor.js';
import type { AppContext } from '../../../platform/context.js';
import { type ImportJob, startImportJob } from '../../../platform/imports/jobs.js';
import { openWorkbook } from '../../../platform/imports/xlsx-file.js';
import type { ImportMode } from './check-rows.js';
import { readRosterSheet } from './roster-sheet.js';
import { runExcelImport } from './run-import.js';

/**
 * Takes an uploaded roster: a file that is not a readable .xlsx, or holds no roster rows, is refused
 * at once; otherwise the rows are checked and imported (or previewed, see run-import.ts) by a job
 * whose progress the caller polls. `mode` update: registered cadres are updated, not refused.
 */
export async function importExcel(opts: {
  ctx: AppContext;
  actor: Actor;
  file: Buffer;
  fileName: string;
  mode: ImportMode;
}): Promise<ImportJob> {
  const { ctx, actor } = opts;
  const wb = await openWorkbook(opts.file);
  const sheet = readRosterSheet(wb);
  const fileName = opts.fileName.slice(0, 200);
  const job = await startImportJob(ctx, actor, 'cadres_excel', (handle) =>
    runExcelImport({ ctx, actor, wb, sheet, fileName, mode: opts.mode, job: handle }),
  );
  // the job records the outcome (imported, or refused with its bad rows), not the upload
  actor.audited = true;
  return { ...job, total: sheet.rows.length };
}
