import { sql } from 'drizzle-orm';
import type ExcelJS from 'exceljs';
import type { Actor } from '../../../platform/access/actor.js';
import { recordAudit } from '../../../platform/audit/record.js';
import type { AppContext } from '../../../platform/context.js';
import { AppError } from '../../../platform/http/errors.js';
import { type JobHandle, reasonsOnScreen } from '../../../platform/imports/jobs.js';
import { cadreNameLookup } from './cadre-names.js';
import { checkLedgerRows, type GoodLedgerRow, takenCodes } from './check-ledger-rows.js';
import { ledgerErrorSheet } from './error-sheet.js';
import type { LedgerSheet } from './ledger-sheet.js';
import { registeredSameCases } from './same-rows.js';
import { writeImported } from './write-imported.js';

/**
 * All the rows in one transaction: rows with their own number first, so generated ones never
 * collide. No progress is written meanwhile: the embedded database has one connection, held by
 * this transaction until it commits.
 */
async function importAll(ctx: AppContext, actor: Actor, orgId: number, good: GoodLedgerRow[]) {
  const ordered = [...good.filter((g) => g.record.code), ...good.filter((g) => !g.record.code)];
  return ctx.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('jiandu.petition_code'), ${orgId}::int)`);
    const codes = ordered.flatMap((g) => (g.record.code ? [g.record.code] : []));
    if ((await takenCodes(tx, orgId, codes)).size > 0)
      throw new Error('导入期间本单位已登记了表中的部分编号，未导入任何数据，请重新导入以查看错误清单');
    const repeated = await registeredSameCases(
      tx,
      orgId,
      ordered.map((g) => g.record),
    );
    if (repeated.size > 0)
      throw new Error('导入期间本单位已登记了表中的部分信访件，未导入任何数据，请重新导入以查看错误清单');
    const cadreIdOf = await cadreNameLookup(tx, orgId);
    for (const g of ordered) {
      try {
        await writeImported(tx, ctx, actor, orgId, g.record, cadreIdOf);
      } catch (e) {
        if (e instanceof AppError) throw new Error(`第 ${g.rowNumber} 行：${e.message}，未导入任何数据`);
        throw e;
      }
    }
    return ordered.length;
  });
}

/**
 * The ledger import job: check every row; if any is bad, import nothing and hand back the sheet
 * with the bad rows marked; otherwise import all of them in one transaction, audited once. The
 * result lists how rows were read where the ledger left room (undated opinions counted one each).
 */
export async function runLedgerImport(opts: {
  ctx: AppContext;
  actor: Actor;
  orgId: number;
  wb: ExcelJS.Workbook;
  ledger: LedgerSheet;
  fileName: string;
  job: JobHandle;
}): Promise<void> {
  const { ctx, actor, orgId, ledger, job } = opts;
  const meta = { file: opts.fileName, rows: ledger.rows.length, orgId, jobId: job.id };
  await job.progress(0, ledger.rows.length);
  const { good, bad, notes } = await checkLedgerRows(ctx, orgId, ledger, job);
  if (bad.size > 0) {
    const first = Math.min(...bad.keys());
    await recordAudit(ctx.db, ctx.clock, actor, {
      action: 'petition.ledger_import',
      objectType: 'petition',
      result: 'failure',
      detail: { ...meta, badRows: bad.size },
    });
    await job.finish('failed', {
      message: `第 ${first} 行等 ${bad.size} 行有误，未导入任何数据，请下载错误清单修改后重新导入`,
      result: { imported: 0, badRows: bad.size, errors: reasonsOnScreen(bad) },
      errorFile: await ledgerErrorSheet(opts.wb, ledger, bad),
    });
    return;
  }
  await job.progress(ledger.rows.length, ledger.rows.length);
  const imported = await importAll(ctx, actor, orgId, good);
  await recordAudit(ctx.db, ctx.clock, actor, {
    action: 'petition.ledger_import',
    objectType: 'petition',
    detail: { ...meta, imported },
  });
  await job.finish('succeeded', {
    message: `已导入 ${imported} 件信访件${notes.length ? `（另有 ${notes.length} 条说明）` : ''}`,
    result: { imported, notes },
  });
}
