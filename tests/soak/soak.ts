/**
 * The soak run (issue 8): the real server on the embedded database, with short cache refresh
 * intervals, and officers, a secretary, an organization officer, an administrator and members of
 * the public working side by side with idle gaps longer than every interval — for SOAK_SECONDS
 * (default 180). It fails on any request without an answer, any 5xx, any step of the script that
 * went wrong, and a server that does not stop on SIGTERM. `npm run test:soak`.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { administrator, citizen, disciplineOfficer, orgOfficer, type Run, secretary } from './actors.js';
import { Client, newTally, pause, Unanswered } from './client.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const seconds = Number(process.env.SOAK_SECONDS) || 180;
const REFRESH = { rules: 3_000, calendar: 5_000 };
/**
 * The scheduler's intervals, short enough that the run outlives them several times: the portal's
 * rate-limit sweep (10 minutes in production) and the staleness of a claimed job run (10 minutes).
 * The run checks through /api/metrics that the sweep ran, and never failed.
 */
const JOBS = { rateLimitSweep: 20_000, stale: 30_000, tick: 15_000 };
const METRICS_TOKEN = 'soak-metrics-token';
const REQUEST_TIMEOUT_MS = 20_000;
const PASSWORD = 'Soak!2026-run';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

function stopped(child: ChildProcess, ms: number): Promise<number | null | 'timeout'> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve(child.exitCode);
    const timer = setTimeout(() => resolve('timeout'), ms);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

type Runs = Map<string, { done: number; failed: number }>;

