import { randomUUID } from 'node:crypto';
import type { Clock } from '../context.js';
import type { Queryable } from '../db/client.js';
import { jobRuns } from './schema.js';

/**
 * Enqueues a one-off job. Call it inside the transaction that makes the change, so the side effect
 * (an email, a follow-up) is kept if and only if the change commits. A `key` makes it idempotent:
 * the same (name, key) is enqueued once.
 */
export async function enqueueJob(
  db: Queryable,
  clock: Clock,
  job: { name: string; payload?: unknown; runAt?: Date; key?: string },
): Promise<boolean> {
  const rows = await db
    .insert(jobRuns)
    .values({
      name: job.name,
      slot: `once:${job.key ?? randomUUID()}`,
      payload: job.payload ?? null,
      runAt: job.runAt ?? clock.now(),
    })
    .onConflictDoNothing()
    .returning({ id: jobRuns.id });
  return rows.length > 0;
}
