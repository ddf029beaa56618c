import { chinaDate } from '../../../../domain/calendar.js';
import { DAY_MS } from '../../../../domain/todo-due.js';
import type { Config } from '../../../config.js';
import { RATE_LIMIT_SWEEP_MS } from '../../../platform/jobs/cleanup.js';
import { registerJob } from '../../../platform/jobs/registry.js';
import { buildDailyCubes } from '../figures/cube.js';
import { sweepRecentReceipts } from '../portal/recent-receipts.js';
import { sweepWrongCodes } from '../portal/throttle.js';
import { sweepOverduePetitions } from './overdue-sweep.js';

export const CUBES_JOB = 'petition.figure_cubes';
/** 00:10 China time (16:10 UTC): the day's stored counts, before anyone opens the dashboard. */
export const CUBES_OFFSET_MS = 16 * 3_600_000 + 10 * 60_000;

/**
 * Overdue petitions escalate to the township leadership, checked every 5 minutes; the petition
 * figures' stored counts of the new day are built just after midnight.
 */
export function registerPetitionJobs(config: Pick<Config, 'rateLimitSweepMs'> = {}): void {
  registerJob({
    name: 'petition.overdue',
    everyMs: 5 * 60_000,
    run: async (ctx) => {
      await sweepOverduePetitions(ctx);
    },
  });
  registerJob({
    name: CUBES_JOB,
    everyMs: DAY_MS,
    offsetMs: CUBES_OFFSET_MS,
    run: (ctx) => buildDailyCubes(ctx, chinaDate(ctx.clock.now())),
  });
  // receipt codes kept for a resend are forgotten soon after their five minutes
  registerJob({ name: 'petition.portal_receipts', everyMs: 5 * 60_000, run: sweepRecentReceipts });
  // the portal's wrong-code counts of addresses whose 15 minutes have ended (as often as the
  // portal's other ended windows: RATE_LIMIT_SWEEP_MS)
  registerJob({
    name: 'portal.wrong_codes',
    everyMs: config.rateLimitSweepMs ?? RATE_LIMIT_SWEEP_MS,
    run: sweepWrongCodes,
  });
}
