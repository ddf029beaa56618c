import { registerJob } from '../../platform/jobs/registry.js';
import { backfillSearchTokens } from './backfill-search.js';
import { scheduleDueItems } from './due-items.js';
import { sweepOverdueObjections } from './objections/sweep-objections.js';
import { sweepOverdueDisclosures } from './overdue-sweep.js';
import { publishScheduled } from './publish-scheduled.js';

/** Hourly: each unit's due openness items for the period just ended; the overdue ones and the unanswered objections past their deadline escalated to the township; search tokens for items published before the search existed. */
export function registerOpennessJobs(): void {
  registerJob({
    name: 'disclosure.schedule',
    everyMs: 60 * 60_000,
    run: async (ctx) => {
      await scheduleDueItems(ctx);
      await sweepOverdueDisclosures(ctx);
      await sweepOverdueObjections(ctx);
      await backfillSearchTokens(ctx);
    },
  });
  // 定时公开: every five minutes, the items whose publication time has come
  registerJob({
    name: 'disclosure.publish_scheduled',
    everyMs: 5 * 60_000,
    run: async (ctx) => {
      await publishScheduled(ctx);
    },
  });
}
