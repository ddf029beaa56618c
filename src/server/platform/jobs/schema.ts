import { bigserial, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * Job runs kept in the database. A recurring job inserts one row per time slot with a unique
 * (name, slot) key, so however many server instances tick, each slot runs once.
 */
export const jobRuns = pgTable(
  'job_runs',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    name: text('name').notNull(),
    slot: text('slot').notNull(),
    payload: jsonb('payload'),
    status: text('status').notNull().default('pending'), // pending | running | done | failed
    runAt: timestamp('run_at', { withTimezone: true }).notNull(),
    lockedBy: text('locked_by'),
    lockedAt: timestamp('locked_at', { withTimezone: true }),
    attempts: integer('attempts').notNull().default(0),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    error: text('error'),
  },
  (t) => [uniqueIndex('job_runs_name_slot_uq').on(t.name, t.slot)],
);

/**
 * The last tick of each instance's scheduler: `/api/health` and `/api/metrics` say whether some
 * scheduler is alive, whichever instance runs it. Rows of instances gone for a day are swept.
 */
export const schedulerTicks = pgTable('scheduler_ticks', {
  instanceId: text('instance_id').primaryKey(),
  tickedAt: timestamp('ticked_at', { withTimezone: true }).notNull(),
});
