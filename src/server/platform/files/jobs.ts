import { DAY_MS } from '../../../domain/todo-due.js';
import { registerJob } from '../jobs/registry.js';
import { sweepOrphanFiles } from './sweep.js';

export const ORPHAN_SWEEP_JOB = 'files.sweep';

/** Daily: stored files that no row refers to go (see sweep.ts). */
export function registerFileJobs(): void {
  registerJob({
    name: ORPHAN_SWEEP_JOB,
    everyMs: DAY_MS,
    run: async (ctx) => {
      await sweepOrphanFiles(ctx);
    },
  });
}
