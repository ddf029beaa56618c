import { registerJob } from '../../platform/jobs/registry.js';
import { sweepOverdueSupervision } from './overdue-sweep.js';

/** Admonitions undecided after their tracking and inquiries unanswered after their period escalate; checked every 5 minutes. */
export function registerAdmonitionJobs(): void {
  registerJob({
    name: 'admonition.overdue',
    everyMs: 5 * 60_000,
    run: async (ctx) => {
      await sweepOverdueSupervision(ctx);
    },
  });
}
