import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { totpCode } from '../src/server/platform/auth/totp.js';
import { openContext } from '../src/server/platform/bootstrap.js';
import { openDatabase } from '../src/server/platform/db/client.js';
import { BENCH_PASSWORD, generatePlatform } from './generate-platform.js';
import { fmt, type LoadResult, load } from './load.js';

const AUDIT = Number(process.env.BENCH_AUDIT ?? 1_000_000);
const USERS = Number(process.env.BENCH_USERS ?? 10_000);
const PG_ADMIN = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const ONLY = process.env.BENCH_ONLY; // pglite | postgres
const root = path.resolve(import.meta.dirname, '..');
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
  const database = await openDatabase({
    databaseUrl: b.databaseUrl,
    dataDir: b.databaseUrl ? undefined : b.dataDir,
  });
  const ctx = await openContext({
    config: {
      port: 0,
      host: '127.0.0.1',
      dataDir: b.dataDir,
      databaseUrl: b.databaseUrl,
      secureCookies: false,
      scheduler: false,
    },
    database,
  });
  await generatePlatform(ctx.db, { townships: 100, userCount: USERS, auditCount: AUDIT, log });
  await database.close();
  log(`  generated in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
}

async function startServer(b: Backend, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [path.join(root, 'bin/jiandu.mjs'), 'serve'], {
    env: { ...process.env, ...b.env, PORT: String(port), HOST: '127.0.0.1', SCHEDULER: '0' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; i < 120; i++) {
    const ok = await fetch(`http://127.0.0.1:${port}/api/health`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) return child;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('server did not start');
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

const RAW_AUDIT_SQL = `select * from audit_log where action like $1 and at >= $2 and at < $3 order by id desc limit $4 offset $5`;
const RAW_COUNT_SQL = `select count(*) from audit_log where action like $1 and at >= $2 and at < $3`;
const rawParams = (i: number) => {
  const f = auditFilter(i);
  return [
    `${f.action}%`,
    new Date(`${f.from}T00:00:00+08:00`),
    new Date(`${f.to}T24:00:00+08:00`),
    f.pageSize,
    (f.page - 1) * f.pageSize,
  ];
};

async function measure(b: Backend, port: number): Promise<LoadResult[]> {
  const base = `http://127.0.0.1:${port}`;
  const server = await startServer(b, port);
  const results: LoadResult[] = [];
  try {
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
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
  }
  results.push(await rawAudit(b));
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

async function main() {
  rmSync(tmp, { recursive: true, force: true });
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
    await admin.query('drop database if exists jiandu_bench with (force)');
    await admin.query('create database jiandu_bench');
    await admin.end();
    const url = new URL(PG_ADMIN);
    url.pathname = '/jiandu_bench';
    backends.push({
      name: 'postgres',
      env: { DATA_DIR: path.join(tmp, 'pg'), DATABASE_URL: url.toString() },
      dataDir: path.join(tmp, 'pg'),
      databaseUrl: url.toString(),
    });
  }
  const all: LoadResult[] = [];
  let port = 3900;
  for (const b of backends) {
    log(`\n${b.name}: generating ${USERS} users and ${AUDIT} audit records`);
    await prepare(b);
    const rs = await measure(b, port++);
    for (const r of rs) log(fmt(r));
    all.push(...rs);
  }
  const ratio = (backend: string) => {
    const api = all.find((r) => r.name === `${backend}: GET /audit (filtered, paginated)`);
    const raw = all.find((r) => r.name === `${backend}: raw SQL audit list`);
    return api && raw
      ? `| ${backend} | ${(api.p50 / raw.p50).toFixed(2)} | ${(api.p95 / raw.p95).toFixed(2)} |`
      : '';
  };
  const md = [
    '# Benchmark results',
    '',
    `Run: \`npm run bench\` on ${new Date().toISOString().slice(0, 10)} — ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}.`,
    `Data: ${USERS.toLocaleString('en')} users in 100 townships, ${AUDIT.toLocaleString('en')} hash-chained audit records.`,
    'Closed-loop clients on loopback; latencies in milliseconds. Login is bound by scrypt by design.',
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
  ].join('\n');
  writeFileSync(path.join(root, 'bench/results.md'), md);
  log(`\nwrote bench/results.md`);
}

await main();
