/**
 * The real server for the benches: a backend's database opened in-process (to seed it or read its
 * route table), and `bin/jiandu.mjs serve` spawned on it, waited for until /api/health answers,
 * and stopped (SIGTERM, then SIGKILL); servers still running when the bench ends are killed with it.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { openContext } from '../src/server/platform/bootstrap.js';
import { openDatabase } from '../src/server/platform/db/client.js';

const root = path.resolve(import.meta.dirname, '..');
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** What a bench's database is: its kind, DATA_DIR, PostgreSQL URL, and the server's environment. */
export interface BenchBackend {
  name: 'pglite' | 'postgres';
  dataDir: string;
  databaseUrl?: string;
  env: Record<string, string>;
}

/** The backend's database and a context on it, as the server would open them (no scheduler). */
export async function openBenchContext(b: BenchBackend) {
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
      fieldKey: b.env.FIELD_KEY,
    },
    database,
  });
  return { ctx, database };
}

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** Servers still running when the bench ends (an error, ^C) are killed with it. */
const spawned = new Set<ChildProcess>();
process.on('exit', () => {
  for (const c of spawned) c.kill('SIGKILL');
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(130));

export interface Server {
  child: ChildProcess;
  base: string;
  /** Spawn → the first 200 from /api/health, in ms. */
  startMs: number;
  logFile: string;
}

export interface StartOptions {
  /** The checkout whose `bin/jiandu.mjs` runs (another worktree, for a before/after). */
  root?: string;
  /** Node flags before the script (e.g. --cpu-prof). */
  nodeArgs?: string[];
  /** A fixed port; a free one by default. */
  port?: number;
}

/** Spawns `jiandu serve` on the backend and waits for /api/health to answer (at most `waitMs`). */
export async function startServer(
  b: BenchBackend,
  extraEnv: Record<string, string> = {},
  waitMs = 180_000,
  opts: StartOptions = {},
): Promise<Server> {
  const port = opts.port ?? (await freePort());
  const logFile = path.join(os.tmpdir(), `jiandu-${b.name}-${port}.log`);
  const out = openSync(logFile, 'a');
  const started = performance.now();
  const cli = path.join(opts.root ?? root, 'bin/jiandu.mjs');
  const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), cli, 'serve'], {
    env: { ...process.env, ...b.env, PORT: String(port), HOST: '127.0.0.1', SCHEDULER: '0', ...extraEnv },
    stdio: ['ignore', out, out],
  });
  spawned.add(child);
  child.once('exit', () => spawned.delete(child));
  const base = `http://127.0.0.1:${port}`;
  while (performance.now() - started < waitMs) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`the server exited during start: ${tail(logFile)}`);
    const ok = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(2_000) }).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { child, base, startMs: performance.now() - started, logFile };
    await pause(50);
  }
  child.kill('SIGKILL');
  throw new Error(`the server did not answer /api/health within ${waitMs} ms: ${tail(logFile)}`);
}

export const tail = (file: string, lines = 30) => {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
};

export function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((r) => child.once('exit', () => r()));
}

export async function stopServer(s: Server): Promise<void> {
  s.child.kill('SIGTERM');
  const done = exited(s.child);
  if ((await Promise.race([done.then(() => 'ok'), pause(30_000).then(() => 'timeout')])) === 'timeout') {
    s.child.kill('SIGKILL');
    await done;
  }
}
