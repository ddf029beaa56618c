import { and, eq, isNull } from 'drizzle-orm';
import type { Actor } from '../../../platform/access/actor.js';
import { orgInScope } from '../../../platform/access/scope.js';
import type { AppContext } from '../../../platform/context.js';
import { outOfScope } from '../../../platform/http/errors.js';
import type { ImportJob } from '../../../platform/imports/jobs.js';
import { openWorkbook } from '../../../platform/imports/xlsx-file.js';
import { orgs } from '../../../platform/orgs/schema.js';
import { startLedgerJob } from './ledger-job.js';
import { readLedgerSheet } from './ledger-sheet.js';
import { runLedgerImport } from './run-ledger-import.js';

/**
 * Takes an uploaded 信访台帐 for an org in the caller's scope (their own by default): a file that is
 * not a readable .xlsx, or holds no ledger rows, is refused at once; otherwise a job checks and
 * imports the rows while the caller polls its progress.
 */
export async function importLedger(opts: {
  ctx: AppContext;
  actor: Actor;
  orgId?: number;
  file: Buffer;
  fileName: string;
}): Promise<ImportJob> {
  const { ctx, actor } = opts;
  const orgId = opts.orgId ?? actor.orgId;
  const [org] = await ctx.db
    .select({ id: orgs.id })
    .from(orgs)
    .where(and(eq(orgs.id, orgId), isNull(orgs.deletedAt)));
  if (!org || !(await orgInScope(ctx.db, actor, orgId))) throw outOfScope();
  const wb = await openWorkbook(opts.file);
  const ledger = readLedgerSheet(wb);
  const fileName = opts.fileName.slice(0, 200);
  const job = await startLedgerJob(ctx, actor, orgId, (handle) =>
    runLedgerImport({ ctx, actor, orgId, wb, ledger, fileName, job: handle }),
  );
  // the job records the outcome (imported, or refused with its bad rows), not the upload
  actor.audited = true;
  return { ...job, total: ledger.rows.length };
}
