import { and, eq } from 'drizzle-orm';
import { gunzipSync, gzipSync, strFromU8, strToU8 } from 'fflate';
import { isStorableText } from '../../../domain/storable-text.js';
import type { Actor } from '../access/actor.js';
import type { AppContext } from '../context.js';
import { notFound } from '../http/errors.js';
import { safeError } from '../http/safe-log.js';
import { keepAlive, latest } from './heartbeat.js';
import { importJobs } from './schema.js';

export type ImportJob = typeof importJobs.$inferSelect;

/**
 * Imports run after the upload answers, so a large file shows progress instead of a hanging
 * request. The job row carries progress, the result, the error sheet and (for confirmations) the
 * parsed records waiting for the user's decision. `kind` names the module's import (its routes
 * only see their own kinds); `orgId` is the org the import is for (the importer's by default).
 */
export async function startImportJob(
  ctx: AppContext,
  actor: Actor,
  kind: string,
  work: (job: JobHandle) => Promise<void>,
  orgId: number = actor.orgId,
): Promise<ImportJob> {
  const [job] = await ctx.db
    .insert(importJobs)
    .values({ kind, userId: actor.userId, orgId, heartbeatAt: ctx.clock.now() })
    .returning();
  const handle = jobHandle(ctx, job.id);
  setImmediate(() => {
    const stop = keepAlive(ctx, job.id);
    work(handle)
      .catch(async (e) => {
        await handle.finish('failed', {
          message: importFailureMessage(e),
        });
      })
      // the failure could not even be recorded (the database down): logged, never an unhandled
      // rejection, which would end the process; the heartbeat sweep ends the row later
      .catch((e) =>
        console.error('[imports] job failed and its row could not be updated', JSON.stringify(safeError(e))),
      )
      .finally(stop);
  });
  return job;
}

/**
 * What the importer is told when a job fails: a refusal meant for them (a Chinese message), never a
 * database error's text (which quotes the SQL and the rows' values, and may itself be unstorable).
 */
export function importFailureMessage(e: unknown): string {
  const m = e instanceof Error ? e.message : '';
  return /[\u4e00-\u9fff]/.test(m) && isStorableText(m) && !/Failed query|params:/.test(m)
    ? m.slice(0, 500)
    : '导入失败：文件无法处理';
}

/** One's own import of one of these kinds (another user's, or another kind, is not found). */
export async function loadImportJob(
  ctx: AppContext,
  actor: Pick<Actor, 'userId'>,
  id: number,
  kinds: readonly string[],
): Promise<ImportJob> {
  const [job] = await ctx.db
    .select()
    .from(importJobs)
    .where(and(eq(importJobs.id, id), eq(importJobs.userId, actor.userId)));
  if (!job || !kinds.includes(job.kind)) throw notFound('导入任务不存在');
  return job;
}

export interface JobHandle {
  id: number;
  progress(processed: number, total: number): Promise<void>;
  finish(
    status: 'failed' | 'succeeded' | 'awaiting_confirmation' | 'cancelled',
    out: { message?: string; result?: unknown; errorFile?: Buffer; pending?: Buffer | null },
  ): Promise<void>;
}

export function jobHandle(ctx: AppContext, id: number): JobHandle {
  let last = 0;
  return {
    id,
    async progress(processed, total) {
      // at most a few writes a second: progress is for people, not a log
      if (processed < total && Date.now() - last < 250) return;
      last = Date.now();
      await ctx.db
        .update(importJobs)
        .set({ processed, total, heartbeatAt: latest(ctx.clock.now()) })
        .where(eq(importJobs.id, id));
    },
    async finish(status, out) {
      await ctx.db
        .update(importJobs)
        .set({
          status,
          message: out.message ?? null,
          result: out.result === undefined ? null : JSON.stringify(out.result),
          errorFile: out.errorFile ?? null,
          pending: out.pending === undefined ? undefined : out.pending,
          finishedAt: status === 'awaiting_confirmation' ? null : ctx.clock.now(),
        })
        .where(eq(importJobs.id, id));
    },
  };
}

/** What seals a job's pending records: the field encryption (SM4 + HMAC-SM3) of the context. */
export interface Sealer {
  encrypt(plain: string): string;
  decrypt(sealed: string): string;
}

/**
 * Records waiting for the user's confirmation hold ID numbers and whatever the files held, so they
 * are kept compressed and sealed like any encrypted field, never as readable JSON in the table.
 */
export function sealPending(crypto: Sealer, value: unknown): Buffer {
  const packed = Buffer.from(gzipSync(strToU8(JSON.stringify(value)))).toString('base64');
  return Buffer.from(crypto.encrypt(packed), 'utf8');
}

export function openPending<T>(crypto: Sealer, bytes: Uint8Array): T {
  const packed = crypto.decrypt(Buffer.from(bytes).toString('utf8'));
  return JSON.parse(strFromU8(gunzipSync(Buffer.from(packed, 'base64')))) as T;
}

/** How many problems of a refused import the page lists on screen (the error sheet has them all). */
export const ERRORS_ON_SCREEN = 50;

/**
 * The first problems of the bad rows for the page, from reasons written “列名：原因” (the column is
 * left blank when a reason names none), in row order.
 */
export function reasonsOnScreen(
  bad: Map<number, string[]>,
): { row: number; column: string; message: string }[] {
  const out: { row: number; column: string; message: string }[] = [];
  for (const row of [...bad.keys()].sort((a, b) => a - b))
    for (const reason of bad.get(row) ?? []) {
      if (out.length === ERRORS_ON_SCREEN) return out;
      const m = /^([^：]{1,12})：(.+)$/s.exec(reason);
      out.push(m ? { row, column: m[1], message: m[2] } : { row, column: '', message: reason });
    }
  return out;
}
