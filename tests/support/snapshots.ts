import { createHash } from 'node:crypto';
import {
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { repoRoot } from './run-cli.js';

/**
 * Databases the test run makes once and copies into every test file that needs one: the demo year
 * (`demo-app.ts`) and a freshly migrated, empty database (`test-app.ts`). A snapshot is a
 * `dumpDataDir` tarball of the embedded database, or a template database on PostgreSQL, keyed by a
 * digest of what made it, and built by the first test process to ask while the others wait.
 */
export const SNAPSHOTS = path.join(os.tmpdir(), 'jiandu-test-snapshots');
const STALE_LOCK_MS = 10 * 60_000;
const OLD_SNAPSHOT_MS = 3 * 3600_000;

export interface Meta {
  fieldKey?: string;
  template?: string;
}

export function digestOf(dirs: string[], extra: string): string {
  const h = createHash('sha256').update(extra);
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (p !== path.join(repoRoot, 'src', 'web')) walk(p);
      } else if (!e.name.endsWith('.test.ts')) {
        h.update(path.relative(repoRoot, p)).update(readFileSync(p));
      }
    }
  };
  for (const d of dirs) walk(path.join(repoRoot, d));
  return h.digest('hex').slice(0, 16);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Runs `build` once across the test processes of this machine; the others wait for its meta file.
 * A meta file whose snapshot is gone (its template database dropped by hand, its tarball removed:
 * `/tmp` outlives the databases it names) is built again, under the lock, never used.
 */
/** The locks this process holds now, so a process stopped by a signal can give them back. */
const held = new Set<string>();

/** Removes the locks this process holds (for a signal handler: `finally` does not run on exit). */
export function releaseHeldLocks(): void {
  for (const lock of held) rmSync(lock, { recursive: true, force: true });
  held.clear();
}

export async function once(name: string, build: () => Promise<Meta>, base?: string): Promise<Meta> {
  mkdirSync(SNAPSHOTS, { recursive: true });
  const metaFile = path.join(SNAPSHOTS, `${name}.json`);
  const lock = path.join(SNAPSHOTS, `${name}.lock`);
  const present = async (): Promise<Meta | undefined> => {
    let meta: Meta;
    try {
      meta = JSON.parse(readFileSync(metaFile, 'utf8')) as Meta;
    } catch {
      return undefined;
    }
    if (!(await snapshotExists(name, meta, base))) return undefined;
    utimesSync(metaFile, new Date(), new Date()); // in use: not pruned as old
    return meta;
  };
  for (;;) {
    const meta = await present();
    if (meta) return meta;
    try {
      mkdirSync(lock);
    } catch {
      try {
        if (Date.now() - statSync(lock).mtimeMs > STALE_LOCK_MS)
          rmSync(lock, { recursive: true, force: true });
      } catch {}
      await sleep(500);
      continue;
    }
    held.add(lock);
    try {
      const again = await present(); // another process may have built it since
      if (again) return again;
      rmSync(metaFile, { force: true });
      const built = await build();
      writeFileSync(`${metaFile}.tmp`, JSON.stringify(built));
      renameSync(`${metaFile}.tmp`, metaFile);
      return built;
    } finally {
      held.delete(lock);
      rmSync(lock, { recursive: true, force: true });
    }
  }
}

/** Whether what a meta file names is still there: its template database, or its tarball. */
async function snapshotExists(name: string, meta: Meta, base?: string): Promise<boolean> {
  if (!base) {
    try {
      return statSync(path.join(SNAPSHOTS, `${name}.tar.gz`)).isFile();
    } catch {
      return false;
    }
  }
  if (!meta.template) return false;
  const c = new pg.Client({ connectionString: base });
  await c.connect();
  try {
    const r = await c.query('select 1 from pg_database where datname = $1', [meta.template]);
    return r.rowCount === 1;
  } finally {
    await c.end();
  }
}

/** Snapshots of other digests, untouched for hours, are removed (templates dropped) when a new one is made. */
export async function pruneOld(keep: string, base?: string): Promise<void> {
  for (const f of readdirSync(SNAPSHOTS)) {
    if (!f.endsWith('.json') || f.startsWith(keep)) continue;
    const p = path.join(SNAPSHOTS, f);
    if (Date.now() - statSync(p).mtimeMs < OLD_SNAPSHOT_MS) continue;
    const meta = JSON.parse(readFileSync(p, 'utf8')) as Meta;
    if (meta.template && base) {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`drop database if exists ${meta.template} with (force)`).catch(() => {});
      await c.end();
    }
    rmSync(p, { force: true });
    rmSync(p.replace(/\.json$/, '.tar.gz'), { force: true });
  }
}
