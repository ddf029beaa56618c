// Times the Excel roster import of a 10,000-row sheet end to end (upload → job finished) on PGlite
// and on PostgreSQL. Part of `npm run bench`; alone: npx tsx bench/cadre-import.ts (BENCH_ROWS, BENCH_PG_URL, BENCH_ONLY)
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { buildApp } from '../src/server/app.js';
import { openContext } from '../src/server/platform/bootstrap.js';
import { openDatabase } from '../src/server/platform/db/client.js';
import { makeOrg, makeUser, signIn } from '../tests/support/factories.js';
import { rosterRow, rosterWorkbook, upload, waitForJob } from '../tests/support/roster-sheets.js';
import { FakeClock, type TestApp } from '../tests/support/test-app.js';

const ROWS = Number(process.env.BENCH_ROWS ?? 10_000);
const PG_ADMIN = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const ONLY = process.env.BENCH_ONLY;
const UNITS = 20;
const tmp = path.resolve(import.meta.dirname, 'tmp/cadre-import');

async function adminQuery(sql: string) {
  const c = new pg.Client({ connectionString: PG_ADMIN });
  await c.connect();
  await c.query(sql);
  await c.end();
}

async function measure(name: string, sheet: Buffer, databaseUrl?: string): Promise<string> {
  const dataDir = path.join(tmp, name);
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const database = await openDatabase({ databaseUrl, dataDir: databaseUrl ? undefined : dataDir });
  const clock = new FakeClock(new Date());
  const config = { port: 0, host: '127.0.0.1', dataDir, databaseUrl, secureCookies: false, scheduler: false };
  const ctx = await openContext({ config, clock, database });
  const app = await buildApp(ctx);
  await app.ready();
  const t: TestApp = { app, ctx, clock, close: async () => {} };
  try {
    const district = await makeOrg(ctx, '基准区', null, 'district');
    const town = await makeOrg(ctx, '基准镇', district.id);
    for (let u = 0; u < UNITS; u++) await makeOrg(ctx, `单位${u}`, town.id, 'department');
    const officer = await makeUser(ctx, { orgId: town.id, roles: ['org_officer'] });
    const session = await signIn(t, officer.username);

    const t0 = performance.now();
    const res = await upload(t, session, '/api/v1/cadres/import/excel', sheet, 'bench.xlsx');
    if (res.statusCode !== 200) throw new Error(`upload: ${res.statusCode} ${res.body}`);
    const t1 = performance.now();
    const job = await waitForJob(t, session, res.json().id, 600_000);
    const t2 = performance.now();
    if (job.status !== 'succeeded') throw new Error(`job ${job.status}: ${job.message}`);
    const total = (t2 - t0) / 1000;
    console.log(
      `${name.padEnd(9)} ${ROWS} rows: ${total.toFixed(2)} s end to end ` +
        `(upload answered ${((t1 - t0) / 1000).toFixed(2)} s, job ${((t2 - t1) / 1000).toFixed(2)} s), ` +
        `${Math.round(ROWS / total)} rows/s`,
    );
    return `| ${name} | ${ROWS} | ${total.toFixed(2)} | ${((t1 - t0) / 1000).toFixed(2)} | ${Math.round(ROWS / total)} |`;
  } finally {
    await app.close();
    await database.close();
  }
}

/** Times the import on each database; returns Markdown table rows. */
export async function runImportBench(): Promise<string[]> {
  const rows: string[] = [];
  const g0 = performance.now();
  const sheet = await rosterWorkbook(
    Array.from({ length: ROWS }, (_, i) => rosterRow(i, `单位${i % UNITS}`)),
  );
  console.log(
    `sheet of ${ROWS} rows: ${(sheet.length / 1024).toFixed(0)} KB, built in ${((performance.now() - g0) / 1000).toFixed(1)} s`,
  );

  if (ONLY !== 'postgres') rows.push(await measure('pglite', sheet));
  if (ONLY !== 'pglite') {
    const name = `jd_bench_xl_${randomBytes(4).toString('hex')}`;
    await adminQuery(`create database ${name}`);
    const url = new URL(PG_ADMIN);
    url.pathname = `/${name}`;
    try {
      rows.push(await measure('postgres', sheet, url.toString()));
    } finally {
      await adminQuery(`drop database if exists ${name} with (force)`);
    }
  }
  rmSync(tmp, { recursive: true, force: true });
  return rows;
}

if (process.argv[1]?.endsWith('cadre-import.ts')) await runImportBench();
