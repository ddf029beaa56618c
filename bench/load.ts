/** A small closed-loop load generator: N concurrent clients, each sending its next request when the last one answers. */
export interface LoadResult {
  name: string;
  requests: number;
  errors: number;
  seconds: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export function summarize(name: string, latencies: number[], errors: number, seconds: number): LoadResult {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    name,
    requests: latencies.length,
    errors,
    seconds,
    rps: latencies.length / seconds,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
  };
}

/** Runs `send(i)` from `concurrency` clients until `requests` are done or `maxSeconds` pass. */
export async function load(
  name: string,
  opts: { concurrency: number; requests: number; maxSeconds: number },
  send: (i: number) => Promise<boolean>,
): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const started = performance.now();
  const deadline = started + opts.maxSeconds * 1000;
  const client = async () => {
    while (next < opts.requests && performance.now() < deadline) {
      const i = next++;
      const t0 = performance.now();
      const ok = await send(i).catch(() => false);
      latencies.push(performance.now() - t0);
      if (!ok) errors++;
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency }, client));
  return summarize(name, latencies, errors, (performance.now() - started) / 1000);
}

export const fmt = (r: LoadResult) =>
  `| ${r.name} | ${r.requests} | ${r.errors} | ${r.rps.toFixed(0)} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.p99.toFixed(1)} |`;

/** The suffix of a scenario measured again with one client: the latency one officer waits, with no queue. */
export const ONE_CLIENT = ' · 1 client';

/** A scenario under load (its own concurrency), then with one client for 300 requests. */
export async function loadAndAlone(
  name: string,
  opts: { concurrency: number; requests: number; maxSeconds: number },
  send: (i: number) => Promise<boolean>,
): Promise<LoadResult[]> {
  return [
    await load(name, opts, send),
    await load(`${name}${ONE_CLIENT}`, { concurrency: 1, requests: 300, maxSeconds: 30 }, send),
  ];
}

/**
 * A table of scenarios against their p95 targets (ms): under load and with one client, for each
 * database measured — what the module benches (supervision, audits, appointments) report.
 */
export function targetReport(all: LoadResult[], backends: string[], targets: [string, number][]): string[] {
  const lines = [
    '| database | scenario | requests | errors | p50 | p95 | target p95 | met | p50 · 1 client | p95 · 1 client | met · 1 client |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const b of backends)
    for (const [api, target] of targets) {
      const x = all.find((r) => r.name === `${b}: ${api}`);
      const one = all.find((r) => r.name === `${b}: ${api}${ONE_CLIENT}`);
      if (!x) continue;
      const met = (r: LoadResult) => (r.p95 < target && r.errors === 0 ? 'yes' : 'no');
      lines.push(
        `| ${b} | ${api} | ${x.requests} | ${x.errors} | ${x.p50.toFixed(1)} | ${x.p95.toFixed(1)} | < ${target} | ${met(x)} | ${one ? one.p50.toFixed(1) : '–'} | ${one ? one.p95.toFixed(1) : '–'} | ${one ? met(one) : '–'} |`,
      );
    }
  return lines;
}
