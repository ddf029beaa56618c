import { registerJob } from '../../../platform/jobs/registry.js';
import { sweepOverduePetitions } from './overdue-sweep.js';

/** Overdue petitions escalate to the township leadership, checked every 5 minutes. */
export function registerPetitionJobs(): void {
  registerJob({
    name: 'petition.overdue',
    everyMs: 5 * 60_000,
    run: async (ctx) => {
      await sweepOverduePetitions(ctx);
    },
  });
}
