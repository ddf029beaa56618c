import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Writable } from 'node:stream';
import pg from 'pg';
import { buildApp } from '../../src/server/app.js';
import type { Config } from '../../src/server/config.js';
import { openContext } from '../../src/server/platform/bootstrap.js';
import type { AppContext } from '../../src/server/platform/context.js';
import { openDatabase } from '../../src/server/platform/db/client.js';
import { migrate } from '../../src/server/platform/db/migrate.js';
import type { ReplicaPolicy } from '../../src/server/platform/db/read-routing.js';
import type { App } from '../../src/server/platform/http/types.js';
import { digestOf, once, pruneOld, SNAPSHOTS } from './snapshots.js';

/** A clock the test moves by hand. */
export class FakeClock {
  constructor(public current = new Date('2026-03-02T01:00:00Z')) {}
  now = () => new Date(this.current);
  advance(ms: number) {
    this.current = new Date(this.current.getTime() + ms);
  }
  advanceMinutes(m: number) {
    this.advance(m * 60_000);
  }
}

export interface TestApp {
  app: App;
  ctx: AppContext;
  clock: FakeClock;
  databaseUrl?: string;
  close(): Promise<void>;
}

/** A fresh database for one test file: in-memory PGlite, or a new PostgreSQL database (a copy of `template` if given) when TEST_DATABASE_URL is set. */
export async function freshDatabase(
  template?: string,
): Promise<{ databaseUrl?: string; drop(): Promise<void> }> {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) return { drop: async () => {} };
  const name = `jd_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.query(`create database ${name}${template ? ` template ${template}` : ''}`);
      break;
    } catch (e) {
      // a copy of a template waits while another copy of it is being made ("being accessed by other users")
      if (!template || attempt >= 60) throw e;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    databaseUrl: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    port: 0,
    host: '127.0.0.1',
    dataDir: mkdtempSync(path.join(os.tmpdir(), 'jiandu-test-')),
    secureCookies: false,
    scheduler: false,
    fieldKey: randomBytes(32).toString('hex'),
    ...overrides,
  };
}

export async function createTestApp(
  opts: {
    clock?: FakeClock;
    /** Everything the server logs goes here. */
    logStream?: Writable;
    /**
     * A read replica (PostgreSQL only): `url` names the replica server, its database is the test's
     * own (a streaming replica has every database of its primary).
     */
    replica?: { url: string; policy: ReplicaPolicy; connectTimeoutMs?: number };
    /** PostgreSQL connections (default 4; the server's own default is 10): benches run as deployed. */
    poolSize?: number;
  } = {},
): Promise<TestApp> {
  const clock = opts.clock ?? new FakeClock();
  const migrated = await migratedSnapshot();
  const fresh = await freshDatabase(migrated.template);
  const config = testConfig({ databaseUrl: fresh.databaseUrl });
  const replicaUrl = opts.replica && fresh.databaseUrl ? new URL(opts.replica.url) : undefined;
  if (replicaUrl) replicaUrl.pathname = new URL(fresh.databaseUrl!).pathname;
  const database = await openDatabase({
    databaseUrl: fresh.databaseUrl,
    poolSize: opts.poolSize ?? 4,
    ...(migrated.dump ? { loadDataDir: migrated.dump } : {}),
    ...(replicaUrl ? { replica: { ...opts.replica!, url: replicaUrl.toString() } } : {}),
  });
  const ctx = await openContext({ config, clock, database });
  const app = await buildApp(ctx, { logStream: opts.logStream });
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

/**
 * A freshly migrated, empty database made once per run (see `snapshots.ts`): each test app starts
 * from a copy instead of laying out a new embedded database and applying every migration again
 * (about two seconds a test app). Reference data, the field key and the rest of `openContext` still
 * run on the copy, as on any start. Keyed by the migrations and the code that applies them.
 */
let migratedInProcess: Promise<{ template?: string; dump?: Blob }> | undefined;
export function migratedSnapshot(): Promise<{ template?: string; dump?: Blob }> {
  migratedInProcess ??= (async () => {
    const base = process.env.TEST_DATABASE_URL;
    const digest = digestOf(
      ['migrations', 'src/server/platform/db'],
      base ? `migrated postgres ${base}` : 'migrated pglite',
    );
    const name = `${digest}-migrated-${base ? 'postgres' : 'pglite'}`;
    const meta = await once(
      name,
      async () => {
        const fresh = await freshDatabase();
        const database = await openDatabase({ databaseUrl: fresh.databaseUrl, poolSize: 1 });
        await migrate(database);
        if (!base) {
          const dump = await database.pglite!.dumpDataDir('gzip');
          writeFileSync(path.join(SNAPSHOTS, `${name}.tar.gz`), Buffer.from(await dump.arrayBuffer()));
          await database.close();
          await pruneOld(name);
          return {};
        }
        await database.close();
        const template = `jd_migrated_${digest}`;
        const c = new pg.Client({ connectionString: base });
        await c.connect();
        await c.query(`drop database if exists ${template} with (force)`);
        await c.query(
          `alter database ${new URL(fresh.databaseUrl!).pathname.slice(1)} rename to ${template}`,
        );
        await c.end();
        await pruneOld(name, base);
        return { template };
      },
      base,
    );
    if (base) return { template: meta.template };
    return { dump: new Blob([readFileSync(path.join(SNAPSHOTS, `${name}.tar.gz`))]) };
  })();
  return migratedInProcess;
}

/**
 * A second server instance on the database of `t` (its own context, caches, memory and — on
 * PostgreSQL — its own connection pool; on the in-memory PGlite the one database is shared), with
 * the same field key, data folder and clock: what a second process behind the proxy is.
 */
export async function openAnotherInstance(t: TestApp): Promise<TestApp> {
  const database = t.databaseUrl
    ? await openDatabase({ databaseUrl: t.databaseUrl, poolSize: 4 })
    : t.ctx.database;
  const config = testConfig({
    databaseUrl: t.databaseUrl,
    fieldKey: t.ctx.config.fieldKey,
    dataDir: t.ctx.config.dataDir,
  });
  const ctx = await openContext({ config, clock: t.clock, database, prepare: false });
  const app = await buildApp(ctx);
  await app.ready();
  return {
    app,
    ctx,
    clock: t.clock,
    databaseUrl: t.databaseUrl,
    close: async () => {
      await app.close();
      if (t.databaseUrl) await database.close();
    },
  };
}
