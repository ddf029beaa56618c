import type ExcelJS from 'exceljs';
import type { Actor } from '../access/actor.js';
import { recordAudit } from '../audit/record.js';
import type { AppContext } from '../context.js';
import type { Queryable } from '../db/client.js';
import { AppError } from '../http/errors.js';
import { type JobHandle, reasonsOnScreen } from './jobs.js';
import { type ImportSheet, markErrorSheet } from './sheet.js';

/**
 * The all-or-nothing import of a ledger sheet, as a job: check every row; if any is bad, write
 * nothing, audit the refusal and hand back the sheet with the bad rows marked (their first
 * problems on screen too); otherwise write every row in one transaction — `write` re-checks what
 * may have changed meanwhile and throws a Chinese Error to undo it all — and audit the import once.
 */
export async function runSheetImport<K extends string, G extends { rowNumber: number }>(opts: {
  ctx: AppContext;
  actor: Actor;
  wb: ExcelJS.Workbook;
  read: ImportSheet<K>;
  fileName: string;
  job: JobHandle;
  audit: { action: string; objectType: string };
  /** What the success message counts: 条诫勉记录, 件函询 … */
  unit: string;
  check: () => Promise<{ good: G[]; bad: Map<number, string[]> }>;
  write: (tx: Queryable, good: G[]) => Promise<void>;
  writeOne: (tx: Queryable, g: G) => Promise<void>;
}): Promise<void> {
  const { ctx, actor, read, job } = opts;
  const meta = { file: opts.fileName, rows: read.rows.length, jobId: job.id };
  await job.progress(0, read.rows.length);
  const { good, bad } = await opts.check();
  if (bad.size > 0) {
    const first = Math.min(...bad.keys());
    await recordAudit(ctx.db, ctx.clock, actor, {
      ...opts.audit,
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
  await ctx.db.transaction(async (tx) => {
    await opts.write(tx, good);
    for (const g of good) {
      try {
        await opts.writeOne(tx, g);
      } catch (e) {
        if (e instanceof AppError) throw new Error(`第 ${g.rowNumber} 行：${e.message}，未导入任何数据`);
        throw e;
      }
    }
  });
  await recordAudit(ctx.db, ctx.clock, actor, { ...opts.audit, detail: { ...meta, imported: good.length } });
  await job.finish('succeeded', {
    message: `已导入 ${good.length} ${opts.unit}`,
    result: { imported: good.length },
  });
}
