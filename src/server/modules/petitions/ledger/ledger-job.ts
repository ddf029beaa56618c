import type { Actor } from '../../../platform/access/actor.js';
import type { AppContext } from '../../../platform/context.js';
import { type ImportJob, type JobHandle, startImportJob } from '../../../platform/imports/jobs.js';

export const LEDGER_JOB = 'petitions_ledger';

/**
 * The ledger import runs after the upload answers, on the platform's import jobs (kind
 * petitions_ledger, for the org the cases belong to): the page polls its progress, the result and
 * the error sheet.
 */
export function startLedgerJob(
  ctx: AppContext,
  actor: Actor,
  orgId: number,
  work: (job: JobHandle) => Promise<void>,
): Promise<ImportJob> {
  return startImportJob(ctx, actor, LEDGER_JOB, work, orgId);
}
