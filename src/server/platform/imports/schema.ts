import { sql } from 'drizzle-orm';
import { bigint, bigserial, customType, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => Buffer.from(v),
});

/**
 * Long imports run as background work; the UI polls this row for progress and the result. Every
 * module's imports share it, told apart by `kind` (cadres_excel, cadres_lrmx, petitions_ledger,
 * admonitions_ledger …; free text, each module names its own).
 */
export const importJobs = pgTable(
  'import_jobs',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    kind: text('kind').notNull(),
    userId: bigint('user_id', { mode: 'number' }).notNull(),
    orgId: bigint('org_id', { mode: 'number' }).notNull(),
    status: text('status').notNull().default('running'), // running | failed | succeeded | awaiting_confirmation | cancelled
    total: integer('total').notNull().default(0),
    processed: integer('processed').notNull().default(0),
    message: text('message'),
    result: text('result'), // JSON summary
    errorFile: bytea('error_file'), // the sheet marking bad rows
    pending: bytea('pending'), // parsed good records awaiting the user's confirmation (lrmx zip)
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    /** Last sign of life of a running job's process (`keepAlive`); a job silent too long was abandoned. */
    heartbeatAt: timestamp('heartbeat_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('import_jobs_running_idx').on(t.heartbeatAt).where(sql`${t.status} = 'running'`)],
);
