import type { AppContext } from '../context.js';
import { safeError } from '../http/safe-log.js';
import { jobMetrics } from '../metrics/registry.js';
import { type ClaimOptions, claimRun, failExhausted, finishRun, type JobRun } from './claim.js';
import { type JobSet, registeredJobs, slotStart } from './registry.js';
import { jobRuns, schedulerTicks } from './schema.js';

/** How long a claimed run may stay 'running' before it counts as abandoned, unless JOB_STALE_MS says otherwise. */
export const JOB_STALE_MS = 10 * 60_000;

export interface SchedulerOptions {
  /** Defaults to ctx.instanceId; tests give two schedulers on one context different ids. */
  instanceId?: string;
  jobs?: JobSet;
  tickMs?: number;
  /** A failed attempt is retried after retryDelayMs × attempts. */
  retryDelayMs?: number;
  maxAttempts?: number;
  /** A run still 'running' this long after it was claimed is taken to be abandoned (default: JOB_STALE_MS, else 10 minutes). */
  staleMs?: number;
  maxRunsPerTick?: number;
  log?: (message: string, err?: unknown) => void;
}

/**
 * Jobs kept in the database. Each tick inserts the current slot of every recurring job (the unique
 * (name, slot) key makes that idempotent across instances), then claims and runs whatever is due.
 */
export class Scheduler {
  readonly instanceId: string;
  private readonly jobs: JobSet;
  private readonly o: Required<Omit<SchedulerOptions, 'instanceId' | 'jobs'>>;

  constructor(
    private readonly ctx: AppContext,
    opts: SchedulerOptions = {},
  ) {
    this.instanceId = opts.instanceId ?? ctx.instanceId;
    this.jobs = opts.jobs ?? registeredJobs();
    this.o = {
      tickMs: opts.tickMs ?? 15_000,
      retryDelayMs: opts.retryDelayMs ?? 60_000,
      maxAttempts: opts.maxAttempts ?? 3,
      staleMs: opts.staleMs ?? ctx.config.jobStaleMs ?? JOB_STALE_MS,
      maxRunsPerTick: opts.maxRunsPerTick ?? 50,
      log: opts.log ?? ((m, e) => console.error(`[scheduler] ${m}`, e ? JSON.stringify(safeError(e)) : '')),
    };
  }

  /** One pass: schedule the current slots, then run what is due. Returns how many runs it executed. */
  async tick(): Promise<number> {
    await this.ctx.caches.refreshStale(); // jobs read rules and calendar inside their transactions
    const now = this.ctx.clock.now();
    await this.ctx.db
      .insert(schedulerTicks)
      .values({ instanceId: this.instanceId, tickedAt: now })
      .onConflictDoUpdate({ target: schedulerTicks.instanceId, set: { tickedAt: now } });
    if (this.jobs.recurring.length > 0) {
      await this.ctx.db
        .insert(jobRuns)
        .values(
          this.jobs.recurring.map((j) => {
            const start = slotStart(j, now);
            return { name: j.name, slot: start.toISOString(), runAt: start };
          }),
        )
        .onConflictDoNothing();
    }
    await failExhausted(this.ctx.db, this.claimOptions());
    let ran = 0;
    while (ran < this.o.maxRunsPerTick) {
      const run = await claimRun(this.ctx.db, this.claimOptions());
      if (!run) break;
      await this.execute(run);
      ran++;
    }
    return ran;
  }

  private claimOptions(): ClaimOptions {
    const now = this.ctx.clock.now();
    return {
      instanceId: this.instanceId,
      now,
      names: [...this.jobs.recurring, ...this.jobs.oneOff].map((j) => j.name),
      staleBefore: new Date(now.getTime() - this.o.staleMs),
      maxAttempts: this.o.maxAttempts,
    };
  }

  private async execute(run: JobRun): Promise<void> {
    try {
      if (run.slot.startsWith('once:')) {
        await this.jobs.oneOff.find((j) => j.name === run.name)?.run(this.ctx, run.payload);
      } else {
        await this.jobs.recurring.find((j) => j.name === run.name)?.run(this.ctx, run.slot);
      }
      await finishRun(this.ctx.db, run, this.instanceId, { status: 'done', at: this.ctx.clock.now() });
      jobMetrics(this.ctx).ran(run.name, 'done');
    } catch (err) {
      jobMetrics(this.ctx).ran(run.name, 'failed');
      this.o.log(`job ${run.name} (${run.slot}) attempt ${run.attempts} failed`, err);
      const at = this.ctx.clock.now();
      const error = err instanceof Error ? err.message : String(err);
      const retry = run.attempts < this.o.maxAttempts;
      await finishRun(this.ctx.db, run, this.instanceId, {
        status: retry ? 'pending' : 'failed',
        at,
        error,
        retryAt: retry ? new Date(at.getTime() + this.o.retryDelayMs * run.attempts) : undefined,
      });
    }
  }

  /** Ticks every tickMs until the returned stop function is called (which waits for a running tick). */
  start(): () => Promise<void> {
    let stopped = false;
    let timer: NodeJS.Timeout | undefined;
    let current: Promise<unknown> = Promise.resolve();
    const loop = () => {
      current = this.tick()
        .catch((e) => this.o.log('tick failed', e))
        .finally(() => {
          if (!stopped) timer = setTimeout(loop, this.o.tickMs);
        });
    };
    loop();
    return async () => {
      stopped = true;
      clearTimeout(timer);
      await current;
    };
  }
}
