/**
 * The soak of issue 16: closed-loop clients doing mixed work for minutes against the real server —
 * three instances behind nginx on PostgreSQL (scripts/cluster-up), or one on the embedded database —
 * and per request type: count, errors, unanswered, p50/p95/p99; the memory of each server process
 * after the warm-up and at the end. Exits non-zero on any error, any unanswered request, a server
 * process that died, or memory that kept growing once the working set was reached (bench/soak-memory.ts).
 *
 *   npm run bench:soak                                              # cluster, 200 clients, 300 s
 *   SOAK_TARGET=embedded SOAK_CLIENTS=30 npm run bench:soak         # embedded PGlite, 30 clients
 *
 * Settings (environment): SOAK_TARGET cluster|embedded; SOAK_CLIENTS (200 cluster, 30 embedded);
 * SOAK_SECONDS (300); SOAK_WARMUP seconds of load before the start figures (min(30, SECONDS/5));
 * SOAK_RSS_GROWTH_MB (100: each server's RSS at the end ≤ the highest of the window's first half + 100
 * MB); SOAK_HEAP_GROWTH_MB (64: the lowest live heap of the second half ≤ the first half's + 64 MB);
 * SOAK_SAMPLE_S seconds between memory samples (5); SOAK_TIMEOUT_MS a request's deadline (30000); SOAK_POW_WORKERS threads solving the portal's
 * challenges (1: the driver shares the machine with the servers); SOAK_REUSE=1 uses a cluster
 * already up (and leaves it up); SOAK_KEEP=1 leaves the cluster it started up; SOAK_SCHEDULER=0
 * runs the embedded server without its scheduler. The cluster scripts' own settings
 * (CLUSTER_DIR, CLUSTER_DB, CLUSTER_BASE_PORT, CLUSTER_NGINX_PORT, PG_ADMIN_URL, …) pass through.
 *
 * Mix of clients: 35% discipline officers (list/search/open petitions; every third turn register
 * one and accept → investigate → report it), 25% organization officers (list/search/open cadres;
 * every third turn edit one, 409 expected when another officer was first), 30% members of the
 * public (the status of their last reports by receipt code, options, challenge, report, its status —
 * each turn from a new loopback address), 5% exports (petition ledger, roster .xlsx). Officers: 4 townships × (3 discipline + 2
 * organization) accounts, seeded with 80 cadres each; clients share their account's session.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import pg from 'pg';
import type { CadreFields } from '../src/server/modules/cadres/contract.js';
import { insertCadres } from '../src/server/modules/cadres/write-cadre.js';
import { hashPassword } from '../src/server/platform/auth/passwords.js';
import { openContext } from '../src/server/platform/bootstrap.js';
import type { AppContext } from '../src/server/platform/context.js';
import { roles, userRoles, users } from '../src/server/platform/users/schema.js';
import { GOOD_PASSWORD, makeOrg } from '../tests/support/factories.js';
import { makeBackend, root, type Server, signIn, startServer, stopServer } from './bad-days.js';
import { cadreOfficer, citizen, exporter, loop, type Officer, petitionOfficer } from './soak-actors.js';
import { SoakClient, StepFailed, Tally } from './soak-client.js';
import { type MemorySample, memoryVerdict } from './soak-memory.js';
import { PowPool } from './soak-pow.js';

const env = process.env;
const TARGET = env.SOAK_TARGET === 'embedded' ? 'embedded' : 'cluster';
const CLIENTS = Number(env.SOAK_CLIENTS) || (TARGET === 'cluster' ? 200 : 30);
const SECONDS = Number(env.SOAK_SECONDS) || 300;
const WARMUP =
  env.SOAK_WARMUP !== undefined ? Number(env.SOAK_WARMUP) : Math.min(30, Math.round(SECONDS / 5));
const BOUNDS = {
  rssMb: Number(env.SOAK_RSS_GROWTH_MB) || 100,
  liveMb: Number(env.SOAK_HEAP_GROWTH_MB) || 64,
};
const SAMPLE_S = Number(env.SOAK_SAMPLE_S) || 5;
const TIMEOUT_MS = Number(env.SOAK_TIMEOUT_MS) || 30_000;
const POW_WORKERS = Number(env.SOAK_POW_WORKERS) || 1;
const TOWNSHIPS = 4;
const CADRES_PER_TOWNSHIP = 80;

// the cluster scripts' settings (scripts/cluster-env.sh), with the same defaults
const CL = {
  dir: env.CLUSTER_DIR ?? '/tmp/jiandu-cluster',
  db: env.CLUSTER_DB ?? 'jiandu_cluster',
  pgHostPort: env.PG_HOSTPORT ?? '127.0.0.1:5432',
  basePort: Number(env.CLUSTER_BASE_PORT ?? 3101),
  instances: Number(env.CLUSTER_INSTANCES ?? 3),
  nginxPort: Number(env.CLUSTER_NGINX_PORT ?? 8080),
  pgAdmin: env.PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
};

const t0 = performance.now();
const log = (s: string) => console.log(`soak: [${((performance.now() - t0) / 1000).toFixed(0)} s] ${s}`);
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
const mb = (kb: number) => (kb / 1024).toFixed(0);

/** A server process the soak watches: where its memory is read. */
interface Proc {
  name: string;
  pid: number;
  /** Its own port (not nginx): /api/metrics for the heap. */
  base: string;
  logFile: string;
  logFrom: number;
}

