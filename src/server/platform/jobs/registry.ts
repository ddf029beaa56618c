import type { AppContext } from '../context.js';

/** A job that runs once per time slot of `everyMs`, on one instance only, however many are running. */
export interface RecurringJob {
  name: string;
  everyMs: number;
  /** Slots start this long after the multiples of everyMs since the epoch (a daily job at 18:00 UTC: 18 h). */
  offsetMs?: number;
  run(ctx: AppContext, slot: string): Promise<void>;
}

/** A one-off job: enqueued with a payload (`enqueueJob`), run once at or after its time. */
export interface OneOffJob<P = any> {
  name: string;
  run(ctx: AppContext, payload: P): Promise<void>;
}

const recurring = new Map<string, RecurringJob>();
const oneOff = new Map<string, OneOffJob>();

/** Registers a recurring job (a module calls this from its jobs file, listed in src/server/jobs.ts). */
export function registerJob(job: RecurringJob): void {
  if (!job.name || job.everyMs < 1000) throw new Error(`job ${job.name}: everyMs must be at least 1000`);
  if ((job.offsetMs ?? 0) < 0 || (job.offsetMs ?? 0) >= job.everyMs)
    throw new Error(`job ${job.name}: offsetMs must be within one period`);
  recurring.set(job.name, job);
}

/** The start of the slot of `job` that contains `now`. */
export function slotStart(job: Pick<RecurringJob, 'everyMs' | 'offsetMs'>, now: Date): Date {
  const offset = job.offsetMs ?? 0;
  return new Date(Math.floor((now.getTime() - offset) / job.everyMs) * job.everyMs + offset);
}

/** Registers the handler of a one-off job. */
export function registerTask<P>(job: OneOffJob<P>): void {
  oneOff.set(job.name, job);
}

export interface JobSet {
  recurring: RecurringJob[];
  oneOff: OneOffJob[];
}

/** Everything registered so far: the default job set of a scheduler. */
export const registeredJobs = (): JobSet => ({
  recurring: [...recurring.values()],
  oneOff: [...oneOff.values()],
});
