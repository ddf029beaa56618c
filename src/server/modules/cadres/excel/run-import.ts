import { sql } from 'drizzle-orm';
import type ExcelJS from 'exceljs';
import type { Actor } from '../../../platform/access/actor.js';
import { recordAudit } from '../../../platform/audit/record.js';
import type { AppContext } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/client.js';
import { conflict } from '../../../platform/http/errors.js';
import { type JobHandle, sealPending } from '../../../platform/imports/jobs.js';
import { tenures } from '../schema.js';
import { insertCadres } from '../write-cadre.js';
import {
  type BadRows,
  checkRows,
  type GoodRow,
  type ImportMode,
  registeredDigests,
  sortProblems,
} from './check-rows.js';
import { HEADER_OF, reasonText } from './columns.js';
import { errorSheet } from './error-sheet.js';
import { rosterLookups, showLabels } from './lookups.js';
import type { RosterSheet } from './roster-sheet.js';
import { type CadreChange, planUpdates, type UpdatePlan } from './update-plan.js';

const TENURE_BATCH = 2000;
/** How many problems the job shows on screen; the error sheet holds all of them. */
export const ERRORS_ON_SCREEN = 50;
/** How many cadres' changes the preview lists (the count covers all). */
export const CHANGES_SHOWN = 500;

/** What an Excel import waiting for confirmation keeps (sealed). */
export interface ExcelPending {
  mode: ImportMode;
  fileName: string;
  rows: number;
  ignoredColumns: string[];
  creates: GoodRow[];
  updates: GoodRow[];
  /** The state of each cadre when the preview was made: cadreId → fingerprint. */
  fingerprints: Record<number, string>;
}

/** The new cadres and their open posts, in the caller's transaction (after the advisory lock). */
export async function insertCreates(ctx: AppContext, tx: Queryable, good: GoodRow[]) {
  const digests = good.flatMap((g) => (g.fields.idNumber ? [ctx.crypto.digest(g.fields.idNumber)] : []));
  if ((await registeredDigests(tx, digests)).size > 0) {
    throw conflict('导入期间已有其他人登记了表中的部分干部，未导入任何数据，请重新导入以查看错误清单');
  }
  const ids = await insertCadres(
    tx,
    ctx,
    good.map((g) => g.fields),
    'excel',
  );
  const posts = good.flatMap((g, i) =>
    g.tenure ? [{ ...g.tenure, cadreId: ids[i], orgId: g.fields.orgId, source: 'excel' }] : [],
  );
  for (let i = 0; i < posts.length; i += TENURE_BATCH) {
    await tx.insert(tenures).values(posts.slice(i, i + TENURE_BATCH));
  }
  return { created: ids.length, tenures: posts.length };
}

/** Two imports of the same people at once: the second waits, then finds them registered. */
export const importLock = (tx: Queryable) =>
  tx.execute(sql`select pg_advisory_xact_lock(hashtext('cadres_excel_import'))`);

/** The bad rows as the screen lists them: row, column, message — the first ERRORS_ON_SCREEN. */
export function errorsOnScreen(bad: BadRows) {
  const out: { row: number; column: string; message: string }[] = [];
  for (const [row, list] of bad)
    for (const p of list) {
      if (out.length === ERRORS_ON_SCREEN) return out;
      out.push({ row, column: HEADER_OF[p.key], message: p.message });
    }
  return out;
}

/** The preview of an import that waits: counts, ignored columns and, per cadre, what changes. */
function preview(mode: ImportMode, rows: number, ignored: string[], creates: GoodRow[], plans: UpdatePlan[]) {
  const changed = plans.filter((p) => p.changes.length);
  const changes: CadreChange[] = changed
    .slice(0, CHANGES_SHOWN)
    .map((p) => ({ row: p.row, cadreId: p.cadreId, name: p.name, changes: p.changes }));
  return {
    mode,
    rows,
    toCreate: creates.length,
    toUpdate: changed.length,
    unchanged: plans.length - changed.length,
    ignoredColumns: ignored,
    changes,
    changesTotal: changed.length,
  };
}