interface Target {
  /** Where the clients send their requests (nginx, or the one server). */
  base: string;
  procs: Proc[];
  metricsToken: string;
  /** The database the seed writes to. */
  open(): Promise<AppContext>;
  /** PostgreSQL database whose backends' memory is added up (none for the embedded one). */
  pgDatabase: string | null;
  stop(failed: boolean): Promise<void>;
}

const logSize = (f: string) => {
  try {
    return statSync(f).size;
  } catch {
    return 0;
  }
};

function script(name: string, extra: Record<string, string> = {}) {
  const r = spawnSync(path.join(root, 'scripts', name), [], { stdio: 'inherit', env: { ...env, ...extra } });
  if (r.status !== 0) throw new Error(`scripts/${name} exited with ${r.status}`);
}

async function clusterTarget(): Promise<Target> {
  const reuse = env.SOAK_REUSE === '1';
  if (!reuse) script('cluster-up');
  const read = (f: string) => readFileSync(path.join(CL.dir, f), 'utf8').trim();
  const procs: Proc[] = [];
  for (let i = 1; i <= CL.instances; i++) {
    const pid = Number(read(`run/instance-${i}.pid`));
    const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    if (!cmd.includes('jiandu.mjs')) throw new Error(`instance ${i}: pid ${pid} is not the server (${cmd})`);
    const logFile = path.join(CL.dir, `logs/instance-${i}.log`);
    procs.push({
      name: `instance ${i}`,
      pid,
      base: `http://127.0.0.1:${CL.basePort + i - 1}`,
      logFile,
      logFrom: logSize(logFile),
    });
  }
  const fieldKey = read('field.key');
  return {
    base: `http://127.0.0.1:${CL.nginxPort}`,
    procs,
    metricsToken: read('metrics.token'),
    pgDatabase: CL.db,
    open: () =>
      openContext({
        config: {
          port: 0,
          host: '127.0.0.1',
          dataDir: path.join(CL.dir, 'data'),
          databaseUrl: `postgres://${CL.db}_app:${CL.db}_app-pw@${CL.pgHostPort}/${CL.db}`,
          secureCookies: false,
          scheduler: false,
          fieldKey,
        },
        prepare: false,
      }),
    stop: async (failed: boolean) => {
      if (reuse || env.SOAK_KEEP === '1') return;
      // cluster-down with CLUSTER_DROP_DB removes the cluster's folder: a failed run keeps its logs
      script('cluster-down', { CLUSTER_DROP_DB: failed ? '0' : '1' });
      if (failed) {
        const kept = mkdtempSync(path.join(os.tmpdir(), 'jiandu-soak-logs-'));
        cpSync(path.join(CL.dir, 'logs'), kept, { recursive: true });
        script('cluster-down', { CLUSTER_DROP_DB: '1' });
        log(`the instances' and nginx's logs: ${kept}`);
      }
    },
  };
}

