import { constants, PerformanceObserver } from 'node:perf_hooks';
import v8 from 'node:v8';
import type { AppContext } from '../context.js';

/** Upper bounds (seconds) of the request latency histogram. */
export const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

interface Series {
  labels: Record<string, string>;
  count: number;
  sum: number;
  buckets: number[];
}

/**
 * This process's counters for `/api/metrics` (Prometheus scrapes every instance; the sums over
 * instances are the deployment's). Requests are labelled by route pattern, never by raw URL, so
 * the series stay few whatever the callers send.
 */
export class ProcessMetrics {
  private readonly requests = new Map<string, Series>();
  private readonly jobs = new Map<string, { job: string; outcome: string; count: number }>();
  readonly startedAt = Date.now();

  observeRequest(method: string, route: string, status: number, seconds: number): void {
    const statusClass = `${Math.floor(status / 100)}xx`;
    const key = `${method} ${route} ${statusClass}`;
    let s = this.requests.get(key);
    if (!s) {
      s = {
        labels: { method, route, status_class: statusClass },
        count: 0,
        sum: 0,
        buckets: LATENCY_BUCKETS.map(() => 0),
      };
      this.requests.set(key, s);
    }
    s.count++;
    s.sum += seconds;
    for (let i = 0; i < LATENCY_BUCKETS.length; i++) if (seconds <= LATENCY_BUCKETS[i]) s.buckets[i]++;
  }

  ran(job: string, outcome: 'done' | 'failed'): void {
    const key = `${job} ${outcome}`;
    const j = this.jobs.get(key) ?? { job, outcome, count: 0 };
    j.count++;
    this.jobs.set(key, j);
  }

  /** The process's own series in the Prometheus text format. */
  render(): string[] {
    const out: string[] = [];
    out.push('# HELP jiandu_http_requests_total HTTP requests answered by this instance.');
    out.push('# TYPE jiandu_http_requests_total counter');
    for (const s of this.requests.values())
      out.push(`jiandu_http_requests_total${labels(s.labels)} ${s.count}`);
    out.push(
      '# HELP jiandu_http_request_duration_seconds Time to answer, by route pattern and status class.',
    );
    out.push('# TYPE jiandu_http_request_duration_seconds histogram');
    for (const s of this.requests.values()) {
      for (let i = 0; i < LATENCY_BUCKETS.length; i++) {
        const le = String(LATENCY_BUCKETS[i]);
        out.push(`jiandu_http_request_duration_seconds_bucket${labels({ ...s.labels, le })} ${s.buckets[i]}`);
      }
      out.push(
        `jiandu_http_request_duration_seconds_bucket${labels({ ...s.labels, le: '+Inf' })} ${s.count}`,
      );
      out.push(`jiandu_http_request_duration_seconds_sum${labels(s.labels)} ${round(s.sum)}`);
      out.push(`jiandu_http_request_duration_seconds_count${labels(s.labels)} ${s.count}`);
    }
    out.push(
      '# HELP jiandu_job_runs_total Scheduled and queued job runs executed by this instance, by outcome.',
    );
    out.push('# TYPE jiandu_job_runs_total counter');
    for (const j of this.jobs.values())
      out.push(`jiandu_job_runs_total${labels({ job: j.job, outcome: j.outcome })} ${j.count}`);
    const mem = process.memoryUsage();
    out.push('# HELP process_resident_memory_bytes Resident memory of this instance.');
    out.push('# TYPE process_resident_memory_bytes gauge');
    out.push(`process_resident_memory_bytes ${mem.rss}`);
    out.push('# HELP nodejs_heap_used_bytes V8 heap in use.');
    out.push('# TYPE nodejs_heap_used_bytes gauge');
    out.push(`nodejs_heap_used_bytes ${mem.heapUsed}`);
    out.push(
      '# HELP nodejs_heap_after_full_gc_bytes V8 heap in use just after the last full (mark-sweep) collection: the live heap, which a leak grows.',
    );
    out.push('# TYPE nodejs_heap_after_full_gc_bytes gauge');
    if (fullGc.count > 0) out.push(`nodejs_heap_after_full_gc_bytes ${fullGc.heapUsed}`);
    out.push('# HELP nodejs_gc_full_total Full (mark-sweep) collections since the process started.');
    out.push('# TYPE nodejs_gc_full_total counter');
    out.push(`nodejs_gc_full_total ${fullGc.count}`);
    out.push('# HELP process_uptime_seconds Seconds since this instance started.');
    out.push('# TYPE process_uptime_seconds gauge');
    out.push(`process_uptime_seconds ${Math.round((Date.now() - this.startedAt) / 1000)}`);
    return out;
  }
}

/**
 * The heap just after each full collection, for the whole process (one observer, whatever the
 * number of contexts). The observer's callback runs soon after the collection, so the figure is
 * the live heap plus what was allocated in between: a little above, never the garbage.
 */
const fullGc = { count: 0, heapUsed: 0 };
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) {
    const kind = (e as unknown as { detail?: { kind?: number } }).detail?.kind;
    if (kind !== constants.NODE_PERFORMANCE_GC_MAJOR) continue;
    fullGc.count++;
    fullGc.heapUsed = v8.getHeapStatistics().used_heap_size;
  }
}).observe({ entryTypes: ['gc'] });

const round = (n: number) => Math.round(n * 1e6) / 1e6;

/** `{a="x",b="y"}` with the text format's escapes. */
export function labels(l: Record<string, string>): string {
  const parts = Object.entries(l).map(
    ([k, v]) => `${k}="${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`,
  );
  return parts.length ? `{${parts.join(',')}}` : '';
}

const byContext = new WeakMap<AppContext, ProcessMetrics>();

/** The metrics of the process that holds this context (one per context: tests run several). */
export function metricsOf(ctx: AppContext): ProcessMetrics {
  let m = byContext.get(ctx);
  if (!m) {
    m = new ProcessMetrics();
    byContext.set(ctx, m);
  }
  return m;
}

export const jobMetrics = (ctx: AppContext) => ({
  ran: (job: string, outcome: 'done' | 'failed') => metricsOf(ctx).ran(job, outcome),
});
