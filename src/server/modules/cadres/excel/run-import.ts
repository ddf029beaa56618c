import { sql } from 'drizzle-orm';
import type ExcelJS from 'exceljs';
import type { Actor } from '../../../platform/access/actor.js';
import { recordAudit } from '../../../platform/audit/record.js';
import type { AppContext } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/client.js';
import type { JobHandle } from '../import-jobs.js';
import { tenures } from '../schema.js';
import { insertCadres } from '../write-cadre.js';
import { checkRows, type GoodRow, registeredDigests } from './check-rows.js';
import { errorSheet } from './error-sheet.js';
import { rosterLookups } from './lookups.js';
import type { RosterSheet } from './roster-sheet.js';

const TENURE_BATCH = 2000;

/** All the rows in one transaction: the cadres, their open posts, one audit record. */
async function insertAll(ctx: AppContext, tx: Queryable, actor: Actor, good: GoodRow[], meta: object) {
  // two imports of the same people at once: the second waits, then finds them registered
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('cadres_excel_import'))`);
  const digests = good.flatMap((g) => (g.fields.idNumber ? [ctx.crypto.digest(g.fields.idNumber)] : []));
  if ((await registeredDigests(tx, digests)).size > 0) {
    throw new Error('导入期间已有其他人登记了表中的部分干部，未导入任何数据，请重新导入以查看错误清单');
  }
  const ids = await insertCadres(
    tx,
    ctx,
    good.map((g) => g.fields),
    'excel',
  );
  const posts = good.flatMap((g, i) =>
    g.tenure ? [{ ...g.tenure, cadreId: ids[i], orgId: g.fields.orgId }] : [],
  );
  for (let i = 0; i < posts.length; i += TENURE_BATCH) {
    await tx.insert(tenures).values(posts.slice(i, i + TENURE_BATCH));
  }
  await recordAudit(tx, ctx.clock, actor, {
    action: 'cadre.import',
    objectType: 'cadre',
    detail: { ...meta, imported: ids.length, tenures: posts.length },
  });
  return ids.length;
}

/**
 * The import job: check every row; if any is bad, import nothing and hand back the sheet with the
 * bad rows marked; otherwise import all of them at once.
 */
export async function runExcelImport(opts: {
  ctx: AppContext;
  actor: Actor;
  wb: ExcelJS.Workbook;
  sheet: RosterSheet;
  fileName: string;
  job: JobHandle;
}): Promise<void> {
  const { ctx, actor, wb, sheet, job } = opts;
  const total = sheet.rows.length;
  const meta = { file: opts.fileName, rows: total, jobId: job.id };
  await job.progress(0, total);
  const lookups = await rosterLookups(ctx.db, actor);
  const { good, bad } = await checkRows(ctx, sheet, lookups, job);

  if (bad.size > 0) {
    const first = bad.keys().next().value;
    await recordAudit(ctx.db, ctx.clock, actor, {
      action: 'cadre.import',
      objectType: 'cadre',
      result: 'failure',
      detail: { ...meta, badRows: bad.size },
    });
    await job.finish('failed', {
      message: `第 ${first} 行等 ${bad.size} 行有误，未导入任何数据，请下载错误清单修改后重新导入`,
      result: { imported: 0, badRows: bad.size },
      errorFile: await errorSheet(wb, sheet, bad),
    });
    return;
  }
  const imported = await ctx.db.transaction((tx) => insertAll(ctx, tx, actor, good, meta));
  await job.finish('succeeded', { message: `已导入 ${imported} 名干部`, result: { imported } });
}
