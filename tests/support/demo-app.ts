import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { loadDemo } from '../../src/cli/demo/index.js';
import { buildApp } from '../../src/server/app.js';
import { openContext } from '../../src/server/platform/bootstrap.js';
import { openDatabase } from '../../src/server/platform/db/client.js';
import { digestOf, type Meta, once, pruneOld, SNAPSHOTS } from './snapshots.js';
import { FakeClock, freshDatabase, type TestApp, testConfig } from './test-app.js';

/**
 * The demo district, loaded once per test run and copied into each test file that reads it.
 *
 * `jiandu demo` takes about a minute; half a dozen test files read the demo year, on both
 * databases. The first of them to ask loads it (through `loadDemo`, on the same default fake clock
 * as `createTestApp`, 2026-03-02) and keeps a snapshot: a `dumpDataDir` tarball of the embedded
 * database, or a template database on PostgreSQL. Every later file starts from a copy, as if it
 * had run `loadDemo` itself. The snapshot is keyed by a digest of `src/` (server, domain, demo) and
 * `migrations/`, so any change to what the demo runs makes a new one. `cli.test.ts` still runs the
 * real `jiandu demo`, and the demo tests call `loadDemo` again on the copy (already loaded).
 */
async function buildSnapshot(name: string, base: string | undefined): Promise<Meta> {
  const fieldKey = randomBytes(32).toString('hex');
  const clock = new FakeClock();
  if (!base) {
    const database = await openDatabase({});
    const ctx = await openContext({ config: testConfig({ fieldKey }), clock, database });
    await loadDemo(ctx);
    const dump = await database.pglite!.dumpDataDir('gzip');
    writeFileSync(path.join(SNAPSHOTS, `${name}.tar.gz`), Buffer.from(await dump.arrayBuffer()));
    await database.close();
    await pruneOld(name);
    return { fieldKey };
  }
  const fresh = await freshDatabase();
  const database = await openDatabase({ databaseUrl: fresh.databaseUrl, poolSize: 4 });
  const ctx = await openContext({
    config: testConfig({ fieldKey, databaseUrl: fresh.databaseUrl }),
    clock,
    database,
  });
  await loadDemo(ctx);
  await database.close();
  const template = `jd_demo_${name.replace(/[^a-z0-9]/g, '')}`;
  const c = new pg.Client({ connectionString: base });
  await c.connect();
  await c.query(`drop database if exists ${template} with (force)`);
  await c.query(`alter database ${new URL(fresh.databaseUrl!).pathname.slice(1)} rename to ${template}`);
  await c.end();
  await pruneOld(name, base);
  return { fieldKey, template };
}

/**
 * The hook timeout of a test file that starts from the demo: the first file to ask loads the whole
 * demo year (every module's, a few minutes on two busy cores) while the others wait for it.
 */
export const DEMO_HOOK_TIMEOUT = 600_000;

/**
 * The demo snapshot of this suite's database: built by the first process to ask (or beforehand, by
 * `prebuild-snapshots.ts` beside the test run), then only looked up.
 */
export async function demoSnapshot(): Promise<{ name: string; meta: Meta }> {
  const base = process.env.TEST_DATABASE_URL;
  const digest = digestOf(['src', 'migrations'], base ? `postgres ${base}` : 'pglite');
  const name = `${digest}-${base ? 'postgres' : 'pglite'}`;
  return { name, meta: await once(name, () => buildSnapshot(name, base), base) };
}

/** A test app on a copy of the loaded demo (today 2026-03-02 on its fake clock), on the suite's database. */
export async function createDemoTestApp(): Promise<TestApp> {
  const base = process.env.TEST_DATABASE_URL;
  const { name, meta } = await demoSnapshot();
  const clock = new FakeClock();
  const fresh = await freshDatabase(meta.template);
  const config = testConfig({ databaseUrl: fresh.databaseUrl, fieldKey: meta.fieldKey! });
  const database = await openDatabase({
    databaseUrl: fresh.databaseUrl,
    poolSize: 4,
    ...(base ? {} : { loadDataDir: new Blob([readFileSync(path.join(SNAPSHOTS, `${name}.tar.gz`))]) }),
  });
  const ctx = await openContext({ config, clock, database });
  const app = await buildApp(ctx);
  await app.ready();
  return {
    app,
    ctx,
    clock,
    databaseUrl: fresh.databaseUrl,
    close: async () => {
      await app.close();
      await database.close();
      await fresh.drop();
    },
  };
}