function waitingMessage(p: ReturnType<typeof preview>): string {
  const ignored = p.ignoredColumns.length
    ? `表中有 ${p.ignoredColumns.length} 列不会导入（${p.ignoredColumns.join('、')}）；`
    : '';
  const counts =
    p.mode === 'update'
      ? [
          p.toUpdate ? `更新 ${p.toUpdate} 名干部` : '',
          p.toCreate ? `新增 ${p.toCreate} 名干部` : '',
          p.unchanged ? `${p.unchanged} 名没有变化` : '',
        ].filter(Boolean)
      : [`新增 ${p.toCreate} 名干部`];
  return `${ignored}确认后将${counts.join('，') || '不做任何更改'}，请核对后确认导入`;
}

/**
 * The import job: check every row; if any is bad, import nothing and hand back the sheet with the
 * bad rows marked (and the first of them on screen). Otherwise import at once — unless the sheet
 * has columns the import does not read, or it updates registered cadres: then the job waits with
 * the ignored columns and the changes per cadre for the user to confirm (confirm-excel.ts).
 */
export async function runExcelImport(opts: {
  ctx: AppContext;
  actor: Actor;
  wb: ExcelJS.Workbook;
  sheet: RosterSheet;
  fileName: string;
  mode: ImportMode;
  job: JobHandle;
}): Promise<void> {
  const { ctx, actor, wb, sheet, job, mode } = opts;
  const total = sheet.rows.length;
  const meta = { file: opts.fileName, rows: total, jobId: job.id, mode };
  await job.progress(0, total);
  const lookups = await rosterLookups(ctx.db, actor);
  let { good, bad } = await checkRows(ctx, actor, sheet, lookups, job, mode);
  let plans: UpdatePlan[] = [];
  if (!bad.size && mode === 'update') {
    const planned = await planUpdates(
      ctx.db,
      good.filter((g) => g.cadreId !== null),
      await showLabels(ctx.db, actor),
    );
    plans = planned.plans;
    bad = sortProblems(planned.bad);
  }

  if (bad.size > 0) {
    const first = bad.keys().next().value;
    await recordAudit(ctx.db, ctx.clock, actor, {
      action: 'cadre.import',
      objectType: 'cadre',
      result: 'failure',
      detail: { ...meta, badRows: bad.size },
    });
    const reasons = new Map([...bad].map(([r, list]) => [r, list.map((p) => reasonText(p.key, p.message))]));
    await job.finish('failed', {
      message: `第 ${first} 行等 ${bad.size} 行有误，未导入任何数据，请下载错误清单修改后重新导入`,
      result: { imported: 0, badRows: bad.size, errors: errorsOnScreen(bad), ignoredColumns: sheet.ignored },
      errorFile: await errorSheet(wb, sheet, reasons),
    });
    return;
  }
  const creates = good.filter((g) => g.cadreId === null);
  if (mode === 'update' || sheet.ignored.length) {
    const p = preview(mode, total, sheet.ignored, creates, plans);
    const pending: ExcelPending = {
      mode,
      fileName: opts.fileName,
      rows: total,
      ignoredColumns: sheet.ignored,
      creates,
      updates: good.filter((g) => g.cadreId !== null),
      fingerprints: Object.fromEntries(plans.map((pl) => [pl.cadreId, pl.fingerprint])),
    };
    await job.finish('awaiting_confirmation', {
      message: waitingMessage(p),
      result: p,
      pending: sealPending(ctx.crypto, pending),
    });
    return;
  }
  const done = await ctx.db.transaction(async (tx) => {
    await importLock(tx);
    const out = await insertCreates(ctx, tx, good);
    await recordAudit(tx, ctx.clock, actor, {
      action: 'cadre.import',
      objectType: 'cadre',
      detail: { ...meta, imported: out.created, tenures: out.tenures },
    });
    return out;
  });
  await job.finish('succeeded', {
    message: `已导入 ${done.created} 名干部`,
    result: { imported: done.created, created: done.created, updated: 0 },
  });
}
