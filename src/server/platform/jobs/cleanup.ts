import { and, inArray, lt } from 'drizzle-orm';
import { DAY_MS } from '../../../domain/todo-due.js';
import type { Config } from '../../config.js';
import type { AppContext } from '../context.js';
import { sweepRateLimits } from '../http/db-rate-store.js';
import { failAbandonedJobs } from '../imports/heartbeat.js';
import { registerJob } from './registry.js';
import { jobRuns, schedulerTicks } from './schema.js';

/** Finished runs are kept this long (for looking into a failure), then deleted. */
const KEEP_MS = 30 * DAY_MS;

export async function cleanupJobRuns(ctx: AppContext): Promise<void> {
  const before = new Date(ctx.clock.now().getTime() - KEEP_MS);
  await ctx.db
    .delete(jobRuns)
    .where(and(inArray(jobRuns.status, ['done', 'failed']), lt(jobRuns.finishedAt, before)));
  // instances that stopped ticking a day ago are gone (a restart has a new id)
  await ctx.db
    .delete(schedulerTicks)
    .where(lt(schedulerTicks.tickedAt, new Date(ctx.clock.now().getTime() - DAY_MS)));
}

/** How often the portal's ended rate-limit windows are swept unless RATE_LIMIT_SWEEP_MS says otherwise. */
export const RATE_LIMIT_SWEEP_MS = 10 * 60_000;

export function registerSchedulerJobs(config: Pick<Config, 'rateLimitSweepMs'> = {}): void {
  registerJob({ name: 'jobs.cleanup', everyMs: DAY_MS, run: (ctx) => cleanupJobRuns(ctx) });
  // imports and backups whose process stopped while running them (no heartbeat for 3 minutes)
  registerJob({
    name: 'imports.abandoned',
    everyMs: 60_000,
    run: async (ctx) => {
      await failAbandonedJobs(ctx);
    },
  });
  // the portal's request counters whose window has ended (the windows are minutes long)
  registerJob({
    name: 'http.rate_limits',
    everyMs: config.rateLimitSweepMs ?? RATE_LIMIT_SWEEP_MS,
    run: sweepRateLimits,
  });
}
