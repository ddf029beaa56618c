import { and, inArray, lt } from 'drizzle-orm';
import { DAY_MS } from '../../../domain/todo-due.js';
import type { AppContext } from '../context.js';
import { registerJob } from './registry.js';
import { jobRuns } from './schema.js';

/** Finished runs are kept this long (for looking into a failure), then deleted. */
const KEEP_MS = 30 * DAY_MS;

export async function cleanupJobRuns(ctx: AppContext): Promise<void> {
  const before = new Date(ctx.clock.now().getTime() - KEEP_MS);
  await ctx.db
    .delete(jobRuns)
    .where(and(inArray(jobRuns.status, ['done', 'failed']), lt(jobRuns.finishedAt, before)));
}

export function registerSchedulerJobs(): void {
  registerJob({ name: 'jobs.cleanup', everyMs: DAY_MS, run: (ctx) => cleanupJobRuns(ctx) });
}
