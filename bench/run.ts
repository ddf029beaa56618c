import type { ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { totpCode } from '../src/server/platform/auth/totp.js';
import { openDatabase } from '../src/server/platform/db/client.js';
import { appointmentReport, appointmentScenarios, prepareAppointments } from './appointments.js';
import { auditReport, auditScenarios, prepareAudits } from './audits.js';
import { runImportBench } from './cadre-import.js';
import { dashboardReport, dashboardScenarios } from './dashboard.js';
import { generateCadresData } from './generate-cadres.js';
import { BENCH_PASSWORD, generatePlatform } from './generate-platform.js';
import { fmt, type LoadResult, load, loadAndAlone } from './load.js';
import { OPENNESS_DB, opennessReport, opennessScenarios, prepareOpenness } from './openness.js';
import { petitionScenarios, rawPetitions, signIn } from './petitions.js';
import { petitionsReport, preparePetitions } from './petitions-prepare.js';
import { searchScenarios } from './search.js';
import { openBenchContext, startServer as startBenchServer } from './server.js';
import { summaryScenarios } from './summary.js';
import { prepareSupervision, supervisionReport, supervisionScenarios } from './supervision.js';
import { throughputScenarios } from './throughput.js';

const AUDIT = Number(process.env.BENCH_AUDIT ?? 1_000_000);
const USERS = Number(process.env.BENCH_USERS ?? 10_000);
const CADRES_PER_TOWN = Number(process.env.BENCH_CADRES_PER_TOWN ?? 500);
const PG_ADMIN = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const ONLY = process.env.BENCH_ONLY; // pglite | postgres
/** BENCH_PREPARE=1 only generates the data (kept in bench/tmp and the jiandu_bench database); BENCH_REUSE=1 measures what is there. */
const PREPARE_ONLY = process.env.BENCH_PREPARE === '1';
/** BENCH_DB names the PostgreSQL database (jiandu_bench by default), so two worktrees' runs do not drop each other's. */
const BENCH_DB = /^[a-z_][a-z0-9_]{0,40}$/.test(process.env.BENCH_DB ?? '')
  ? process.env.BENCH_DB!
  : 'jiandu_bench';
const REUSE = process.env.BENCH_REUSE === '1';
const OUT = process.env.BENCH_OUT ?? 'bench/results.md';
/** BENCH_SCENARIOS=petitions measures the petition scenarios alone (with BENCH_REUSE=1 on prepared data). */
/** BENCH_SCENARIOS=summary measures the annual summary's .docx of a township-year alone (on prepared data). */
const SUMMARY_ONLY = process.env.BENCH_SCENARIOS === 'summary';
const PETITIONS_ONLY = process.env.BENCH_SCENARIOS === 'petitions' || SUMMARY_ONLY;
/** BENCH_SCENARIOS=dashboard measures the leadership dashboard alone (with BENCH_REUSE=1 on prepared data). */
const DASHBOARD_ONLY = process.env.BENCH_SCENARIOS === 'dashboard';
/** BENCH_SCENARIOS=supervision: admonitions and the accountability register at 100,000 records (PostgreSQL, on prepared data). */
const SUPERVISION_ONLY = process.env.BENCH_SCENARIOS === 'supervision';
/** BENCH_SCENARIOS=audits: the findings board at 200,000 rectification items and a township-year's ledger (PostgreSQL, on prepared data). */
const AUDITS_ONLY = process.env.BENCH_SCENARIOS === 'audits';
/** BENCH_SCENARIOS=appointments: the selection case list at 20,000 cases (PostgreSQL, on prepared data). */
const APPOINTMENTS_ONLY = process.env.BENCH_SCENARIOS === 'appointments';
/** BENCH_SCENARIOS=openness: the portal's boards at 1,000 units and 500,000 items, in a database of its own (PostgreSQL). */
const OPENNESS_ONLY = process.env.BENCH_SCENARIOS === 'openness';
/** BENCH_SCENARIOS=throughput: authenticated GET /me reads per second (wrk when installed), on prepared data. */
const THROUGHPUT_ONLY = process.env.BENCH_SCENARIOS === 'throughput';
/** BENCH_SCENARIOS=search: district-wide searches for an absent, a rare and a common term (PostgreSQL, on prepared data). */
const SEARCH_ONLY = process.env.BENCH_SCENARIOS === 'search';
const root = path.resolve(import.meta.dirname, '..');
/** BENCH_SERVER_ROOT: the checkout whose server is measured (another worktree, for a before/after). */
const serverRoot = process.env.BENCH_SERVER_ROOT ?? root;
const tmp = path.join(root, 'bench/tmp');
const log = (s: string) => console.log(s);

interface Backend {
  name: 'pglite' | 'postgres';
  env: Record<string, string>;
  dataDir: string;
  databaseUrl?: string;
}

async function prepare(b: Backend) {
  const t0 = performance.now();
  const { ctx, database } = await openBenchContext(b);
  const { district, towns } = await generatePlatform(ctx.db, {
    townships: 100,
    userCount: USERS,
    auditCount: AUDIT,
    log,
  });
  await generateCadresData(ctx, towns, CADRES_PER_TOWN, log);
  // a district-wide organization officer, for searches across all 100 townships
  const { users, userRoles, roles } = await import('../src/server/platform/users/schema.js');
  const { hashPassword } = await import('../src/server/platform/auth/passwords.js');
  const { eq } = await import('drizzle-orm');
  const [u] = await ctx.db
    .insert(users)
    .values({
      username: 'benchdistrict',
      displayName: '区组织部',
      orgId: district.id,
      dataScope: 'all',
      passwordHash: await hashPassword(BENCH_PASSWORD),
      mustChangePassword: false,
    })
    .returning();
  const [role] = await ctx.db.select().from(roles).where(eq(roles.code, 'district_org'));
  await ctx.db.insert(userRoles).values({ userId: u.id, roleId: role.id });
  await preparePetitions(ctx, database, b, district, towns, log);
  await database.close();
  log(`  generated in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
}

/** BENCH_NODE_ARGS: extra node flags for the server (e.g. --cpu-prof --cpu-prof-dir=bench/tmp/prof). */
const SERVER_NODE_ARGS = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);

/** The server measured (BENCH_SERVER_ROOT's, with BENCH_NODE_ARGS) on a fixed port; its log in the temp folder. */
async function startServer(b: Backend, port: number): Promise<ChildProcess> {
  const server = await startBenchServer(b, {}, 60_000, {
    root: serverRoot,
    nodeArgs: SERVER_NODE_ARGS,
    port,
  });
  return server.child;
}

async function login(base: string, username: string) {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: BENCH_PASSWORD }),
  });
  if (!res.ok) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { csrfToken: string; pending: string | null };
  return {
    cookie: String(res.headers.get('set-cookie')).split(';')[0],
    csrf: body.csrfToken,
    pending: body.pending,
  };
}

/** The audit administrator must enrol TOTP before the audit log opens. */
async function auditAdminSession(base: string) {
  const s = await login(base, 'bench0');
  const headers = { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/json' };
  const setup = (await (
    await fetch(`${base}/api/v1/me/totp/setup`, { method: 'POST', headers, body: '{}' })
  ).json()) as { secret: string };
  const r = await fetch(`${base}/api/v1/me/totp/enable`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ code: totpCode(setup.secret, new Date()) }),
  });
  if (!r.ok) throw new Error(`totp enable: ${await r.text()}`);
  return s;
}

const auditFilter = (i: number) => ({
  action: 'auth.login',
  from: '2026-03-01',
  to: '2026-06-30',
  page: 1 + (i % 50),
  pageSize: 20,
});

// the API's two queries: a known action is matched exactly, newest first, and the count stops at 10,001
const RAW_AUDIT_SQL = `select a.*, o.name from audit_log a left join orgs o on o.id = a.org_id
  where a.action = $1 and a.at >= $2 and a.at < $3 order by a.at desc, a.id desc limit $4 offset $5`;
const RAW_COUNT_SQL = `select count(*) from (select 1 from audit_log where action = $1 and at >= $2 and at < $3 limit 10001) m`;
const rawParams = (i: number) => {
  const f = auditFilter(i);
  return [
    f.action,
    new Date(`${f.from}T00:00:00+08:00`),
    new Date(`${f.to}T24:00:00+08:00`),
    f.pageSize,
    (f.page - 1) * f.pageSize,
  ];
};

/** Drops the stored petition counts, as a change to every org's petitions would. */
async function dropCubes(b: Backend) {
  if (!b.databaseUrl) return;
  const c = new pg.Client({ connectionString: b.databaseUrl });
  await c.connect();
  await c.query('delete from petition_figure_cubes');
  await c.end();
}

async function measure(b: Backend, port: number): Promise<LoadResult[]> {
  const base = `http://127.0.0.1:${port}`;
  const server = await startServer(b, port);
  const results: LoadResult[] = [];
  try {
    if (THROUGHPUT_ONLY) {
      const sessions = await Promise.all(
        Array.from({ length: 16 }, (_, i) => login(base, `bench${1000 + i}`)),
      );
      results.push(
        ...(await throughputScenarios(
          b.name,
          base,
          sessions.map((s) => s.cookie),
          {
            concurrency: Number(process.env.BENCH_CONCURRENCY ?? 16),
            seconds: Number(process.env.BENCH_SECONDS ?? 20),
            tmp,
          },
        )),
      );
      return results;
    }
    if (SEARCH_ONLY) {
      if (b.databaseUrl) results.push(...(await searchScenarios(b.name, base, b.databaseUrl)));
      return results;
    }
    if (DASHBOARD_ONLY) {
      results.push(...(await dashboardScenarios(b.name, base, () => dropCubes(b))));
      return results;
    }
    if (APPOINTMENTS_ONLY) {
      if (!b.databaseUrl) return results; // the 20,000 cases are added to a PostgreSQL bench database
      await prepareAppointments(b.databaseUrl, log);
      results.push(...(await appointmentScenarios(b.name, base)));
      return results;
    }
    if (AUDITS_ONLY) {
      if (!b.databaseUrl) return results; // the items are added to a PostgreSQL bench database
      await prepareAudits(b.databaseUrl, log);
      results.push(...(await auditScenarios(b.name, base)));
      return results;
    }
    if (SUPERVISION_ONLY) {
      if (!b.databaseUrl) return results; // the 100,000 records are added to a PostgreSQL bench database
      const cadreId = await prepareSupervision(b.databaseUrl, log);
      results.push(...(await supervisionScenarios(b.name, base, cadreId)));
      return results;
    }
    if (!PETITIONS_ONLY) {
      results.push(...(await platformScenarios(b, base)));
      results.push(...(await cadreScenarios(b, base)));
    }
    if (!SUMMARY_ONLY) results.push(...(await petitionScenarios(b.name, base)));
    results.push(...(await summaryScenarios(b.name, base)));
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
  }
  if (!PETITIONS_ONLY) {
    results.push(await rawAudit(b));
    results.push(await rawRoster(b));
  }
  if (!SUMMARY_ONLY) results.push(...(await rawPetitions(b)));
  return results;
}

/** Login, /me and the audit list. */
async function platformScenarios(b: Backend, base: string): Promise<LoadResult[]> {
  const results: LoadResult[] = [];
  results.push(
    await load(
      `${b.name}: POST /auth/login`,
      { concurrency: 8, requests: 400, maxSeconds: 30 },
      async (i) => !!(await login(base, `bench${1 + (i % (USERS - 1))}`)),
    ),
  );
  const sessions = await Promise.all(Array.from({ length: 16 }, (_, i) => login(base, `bench${1000 + i}`)));
  results.push(
    await load(`${b.name}: GET /me`, { concurrency: 16, requests: 8000, maxSeconds: 30 }, async (i) => {
      const r = await fetch(`${base}/api/v1/me`, { headers: { cookie: sessions[i % 16].cookie } });
      await r.arrayBuffer();
      return r.ok;
    }),
  );
  const admin = await auditAdminSession(base);
  results.push(
    await load(
      `${b.name}: GET /audit (filtered, paginated)`,
      { concurrency: 8, requests: 2000, maxSeconds: 30 },
      async (i) => {
        const q = new URLSearchParams(Object.entries(auditFilter(i)).map(([k, v]) => [k, String(v)]));
        const r = await fetch(`${base}/api/v1/audit?${q}`, { headers: { cookie: admin.cookie } });
        await r.arrayBuffer();
        return r.ok;
      },
    ),
  );
  return results;
}

/** The audit list's two queries straight through the driver, for the API/raw ratio. */
async function rawAudit(b: Backend): Promise<LoadResult> {
  if (b.databaseUrl) {
    const pool = new pg.Pool({ connectionString: b.databaseUrl, max: 8 });
    const r = await load(
      `${b.name}: raw SQL audit list`,
      { concurrency: 8, requests: 2000, maxSeconds: 30 },
      async (i) => {
        const p = rawParams(i);
        await Promise.all([pool.query(RAW_AUDIT_SQL, p), pool.query(RAW_COUNT_SQL, p.slice(0, 3))]);
        return true;
      },
    );
    await pool.end();
    return r;
  }
  const database = await openDatabase({ dataDir: b.dataDir });
  const client = database.pglite!;
  const r = await load(
    `${b.name}: raw SQL audit list`,
    { concurrency: 1, requests: 2000, maxSeconds: 30 },
    async (i) => {
      const p = rawParams(i);
      await client.query(RAW_AUDIT_SQL, p);
      await client.query(RAW_COUNT_SQL, p.slice(0, 3));
      return true;
    },
  );
  await database.close();
  return r;
}

const SURNAMES = ['张', '王', '李', '刘', '陈'];
const INITIALS = ['zs', 'wj', 'lm', 'zh', 'cx'];
const getOk = async (url: string, cookie: string) => {
  const r = await fetch(url, { headers: { cookie } });
  await r.arrayBuffer();
  return r.ok;
};

/** The roster: a township officer's filtered list, and district-wide searches by name and by pinyin initials. */
async function cadreScenarios(b: Backend, base: string): Promise<LoadResult[]> {
  const officers = await Promise.all(Array.from({ length: 8 }, (_, i) => login(base, `bench${2000 + i}`)));
  const district = await login(base, 'benchdistrict');
  const opts = { concurrency: 8, requests: 2000, maxSeconds: 30 };
  return [
    ...(await loadAndAlone(`${b.name}: GET /cadres (township, filtered)`, opts, (i) =>
      getOk(
        `${base}/api/v1/cadres?status=active&education=bachelor&ageBand=36-45&page=${1 + (i % 3)}&pageSize=20`,
        officers[i % 8].cookie,
      ),
    )),
    ...(await loadAndAlone(`${b.name}: GET /cadres?q=姓 (district-wide)`, opts, (i) =>
      getOk(`${base}/api/v1/cadres?q=${encodeURIComponent(SURNAMES[i % 5])}&pageSize=20`, district.cookie),
    )),
    ...(await loadAndAlone(`${b.name}: GET /cadres?q=pinyin initials (district-wide)`, opts, (i) =>
      getOk(`${base}/api/v1/cadres?q=${INITIALS[i % 5]}&pageSize=20`, district.cookie),
    )),
  ];
}

const RAW_ROSTER_SQL = `select c.id, c.name, c.gender, c.birth_date, o.name as org_name, c.id_number_masked
  from cadres c join orgs o on o.id = c.org_id
  where c.deleted_at is null and c.org_id in (select id from orgs where path like $1) and c.status = 'active'
    and c.education = 'bachelor' and c.birth_date <= $2 and c.birth_date > $3
  order by c.org_id, c.name_pinyin, c.id limit 20 offset $4`;
const RAW_ROSTER_COUNT = `select count(*) from cadres c where c.deleted_at is null and c.org_id in (select id from orgs where path like $1)
  and c.status = 'active' and c.education = 'bachelor' and c.birth_date <= $2 and c.birth_date > $3`;

/** The township list's queries straight through the driver. */
async function rawRoster(b: Backend): Promise<LoadResult> {
  const today = new Date().toISOString().slice(0, 10);
  const minus = (y: number) => `${Number(today.slice(0, 4)) - y}${today.slice(4)}`;
  const paths = async (q: (s: string) => Promise<{ rows: { path: string }[] }>) =>
    (await q("select path from orgs where kind = 'township' order by id limit 8")).rows.map((r) => r.path);
  if (b.databaseUrl) {
    const pool = new pg.Pool({ connectionString: b.databaseUrl, max: 8 });
    const ps = await paths((s) => pool.query(s));
    const r = await load(
      `${b.name}: raw SQL township roster`,
      { concurrency: 8, requests: 2000, maxSeconds: 30 },
      async (i) => {
        const p = [`${ps[i % 8]}%`, minus(36), minus(46)];
        await Promise.all([
          pool.query(RAW_ROSTER_SQL, [...p, (i % 3) * 20]),
          pool.query(RAW_ROSTER_COUNT, p),
        ]);
        return true;
      },
    );
    await pool.end();
    return r;
  }
  const database = await openDatabase({ dataDir: b.dataDir });
  const client = database.pglite!;
  const ps = await paths((s) => client.query(s) as any);
  const r = await load(
    `${b.name}: raw SQL township roster`,
    { concurrency: 1, requests: 2000, maxSeconds: 30 },
    async (i) => {
      const p = [`${ps[i % 8]}%`, minus(36), minus(46)];
      await client.query(RAW_ROSTER_SQL, [...p, (i % 3) * 20]);
      await client.query(RAW_ROSTER_COUNT, p);
      return true;
    },
  );
  await database.close();
  return r;
}

/** A measured run enrols TOTP for the audit administrator and the heads; a run again enrols anew. */
async function forgetTotp(b: Backend) {
  const database = await openDatabase({
    databaseUrl: b.databaseUrl,
    dataDir: b.databaseUrl ? undefined : b.dataDir,
  });
  await database.db.execute(
    sql`update users set totp_secret = null, totp_enabled_at = null, totp_last_step = null where username like 'bench%'`,
  );
  await database.close();
}

/** The openness scenarios: their own database (created, or kept with BENCH_REUSE=1), the server on it, the report. */
async function opennessBench() {
  const t0 = performance.now();
  log(`\npostgres: ${REUSE ? 'reusing' : 'generating'} ${OPENNESS_DB}`);
  if (!REUSE) rmSync(path.join(tmp, 'openness'), { recursive: true, force: true });
  mkdirSync(path.join(tmp, 'openness'), { recursive: true });
  const seeded = await prepareOpenness(PG_ADMIN, path.join(tmp, 'openness'), REUSE, log);
  log(`  ready in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  const b: Backend = {
    name: 'postgres',
    // the portal's limit is per address: the bench sends each request from its own forwarded address
    env: { DATA_DIR: path.join(tmp, 'openness'), DATABASE_URL: seeded.databaseUrl, TRUST_PROXY: '1' },
    dataDir: path.join(tmp, 'openness'),
    databaseUrl: seeded.databaseUrl,
  };
  const port = Number(process.env.BENCH_PORT ?? 3900);
  const server = await startServer(b, port);
  let all: LoadResult[];
  try {
    all = await opennessScenarios(b.name, `http://127.0.0.1:${port}`, seeded, signIn);
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
  }
  for (const r of all) log(fmt(r));
  const md = [
    "# Benchmark results: 政务公开/村务公开 on the portal and the district's overdue board",
    '',
    `Run: \`BENCH_SCENARIOS=openness npm run bench\` (\`BENCH_REUSE=1\` keeps the seeded database) on ${new Date().toISOString().slice(0, 10)} — ${os.cpus().length} cores, PostgreSQL. Data (its own database \`${OPENNESS_DB}\`, seeded with generate_series): a district, 50 townships and 1,000 units (each township, 5 departments, 14 villages), 500,000 published disclosures over three years, 5,000 withdrawn, 10,000 drafts, and two years of due items of every periodic type per unit (1 in 25 never published: overdue). Portal requests come each from its own forwarded address (the portal allows 60 a minute per address); the back office's are a district user's (scope all). Latencies in milliseconds through HTTP; 8 clients, then one.`,
    '',
    ...opennessReport(all, ['postgres']),
    '',
  ];
  writeFileSync(path.join(root, process.env.BENCH_OUT ?? 'bench/results-openness.md'), md.join('\n'));
  log('\nwrote the openness results');
}

async function main() {
  if (OPENNESS_ONLY) return opennessBench();
  if (!REUSE) rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  const backends: Backend[] = [];
  if (ONLY !== 'postgres')
    backends.push({
      name: 'pglite',
      env: { DATA_DIR: path.join(tmp, 'pglite') },
      dataDir: path.join(tmp, 'pglite'),
    });
  if (ONLY !== 'pglite') {
    const admin = new pg.Client({ connectionString: PG_ADMIN });
    await admin.connect();
    if (!REUSE) {
      await admin.query(`drop database if exists ${BENCH_DB} with (force)`);
      await admin.query(`create database ${BENCH_DB}`);
    }
    await admin.end();
    const url = new URL(PG_ADMIN);
    url.pathname = `/${BENCH_DB}`;
    backends.push({
      name: 'postgres',
      env: { DATA_DIR: path.join(tmp, 'pg'), DATABASE_URL: url.toString() },
      dataDir: path.join(tmp, 'pg'),
      databaseUrl: url.toString(),
    });
  }
  const all: LoadResult[] = [];
  let port = Number(process.env.BENCH_PORT ?? 3900);
  for (const b of backends) {
    if (!REUSE) {
      log(`\n${b.name}: generating ${USERS} users and ${AUDIT} audit records`);
      await prepare(b);
    }
    if (PREPARE_ONLY) continue;
    if (REUSE) await forgetTotp(b);
    const rs = await measure(b, port++);
    for (const r of rs) log(fmt(r));
    all.push(...rs);
  }
  const ratioOf = (backend: string, apiName: string, rawName: string) => {
    const api = all.find((r) => r.name === `${backend}: ${apiName}`);
    const raw = all.find((r) => r.name === `${backend}: ${rawName}`);
    return api && raw
      ? `| ${backend} | ${(api.p50 / raw.p50).toFixed(2)} | ${(api.p95 / raw.p95).toFixed(2)} |`
      : '';
  };
  const ratio = (backend: string) => {
    const api = all.find((r) => r.name === `${backend}: GET /audit (filtered, paginated)`);
    const raw = all.find((r) => r.name === `${backend}: raw SQL audit list`);
    return api && raw
      ? `| ${backend} | ${(api.p50 / raw.p50).toFixed(2)} | ${(api.p95 / raw.p95).toFixed(2)} |`
      : '';
  };
  if (PREPARE_ONLY) return log('\ndata generated; measure it with BENCH_REUSE=1');
  if (THROUGHPUT_ONLY || SEARCH_ONLY) {
    log('\n| scenario | requests | errors | req/s | p50 | p95 | p99 |\n|---|---|---|---|---|---|---|');
    for (const r of all) log(fmt(r));
    return;
  }
  if (APPOINTMENTS_ONLY) {
    const md = [
      '# Benchmark results: the selection case list',
      '',
      `Run: \`BENCH_DB=${BENCH_DB} BENCH_SCENARIOS=appointments BENCH_REUSE=1 BENCH_ONLY=postgres npm run bench\` on ${new Date().toISOString().slice(0, 10)} — ${os.cpus().length} cores. Data: the prepared bench database (100 townships, 50,000 cadres) plus 20,000 selection cases (200 per township, 2024–2026, every method and step). Township heads read their township's list; the district discipline officer reads the whole district's. Latencies in milliseconds through the API; 8 clients, then one.`,
      '',
      ...appointmentReport(
        all,
        backends.map((b) => b.name),
      ),
      '',
    ];
    writeFileSync(path.join(root, process.env.BENCH_OUT ?? 'bench/results-appointments.md'), md.join('\n'));
    return log('\nwrote the appointment list results');
  }
  if (AUDITS_ONLY) {
    const md = [
      '# Benchmark results: the findings board and the 审计台帐',
      '',
      `Run: \`BENCH_SCENARIOS=audits BENCH_REUSE=1 BENCH_ONLY=postgres npm run bench\` on ${new Date().toISOString().slice(0, 10)} — ${os.cpus().length} cores. Data: the prepared bench database plus 200,000 rectification items (100 audits × 20 findings per township, issued in 2025, due over the following two years) across the 100 townships. Latencies in milliseconds through the API; 8 clients, then one (the ledger: 2 clients).`,
      '',
      ...auditReport(
        all,
        backends.map((b) => b.name),
      ),
      '',
    ];
    writeFileSync(path.join(root, process.env.BENCH_OUT ?? 'bench/results-audits.md'), md.join('\n'));
    return log('\nwrote the audit results');
  }
  if (SUPERVISION_ONLY) {
    const md = [
      '# Benchmark results: admonitions and the accountability register',
      '',
      `Run: \`BENCH_SCENARIOS=supervision BENCH_REUSE=1 BENCH_ONLY=postgres npm run bench\` on ${new Date().toISOString().slice(0, 10)} — ${os.cpus().length} cores. Data: the prepared bench database plus 100,000 admonitions and 100,000 register records (each with its person and a sanction) across the 100 townships, and one cadre with 25 admonitions and 25 sanctions. Latencies in milliseconds through the API; 8 clients, then one.`,
      '',
      ...supervisionReport(
        all,
        backends.map((b) => b.name),
      ),
      '',
    ];
    writeFileSync(path.join(root, process.env.BENCH_OUT ?? 'bench/results-supervision.md'), md.join('\n'));
    return log('\nwrote the supervision results');
  }
  if (DASHBOARD_ONLY) {
    for (const r of all) log(fmt(r));
    const md = [
      '# Benchmark results: the leadership dashboard',
      '',
      ...dashboardReport(
        all,
        backends.map((b) => b.name),
      ),
      '',
    ];
    writeFileSync(path.join(root, process.env.BENCH_OUT ?? 'bench/results-dashboard-raw.md'), md.join('\n'));
    return log('\nwrote the dashboard results');
  }
  if (PETITIONS_ONLY) {
    const summary = all.filter((r) => r.name.includes('/summaries/'));
    const md = [
      `# Benchmark results: ${SUMMARY_ONLY ? 'the annual summary' : 'petitions'}`,
      '',
      ...(SUMMARY_ONLY
        ? []
        : petitionsReport(
            all,
            backends.map((b) => b.name),
            root,
          )),
      '## Annual work summary (.docx of a township-year, target < 3 s)',
      '',
      '| scenario | requests | errors | req/s | p50 | p95 | p99 |',
      '|---|---|---|---|---|---|---|',
      ...summary.map(fmt),
      '',
    ];
    writeFileSync(path.join(root, OUT), md.join('\n'));
    return log(`\nwrote ${OUT}`);
  }
  log('\nExcel import of a 10,000-row roster sheet');
  const imports = await runImportBench();
  const md = [
    '# Benchmark results',
    '',
    `Run: \`npm run bench\` on ${new Date().toISOString().slice(0, 10)} — ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}.`,
    `Data: ${USERS.toLocaleString('en')} users in 100 townships, ${AUDIT.toLocaleString('en')} hash-chained audit records, ${(CADRES_PER_TOWN * 100).toLocaleString('en')} cadres (one open tenure each).`,
    'Closed-loop clients on loopback; latencies in milliseconds. Login is bound by scrypt by design. A scenario marked “· 1 client” is the same requests from one client: the latency one user waits, without the queue of 8 clients on 2 cores (shared with the load generator and the database).',
    '',
    '## Platform',
    '',
    '| scenario | requests | errors | req/s | p50 | p95 | p99 |',
    '|---|---|---|---|---|---|---|',
    ...all.map(fmt),
    '',
    'Audit list through the API against the same query through the driver (ratio of latencies):',
    '',
    '| database | p50 API/raw | p95 API/raw |',
    '|---|---|---|',
    ...backends.map((b) => ratio(b.name)),
    '',
    'Township roster (filtered) through the API against its queries through the driver:',
    '',
    '| database | p50 API/raw | p95 API/raw |',
    '|---|---|---|',
    ...backends.map((b) => ratioOf(b.name, 'GET /cadres (township, filtered)', 'raw SQL township roster')),
    '',
    '## Excel import of the roster (upload to job finished)',
    '',
    '| database | rows | seconds | upload answered (s) | rows/s |',
    '|---|---|---|---|---|',
    ...imports,
    '',
    ...petitionsReport(
      all,
      backends.map((b) => b.name),
      root,
    ),
  ].join('\n');
  writeFileSync(path.join(root, OUT), md);
  log(`\nwrote ${OUT}`);
}

await main();
