import { registerJob } from '../../platform/jobs/registry.js';
import { syncReadDuties } from './read-duties.js';

/** Hourly: people who joined an assigned org after the assignment become due to read it (with a to-do). */
export function registerPolicyJobs(): void {
  registerJob({
    name: 'policy.read_duties',
    everyMs: 60 * 60_000,
    run: async (ctx) => {
      await ctx.db.transaction((tx) => syncReadDuties(tx, ctx.clock));
    },
  });
}
