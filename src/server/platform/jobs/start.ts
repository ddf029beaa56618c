import { registerJobs } from '../../jobs.js';
import type { AppContext } from '../context.js';
import { Scheduler } from './scheduler.js';

/** The scheduler as a background service of `jiandu serve`; SCHEDULER=0 keeps it off in this process. */
export async function startScheduler(ctx: AppContext): Promise<() => Promise<void>> {
  if (!ctx.config.scheduler) return async () => {};
  registerJobs(ctx.config);
  return new Scheduler(ctx).start();
}
