import { eq } from 'drizzle-orm';
import { gunzipSync, gzipSync, strFromU8, strToU8 } from 'fflate';
import { isStorableText } from '../../../domain/storable-text.js';
import type { Actor } from '../../platform/access/actor.js';
import type { AppContext } from '../../platform/context.js';
import { importJobs } from './schema.js';

export type ImportJob = typeof importJobs.$inferSelect;

/**
 * Imports run after the upload answers, so a large file shows progress instead of a hanging
 * request. The job row carries progress, the result, the error sheet and (for confirmations) the
 * parsed records waiting for the user's decision.
 */
export async function startImportJob(
  ctx: AppContext,
  actor: Actor,
  kind: 'cadres_excel' | 'cadres_lrmx',
  work: (job: JobHandle) => Promise<void>,
): Promise<ImportJob> {
  const [job] = await ctx.db
    .insert(importJobs)
    .values({ kind, userId: actor.userId, orgId: actor.orgId })
    .returning();
  const handle = jobHandle(ctx, job.id);
  setImmediate(() => {
    work(handle).catch(async (e) => {
      await handle.finish('failed', {
        message: importFailureMessage(e),
      });
    });
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
      await ctx.db.update(importJobs).set({ processed, total }).where(eq(importJobs.id, id));
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