/** The embedded default: a temp DATA_DIR, the seed (which migrates it), then `jiandu serve` on it. */
async function embeddedTarget(seedIt: (ctx: AppContext) => Promise<void>): Promise<Target> {
  const backend = await makeBackend('pglite');
  const open = () =>
    openContext({
      config: {
        port: 0,
        host: '127.0.0.1',
        dataDir: backend.dataDir,
        secureCookies: false,
        scheduler: false,
        fieldKey: backend.env.FIELD_KEY,
      },
    });
  // PGlite is one process's: the seed runs before the server opens it
  const ctx = await open();
  try {
    await seedIt(ctx);
  } finally {
    await ctx.database.close();
  }
  const metricsToken = randomBytes(24).toString('hex');
  const server: Server = await startServer(backend, {
    SCHEDULER: env.SOAK_SCHEDULER ?? '1',
    METRICS_TOKEN: metricsToken,
    NODE_ENV: 'production',
  });
  return {
    base: server.base,
    procs: [
      { name: 'server', pid: server.child.pid ?? 0, base: server.base, logFile: server.logFile, logFrom: 0 },
    ],
    metricsToken,
    pgDatabase: null,
    open,
    stop: async () => {
      await stopServer(server);
      log(
        `the server stopped (exit ${server.child.exitCode ?? server.child.signalCode}); data in ${backend.dataDir}`,
      );
    },
  };
}

interface Accounts {
  discipline: { username: string; userId: number; orgId: number }[];
  org: { username: string; userId: number; orgId: number }[];
}

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗';
const GIVEN = ['建国', '丽', '强', '志刚', '晓燕', '海涛', '国平', '晓红', '志勇', '芳', '振华', '丽萍'];

/** A district, its townships with cadres, and each township's officers (password GOOD_PASSWORD). */
async function seed(ctx: AppContext, tag: string): Promise<Accounts> {
  const district = await makeOrg(ctx, `浸泡区${tag}`, null, 'district');
  const accounts: Accounts = { discipline: [], org: [] };
  // one scrypt hash for every account: the seed is quick on a loaded machine
  const passwordHash = await hashPassword(GOOD_PASSWORD);
  const roleIds = {
    discipline: (await ctx.db.select().from(roles).where(eq(roles.code, 'discipline_officer')))[0].id,
    org: (await ctx.db.select().from(roles).where(eq(roles.code, 'org_officer')))[0].id,
  };
  for (let t = 1; t <= TOWNSHIPS; t++) {
    const town = await makeOrg(ctx, `浸泡${t}镇${tag}`, district.id);
    const rows = Array.from(
      { length: CADRES_PER_TOWNSHIP },
      (_, i) =>
        ({
          orgId: town.id,
          name: `${SURNAMES[i % SURNAMES.length]}${GIVEN[(i * 7 + t) % GIVEN.length]}`,
          gender: i % 3 ? '男' : '女',
          birthDate: `${1965 + (i % 30)}-0${1 + (i % 9)}-1${i % 10}`,
          currentPosition: `浸泡${t}镇${i % 2 ? '村委会主任' : '党支部书记'}`,
          status: 'active',
        }) as CadreFields,
    );
    await ctx.db.transaction((tx) => insertCadres(tx, ctx, rows, 'demo'));
    for (let i = 1; i <= 5; i++) {
      const kind = i <= 3 ? 'discipline' : 'org';
      const [u] = await ctx.db
        .insert(users)
        .values({
          username: `soak_${tag}_t${t}_${kind[0]}${i}`,
          displayName: `浸泡${t}镇${kind === 'org' ? '组织' : '纪检'}委员${i}`,
          orgId: town.id,
          dataScope: 'subtree',
          passwordHash,
          passwordChangedAt: new Date(),
          mustChangePassword: false,
        })
        .returning();
      await ctx.db.insert(userRoles).values({ userId: u.id, roleId: roleIds[kind] });
      accounts[kind].push({ username: u.username, userId: u.id, orgId: town.id });
    }
  }
  return accounts;
}

