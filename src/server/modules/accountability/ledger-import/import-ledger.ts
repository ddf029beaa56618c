import {
  ACCOUNTABILITY_LEDGER_HEADERS,
  ACCOUNTABILITY_LEDGER_SHEET,
  type AccountabilityLedgerKey,
  accountabilityLedgerKeyOf,
} from '../../../../domain/accountability/ledger.js';
import type { Actor } from '../../../platform/access/actor.js';
import type { AppContext } from '../../../platform/context.js';
import { type ImportJob, startImportJob } from '../../../platform/imports/jobs.js';
import { runSheetImport } from '../../../platform/imports/run-sheet-import.js';
import { readImportSheet } from '../../../platform/imports/sheet.js';
import { openWorkbook } from '../../../platform/imports/xlsx-file.js';
import { confirmRecordIn } from '../confirm-record.js';
import { insertDraft } from '../create-record.js';
import { checkAccountabilityRows, registeredRecords, sameRecordKey } from './check-rows.js';

export const ACCOUNTABILITY_LEDGER_JOB = 'accountability_ledger';

/**
 * Takes an uploaded 责任追究台帐 of records in force: each record (its rows, one per person) goes in
 * as the register's own draft and is confirmed at once, so each sanction takes effect on its date by
 * the rule then in force and shows in eligibility. All records or none.
 */
export async function importAccountabilityLedger(opts: {
  ctx: AppContext;
  actor: Actor;
  file: Buffer;
  fileName: string;
}): Promise<ImportJob> {
  const { ctx, actor } = opts;
  const wb = await openWorkbook(opts.file);
  const read = readImportSheet<AccountabilityLedgerKey>(wb, {
    sheetName: ACCOUNTABILITY_LEDGER_SHEET,
    keyOf: accountabilityLedgerKeyOf,
    headers: ACCOUNTABILITY_LEDGER_HEADERS,
    anchor: 'person',
    required: ['kind', 'title', 'facts', 'basis', 'person', 'sanctions', 'decidedOn'],
    ignoreBlank: ['no', 'effectEnds'],
    maxRows: 2000,
    noun: '追究记录',
  });
  const job = await startImportJob(ctx, actor, ACCOUNTABILITY_LEDGER_JOB, (handle) =>
    runSheetImport({
      ctx,
      actor,
      wb,
      read,
      fileName: opts.fileName.slice(0, 200),
      job: handle,
      audit: { action: 'accountability.ledger_import', objectType: 'accountability' },
      unit: '项责任追究',
      check: () => checkAccountabilityRows(ctx, actor, read, handle),
      write: async (tx, good) => {
        const registered = await registeredRecords(tx, good);
        if (good.some((g) => registered.has(sameRecordKey(g.input))))
          throw new Error('导入期间已登记了表中的部分追究事项，未导入任何数据，请重新导入以查看错误清单');
      },
      writeOne: async (tx, g) => {
        const id = await insertDraft(tx, ctx, actor, g.input, {
          source: 'import',
          sourceRef: `import_job:${handle.id}`,
        });
        await confirmRecordIn(tx, ctx, actor, id, { version: 1 });
      },
    }),
  );
  actor.audited = true;
  return { ...job, total: read.rows.length };
}