/** How often this server ran each job, by outcome (its own counters at /api/metrics). */
async function jobRuns(base: string): Promise<Runs> {
  const res = await fetch(`${base}/api/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
  if (!res.ok) throw new Error(`/api/metrics answered ${res.status}`);
  const runs: Runs = new Map();
  for (const [, job, outcome, n] of (await res.text()).matchAll(
    /^jiandu_job_runs_total\{job="([^"]+)",outcome="(done|failed)"\} (\d+)$/gm,
  )) {
    const r = runs.get(job) ?? { done: 0, failed: 0 };
    r[outcome as 'done' | 'failed'] = Number(n);
    runs.set(job, r);
  }
  return runs;
}

/** How often this server ran the rate-limit sweep, by outcome. */
async function sweepRuns(base: string): Promise<{ done: number; failed: number }> {
  return (await jobRuns(base)).get('http.rate_limits') ?? { done: 0, failed: 0 };
}

async function main() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'jiandu-soak-'));
  const port = await freePort();
  const env = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    TRUST_PROXY: '1',
    RULES_REFRESH_MS: String(REFRESH.rules),
    CALENDAR_REFRESH_MS: String(REFRESH.calendar),
    RATE_LIMIT_SWEEP_MS: String(JOBS.rateLimitSweep),
    JOB_STALE_MS: String(JOBS.stale),
    METRICS_TOKEN,
  };
  const cli = path.join(root, 'bin/jiandu.mjs');
  console.log(`soak: demo data into ${dataDir}`);
  const demo = spawnSync(process.execPath, [cli, 'demo'], { env, encoding: 'utf8' });
  const initial = /初始密码（只显示这一次，请记下）：(\S+)/.exec(demo.stdout)?.[1];
  if (demo.status !== 0 || !initial) throw new Error(`demo failed: ${demo.stdout}\n${demo.stderr}`);

  const logFile = path.join(dataDir, 'server.log');
  const out = openSync(logFile, 'a');
  const server = spawn(process.execPath, [cli, 'serve'], { env, stdio: ['ignore', out, out] });
  const base = `http://127.0.0.1:${port}`;
  const tally = newTally();
  let failure: string | null = null;
  try {
    for (let i = 0; ; i++) {
      if (server.exitCode !== null) throw new Error('the server exited during start');
      if (
        await fetch(`${base}/api/health`).then(
          (r) => r.ok,
          () => false,
        )
      )
        break;
      if (i > 240) throw new Error('the server did not start within two minutes');
      await pause(500);
    }
    const client = (address: string) => new Client(base, tally, address, REQUEST_TIMEOUT_MS);
    const signedIn = async (username: string, address: string) => {
      const c = client(address);
      await c.signInFirstTime(username, initial, PASSWORD);
      return c;
    };
    const officers = {
      daxing: await signedIn('daxing_discipline_officer', '10.9.0.1'),
      qingshan: await signedIn('qingshan_discipline_officer', '10.9.0.2'),
    };
    const orgOf = async (c: Client) => (await c.ok('GET', '/api/v1/me')).orgId as number;
    const towns = { daxing: await orgOf(officers.daxing), qingshan: await orgOf(officers.qingshan) };
    const secretaries = {
      daxing: await signedIn('daxing_party_secretary', '10.9.0.3'),
      qingshan: await signedIn('qingshan_party_secretary', '10.9.0.4'),
    };
    const org = await signedIn('daxing_org_officer', '10.9.0.5');
    const admin = await signedIn('xincheng_sys_admin', '10.9.0.6');

    const run: Run = {
      until: Date.now() + seconds * 1000,
      longIdleMs: Math.max(REFRESH.rules, REFRESH.calendar) + 1_000,
      progress: {},
    };
    const scriptErrors: string[] = [];
    // a loop that stumbles (a refusal the script did not expect) is noted and starts again; an unanswered request ends the run
    const loop = async (name: string, body: () => Promise<void>) => {
      while (Date.now() < run.until && !failure) {
        try {
          await body();
        } catch (e) {
          if (e instanceof Unanswered) {
            failure = `${name}: ${e.message} had no answer within ${REQUEST_TIMEOUT_MS} ms`;
            return;
          }
          scriptErrors.push(`${name}: ${e instanceof Error ? e.message : String(e)}`);
          await pause(1_000);
        }
      }
    };
    console.log(
      `soak: ${seconds} s, refresh every ${REFRESH.rules}/${REFRESH.calendar} ms, rate-limit sweep every ${JOBS.rateLimitSweep} ms, idle gaps up to ${run.longIdleMs + 2000} ms`,
    );
    await Promise.all([
      loop('大兴镇纪检委员', () => disciplineOfficer(run, officers.daxing, towns.daxing, '大兴')),
      loop('青山镇纪检委员', () => disciplineOfficer(run, officers.qingshan, towns.qingshan, '青山')),
      loop('大兴镇党委书记', () => secretary(run, secretaries.daxing, towns.daxing)),
      loop('青山镇党委书记', () => secretary(run, secretaries.qingshan, towns.qingshan)),
      loop('大兴镇组织委员', () => orgOfficer(run, org)),
      loop('系统管理员', () => administrator(run, admin)),
      loop('群众甲', () => citizen(run, (i) => client(`10.9.1${Math.floor(i / 250)}.${i % 250}`), 1)),
      loop('群众乙', () => citizen(run, (i) => client(`10.9.2${Math.floor(i / 250)}.${i % 250}`), 2)),
    ]);
    const missing = ['registered', 'approved', 'concluded', 'portal', 'roster', 'admin_edits'].filter(
      (k) => !run.progress[k],
    );
    // the scheduler's first tick may still be busy with the night's backup (its slot is due on a new
    // database): wait for the sweep a little longer before calling it missing
    const sweepsDue = seconds * 1000 >= 2 * (JOBS.rateLimitSweep + JOBS.tick) ? 2 : 1;
    let sweeps = await sweepRuns(base);
    for (const waitUntil = Date.now() + 90_000; sweeps.done < sweepsDue && Date.now() < waitUntil; ) {
      await pause(5_000);
      sweeps = await sweepRuns(base);
    }
    console.log(`soak: the rate-limit sweep ran ${sweeps.done} times (${sweeps.failed} failed)`);
    if (!failure && sweeps.failed) failure = `the rate-limit sweep failed ${sweeps.failed} times`;
    if (!failure && sweeps.done < sweepsDue)
      failure = `the rate-limit sweep ran ${sweeps.done} times, fewer than ${sweepsDue}`;
    // every job the server ran in the run (the minute's structure refresh and abandoned-job sweep
    // among them): none may have failed
    const runs = await jobRuns(base);
    console.log(
      `soak: job runs ${[...runs].map(([job, r]) => `${job} ${r.done}${r.failed ? ` (${r.failed} failed)` : ''}`).join(', ')}`,
    );
    const failedJobs = [...runs].filter(([, r]) => r.failed).map(([job]) => job);
    if (!failure && failedJobs.length) failure = `job runs failed: ${failedJobs.join(', ')}`;
    for (const job of ['assessment.structure_refresh', 'imports.abandoned'])
      if (!failure && seconds >= 150 && !runs.get(job)?.done) failure = `the job ${job} never ran`;
    if (!failure && tally.serverErrors.length) failure = `${tally.serverErrors.length} answers were 5xx`;
    if (!failure && scriptErrors.length) failure = `${scriptErrors.length} steps went wrong`;
    if (!failure && missing.length) failure = `no progress in: ${missing.join(', ')}`;
    for (const e of scriptErrors.slice(0, 10)) console.log(`  step: ${e}`);
    for (const e of tally.serverErrors.slice(0, 10)) console.log(`  5xx: ${e.what} ${e.status} ${e.body}`);
    for (const e of tally.unanswered.slice(0, 10)) console.log(`  unanswered: ${e.what} (${e.error})`);
    const lat = [...tally.latencies].sort((a, b) => a - b);
    const pct = (p: number) => Math.round(lat[Math.min(lat.length - 1, Math.floor(lat.length * p))] ?? 0);
    console.log(`soak: progress ${JSON.stringify(run.progress)}`);
    if (tally.refused.size)
      console.log(`soak: refusals ${JSON.stringify(Object.fromEntries(tally.refused))}`);
    console.log(
      `soak: ${tally.requests} requests in ${seconds} s, ${tally.unanswered.length} unanswered, ${tally.serverErrors.length} 5xx; latency p50 ${pct(0.5)} ms, p95 ${pct(0.95)} ms, max ${pct(1)} ms`,
    );
  } catch (e) {
    failure = failure ?? (e instanceof Error ? e.message : String(e));
  } finally {
    server.kill('SIGTERM');
    const code = await stopped(server, 20_000);
    if (code === 'timeout') {
      failure = failure ?? 'the server did not stop within 20 s of SIGTERM';
      server.kill('SIGKILL');
    } else console.log(`soak: the server stopped on SIGTERM (exit ${code})`);
    const log = readFileSync(logFile, 'utf8');
    const errors = log.split('\n').filter((l) => l.includes('"level":50'));
    console.log(`soak: ${errors.length} error lines in the server log`);
    if (failure) console.log(log.split('\n').slice(-40).join('\n'));
    else rmSync(dataDir, { recursive: true, force: true });
  }
  if (failure) {
    console.error(`soak FAILED: ${failure}`);
    process.exit(1);
  }
  console.log('soak: passed');
}

await main();