interface Memory {
  rssKb: number;
  heapKb: number | null;
  liveKb: number | null;
  fullGcs: number | null;
}

function procStatus(pid: number, field: string): number | null {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

async function memoryOf(p: Proc, token: string): Promise<Memory | null> {
  const rssKb = procStatus(p.pid, 'VmRSS');
  if (rssKb === null) return null;
  let heapKb: number | null = null;
  let liveKb: number | null = null;
  let fullGcs: number | null = null;
  try {
    const r = await fetch(`${p.base}/api/metrics`, {
      headers: { authorization: `Bearer ${token}` },
      signal: AbortSignal.timeout(10_000),
    });
    const text = await r.text();
    const m = /^nodejs_heap_used_bytes (\d+)/m.exec(text);
    if (m) heapKb = Number(m[1]) / 1024;
    const live = /^nodejs_heap_after_full_gc_bytes (\d+)/m.exec(text);
    if (live) liveKb = Number(live[1]) / 1024;
    const n = /^nodejs_gc_full_total (\d+)/m.exec(text);
    if (n) fullGcs = Number(n[1]);
  } catch {}
  return { rssKb, heapKb, liveKb, fullGcs };
}

/** The PostgreSQL backends of the database: how many, and their private memory (RssAnon) added up. */
async function pgBackends(db: string): Promise<{ n: number; anonKb: number } | null> {
  const c = new pg.Client({ connectionString: CL.pgAdmin });
  try {
    await c.connect();
    const { rows } = await c.query('select pid from pg_stat_activity where datname = $1', [db]);
    let anonKb = 0;
    for (const r of rows) anonKb += procStatus(r.pid, 'RssAnon') ?? 0;
    return { n: rows.length, anonKb };
  } catch {
    return null;
  } finally {
    await c.end().catch(() => {});
  }
}

/** 61 requests from one address: the 61st must be refused (the portal's 60 a minute), and another address still answered. */
async function addressCheck(base: string): Promise<string> {
  const statuses: number[] = [];
  const one = new SoakClient(base, '127.250.0.1', TIMEOUT_MS);
  const tally = SoakClient.tally;
  SoakClient.tally = new Tally();
  try {
    for (let i = 0; i < 61; i++)
      statuses.push((await one.send('check', 'GET', '/api/v1/portal/orgs', undefined, [429])).status);
    const other = new SoakClient(base, '127.250.0.2', TIMEOUT_MS);
    const status = (await other.send('check', 'GET', '/api/v1/portal/orgs', undefined, [429])).status;
    other.close();
    const ok = statuses.slice(0, 60).every((s) => s === 200) && statuses[60] === 429 && status === 200;
    const what = `from 127.250.0.1: ${statuses.filter((s) => s === 200).length}×200 then ${statuses[60]}; from 127.250.0.2: ${status}`;
    if (!ok) throw new Error(`the portal limit does not see each client's own address (${what})`);
    return what;
  } finally {
    one.close();
    SoakClient.tally = tally;
  }
}

async function main() {
  const tag = randomBytes(2).toString('hex');
  const startedAt = new Date();
  log(
    `${TARGET}, ${CLIENTS} clients, ${WARMUP} s warm-up + ${SECONDS} s, bounds: RSS end ≤ first half's peak + ${BOUNDS.rssMb} MB (${2.5 * BOUNDS.rssMb} MB without a full collection in the second half), live heap +${BOUNDS.liveMb} MB`,
  );
  let accounts: Accounts | null = null;
  const target =
    TARGET === 'cluster'
      ? await clusterTarget()
      : await embeddedTarget(async (ctx) => {
          accounts = await seed(ctx, tag);
        });
  const failures: string[] = [];
  try {
    if (!accounts) {
      const ctx = await target.open();
      try {
        accounts = await seed(ctx, tag);
      } finally {
        await ctx.database.close();
      }
    }
    const acc = accounts as Accounts;
    log('target up and seeded');
    const addresses = await addressCheck(target.base);
    log(`each client's own address reaches the server: ${addresses}`);

    // one session per account, shared by the clients of that account
    const signed = async (a: Accounts['discipline'][number]) => ({
      ...a,
      session: await signIn(target.base, a.username),
    });
    const discipline = await Promise.all(acc.discipline.map(signed));
    const org = await Promise.all(acc.org.map(signed));
    log(`${discipline.length + org.length} accounts signed in`);
    const officer = (a: (typeof discipline)[number], address: string): Officer => ({
      client: new SoakClient(target.base, address, TIMEOUT_MS, a.session),
      userId: a.userId,
      orgId: a.orgId,
    });

    const nExports = Math.max(2, Math.round(CLIENTS * 0.05));
    const nCitizens = Math.max(1, Math.round(CLIENTS * 0.3));
    const nCadres = Math.max(1, Math.round(CLIENTS * 0.25));
    const nPetitions = Math.max(1, CLIENTS - nExports - nCitizens - nCadres);
    log(
      `clients: ${nPetitions} discipline officers, ${nCadres} organization officers, ${nCitizens} members of the public, ${nExports} exports`,
    );

    let until = Number.POSITIVE_INFINITY;
    const running = () => Date.now() < until;
    const loops: Promise<void>[] = [];
    const officersUsed: Officer[] = [];
    for (let i = 0; i < nPetitions; i++) {
      const o = officer(discipline[i % discipline.length], '127.0.0.1');
      officersUsed.push(o);
      loops.push(loop(running, (k) => petitionOfficer(o, k, `${tag}-${i}`)));
    }
    for (let i = 0; i < nCadres; i++) {
      const o = officer(org[i % org.length], '127.0.0.1');
      officersUsed.push(o);
      loops.push(loop(running, (k) => cadreOfficer(o, k)));
    }
    for (let i = 0; i < nExports; i++) {
      const o =
        i % 2
          ? officer(org[i % org.length], '127.0.0.1')
          : officer(discipline[i % discipline.length], '127.0.0.1');
      officersUsed.push(o);
      loops.push(loop(running, () => exporter(o, i % 2 ? 'roster' : 'ledger')));
    }
    // each member of the public's turn comes from an address of its own: 127.(1+i).(k/250).(1+k%250)
    const pow = new PowPool(POW_WORKERS);
    for (let i = 0; i < nCitizens; i++) {
      const codes: string[] = [];
      loops.push(
        loop(running, async (k) => {
          const c = new SoakClient(
            target.base,
            `127.${1 + (i % 240)}.${Math.floor(k / 250) % 250}.${1 + (k % 250)}`,
            TIMEOUT_MS,
          );
          try {
            await citizen(c, k, `${tag}-${i}`, pow, codes);
          } finally {
            c.close();
          }
        }),
      );
    }
    const warmTally = SoakClient.tally;
    const crashed = new Promise<never>((_, reject) => Promise.all(loops).catch(reject));
    crashed.catch(() => {});

    await Promise.race([pause(WARMUP * 1000), crashed]);
    // the measured window starts: new tally, the start figures
    SoakClient.tally = new Tally();
    const measuredFrom = performance.now();
    const start = await Promise.all(target.procs.map((p) => memoryOf(p, target.metricsToken)));
    const pgStart = target.pgDatabase ? await pgBackends(target.pgDatabase) : null;
    const sampleOf = (m: Memory | null): MemorySample | null =>
      m && {
        at: (performance.now() - measuredFrom) / 1000,
        rssKb: m.rssKb,
        liveKb: m.liveKb,
        fullGcs: m.fullGcs,
      };
    const samples: MemorySample[][] = start.map((m) => {
      const s = sampleOf(m);
      return s ? [{ ...s, at: 0 }] : [];
    });
    until = Date.now() + SECONDS * 1000;
    const sampler = (async () => {
      let n = 0;
      while (running()) {
        await pause(SAMPLE_S * 1000);
        if (!running()) break;
        const now = await Promise.all(target.procs.map((p) => memoryOf(p, target.metricsToken)));
        now.forEach((m, i) => {
          const s = sampleOf(m);
          if (s) samples[i].push(s);
        });
        if (++n % Math.max(1, Math.round(10 / SAMPLE_S))) continue;
        const t = SoakClient.tally.totals;
        log(
          `${Math.round((performance.now() - measuredFrom) / 1000)} s: ${t.requests} requests, ${t.errors} errors, ${t.unanswered} unanswered`,
        );
      }
    })();
    // how soon each server answers /api/health on its own port, every 2 s: a server whose event
    // loop (or its one embedded connection) is held shows here, whatever the request mix
    const probes: number[][] = target.procs.map(() => []);
    /** Probes not answered 200, by what came instead (a status, or no answer within the deadline). */
    const probeRefusals: Map<string, number>[] = target.procs.map(() => new Map());
    const prober = (async () => {
      while (running()) {
        await Promise.all(
          target.procs.map(async (p, i) => {
            const t1 = performance.now();
            const answer = await fetch(`${p.base}/api/health`, {
              signal: AbortSignal.timeout(TIMEOUT_MS),
            }).then(
              async (r) => {
                await r.arrayBuffer();
                return r.ok ? 'ok' : String(r.status);
              },
              () => 'no answer',
            );
            if (answer === 'ok') probes[i].push(performance.now() - t1);
            else probeRefusals[i].set(answer, (probeRefusals[i].get(answer) ?? 0) + 1);
          }),
        );
        await pause(2_000);
      }
    })();
    await Promise.race([pause(SECONDS * 1000), crashed]);
    const end = await Promise.all(target.procs.map((p) => memoryOf(p, target.metricsToken)));
    const pgEnd = target.pgDatabase ? await pgBackends(target.pgDatabase) : null;
    until = 0;
    pow.drain();
    await Promise.race([Promise.all(loops), crashed]);
    const seconds = (performance.now() - measuredFrom) / 1000;
    await sampler;
    await prober;
    for (const o of officersUsed) o.client.close();
    await pow.close();

    const tally = SoakClient.tally;
    const w = warmTally.totals;
    const t = tally.totals;
    const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
    console.log(
      `\n### Soak: ${TARGET}, ${CLIENTS} closed-loop clients, ${SECONDS} s (after ${WARMUP} s of warm-up)\n`,
    );
    console.log(
      `Run ${startedAt.toISOString().slice(0, 16)}Z, Node ${process.version}, load average at the end ${load}. ` +
        `${t.requests} requests in ${seconds.toFixed(0)} s (${(t.requests / seconds).toFixed(0)}/s); warm-up: ${w.requests} requests, ${w.errors} errors, ${w.unanswered} unanswered. ` +
        `Portal address check: ${addresses}.\n`,
    );
    console.log(tally.table(seconds));
    console.log(
      "\n| process | pid | RSS after warm-up (MB) | RSS peak of the first half (MB) | RSS peak (MB) | RSS end (MB) | end − first half's peak (MB) | heap in use after warm-up → end (MB) | live heap, lowest of each half (MB) |",
    );
    console.log('|---|---|---|---|---|---|---|---|---|');
    const memoryNotes: string[] = [];
    target.procs.forEach((p, i) => {
      const s = start[i];
      const e = end[i];
      if (!s || !e) {
        failures.push(`${p.name} (pid ${p.pid}) is gone`);
        console.log(`| ${p.name} | ${p.pid} | ${s ? mb(s.rssKb) : '—'} | — | — | gone | — | — | — |`);
        return;
      }
      const v = memoryVerdict([...samples[i], { ...sampleOf(e)!, at: SECONDS }], SECONDS, BOUNDS);
      for (const f of v.failures) failures.push(`${p.name}: ${f}`);
      for (const n of v.notes) memoryNotes.push(`${p.name}: ${n}`);
      const h = (x: number | null) => (x === null ? '—' : mb(x));
      const late = v.rssLateGrowthKb / 1024;
      console.log(
        `| ${p.name} | ${p.pid} | ${mb(v.rssStartKb)} | ${mb(v.rssFirstHalfPeakKb)} | ${mb(v.rssPeakKb)} | ${mb(v.rssEndKb)} | ${late >= 0 ? '+' : ''}${late.toFixed(0)} | ${h(s.heapKb)} → ${h(e.heapKb)} | ${h(v.liveFirstHalfMinKb)} → ${h(v.liveSecondHalfMinKb)} |`,
      );
    });
    if (pgStart && pgEnd)
      console.log(
        `| PostgreSQL backends of ${target.pgDatabase} (RssAnon, added up; not judged) | ${pgStart.n} → ${pgEnd.n} | ${mb(pgStart.anonKb)} | — | — | ${mb(pgEnd.anonKb)} | ${((pgEnd.anonKb - pgStart.anonKb) / 1024).toFixed(0)} since warm-up | — | — |`,
      );
    for (const n of memoryNotes) console.log(`\n${n}`);
    console.log(
      '\n| process | /api/health probes (every 2 s, own port) answered 200 | p50 ms | p95 ms | max ms | not 200 |',
    );
    console.log('|---|---|---|---|---|---|');
    target.procs.forEach((p, i) => {
      const v = [...probes[i]].sort((a, b) => a - b);
      const at = (q: number) =>
        v.length ? v[Math.min(v.length - 1, Math.floor(q * v.length))].toFixed(0) : '—';
      const refused = [...probeRefusals[i]].map(([what, n]) => `${n}× ${what}`).join(', ') || '0';
      console.log(`| ${p.name} | ${v.length} | ${at(0.5)} | ${at(0.95)} | ${at(1)} | ${refused} |`);
    });
    for (const p of target.procs) {
      const text = readFileSync(p.logFile, 'utf8').slice(p.logFrom);
      const errors = text.split('\n').filter((l) => l.includes('"level":50'));
      console.log(
        `\n${p.name}: ${errors.length} error lines in its log${errors.length ? `, first: ${errors[0].slice(0, 300)}` : ''}`,
      );
    }
    if (t.errors + w.errors) failures.push(`${t.errors + w.errors} errors`);
    if (t.unanswered + w.unanswered) failures.push(`${t.unanswered + w.unanswered} unanswered requests`);
    for (const s of [...warmTally.samples, ...tally.samples].slice(0, 20)) console.log(`  ${s}`);
  } catch (e) {
    failures.push(e instanceof StepFailed ? e.message : String((e as Error)?.stack ?? e));
  } finally {
    await target.stop(failures.length > 0).catch((e) => failures.push(`stopping: ${e}`));
  }
  finished = true;
  if (failures.length) {
    console.error(`\nsoak FAILED: ${failures.join('; ')}`);
    process.exit(1);
  }
  console.log('\nsoak: passed (0 errors, 0 unanswered, every server within the memory bound)');
  process.exit(0);
}

// a promise that nothing will ever settle would let the driver end quietly with exit 0: a failure
let finished = false;
process.on('beforeExit', () => {
  if (finished) return;
  console.error('soak FAILED: the driver ran out of work before its report (a promise never settled)');
  process.exit(1);
});
await main();
