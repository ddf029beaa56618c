import { and, eq, lt, sql } from 'drizzle-orm';
import type { AppContext } from '../context.js';
import { importJobs } from './schema.js';

/** How often a running job's process says it is alive. */
export const HEARTBEAT_MS = 30_000;
/** A running job silent this long was abandoned: its process stopped (a restart, a crash, a kill). */
export const ABANDONED_MS = 3 * 60_000;
/** What the user finds on a job its process never finished. */
export const ABANDONED_MESSAGE =
  '任务因服务重启或中断而未完成（导入未写入任何记录，备份未生成文件），请重新发起';

/** The later of the stored heartbeat and `at`: a beat that lands after a newer one never moves it back. */
export const latest = (at: Date) =>
  sql`greatest(${importJobs.heartbeatAt}, ${at.toISOString()}::timestamptz)`;

/**
 * Keeps a background job's row alive while its process runs it: the heartbeat is written now and
 * every `everyMs` until the returned stop is called. Imports and backups run in the process that
 * accepted them; if that process stops, the row would say 'running' for ever (the page polling
 * it, the import gauge) — `failAbandonedJobs` ends such rows once their heartbeat is old.
 */
export function keepAlive(ctx: AppContext, id: number, everyMs = HEARTBEAT_MS): () => void {
  const beat = () =>
    ctx.db
      .update(importJobs)
      .set({ heartbeatAt: latest(ctx.clock.now()) })
      .where(and(eq(importJobs.id, id), eq(importJobs.status, 'running')))
      .catch(() => {}); // a missed beat is harmless; three minutes of them end the job
  const timer = setInterval(beat, everyMs);
  timer.unref();
  void beat();
  return () => clearInterval(timer);
}

/**
 * Ends the running jobs whose process stopped (no heartbeat for `ABANDONED_MS`) as failed with a
 * message saying so. Imports write all or nothing at their end and a backup is written under a
 * `.partial` name until whole, so nothing half-made is left behind. Returns how many it ended.
 */
export async function failAbandonedJobs(ctx: AppContext): Promise<number> {
  const now = ctx.clock.now();
  const ended = await ctx.db
    .update(importJobs)
    .set({ status: 'failed', message: ABANDONED_MESSAGE, finishedAt: now })
    .where(
      and(
        eq(importJobs.status, 'running'),
        lt(importJobs.heartbeatAt, new Date(now.getTime() - ABANDONED_MS)),
      ),
    )
    .returning({ id: importJobs.id });
  return ended.length;
}
