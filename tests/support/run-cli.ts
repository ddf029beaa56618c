import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/**
 * A spawned command always runs on the embedded database, whatever the suite: its tests run in the
 * default (embedded) suite and are skipped in the PostgreSQL one, which would only repeat them.
 */
export const embeddedSuite = !process.env.TEST_DATABASE_URL;

/** The environment of a spawned command: the embedded database in `dataDir`, never a PostgreSQL server. */
function envFor(dataDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  delete env.MIGRATION_DATABASE_URL;
  delete env.FIELD_KEY;
  return env;
}

/**
 * The command line a spawned `jiandu` runs: the test run's bundle of the sources (`cli-bundle.ts`,
 * made by the global setup), else `bin/jiandu.mjs` through tsx.
 */
export const cliEntry = (): string => process.env.JIANDU_TEST_CLI ?? 'bin/jiandu.mjs';

/** Runs the real `jiandu` command line, with `stdin` piped in. */
export function runCli(
  args: string[],
  opts: { dataDir: string; stdin?: string; umask?: string; env?: NodeJS.ProcessEnv },
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const env = { ...envFor(opts.dataDir), ...opts.env };
    const child = opts.umask
      ? spawn('sh', ['-c', `umask ${opts.umask}; exec "$0" "$@"`, process.execPath, cliEntry(), ...args], {
          cwd: repoRoot,
          env,
        })
      : spawn(process.execPath, [cliEntry(), ...args], { cwd: repoRoot, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(opts.stdin ?? '');
  });
}

/** A second process that takes the data folder's lock (as a running server does) and holds it until killed. */
export function holdDataDir(dataDir: string): Promise<ChildProcess> {
  const lockModule = new URL('../../src/server/platform/db/data-lock.ts', import.meta.url).href;
  const code = `const m = await import(${JSON.stringify(lockModule)}); m.lockDataDir(process.env.DATA_DIR); console.log('locked'); setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
    cwd: repoRoot,
    env: envFor(dataDir),
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.stderr.on('data', (d) => reject(new Error(String(d))));
    child.stdout.on('data', (d) => {
      if (String(d).includes('locked')) resolve(child);
    });
  });
}

/** `jiandu serve` on the embedded database in `dataDir`, answering on 127.0.0.1:`port` (scheduler off). */
export async function startServe(dataDir: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [cliEntry(), 'serve'], {
    cwd: repoRoot,
    env: { ...envFor(dataDir), PORT: String(port), HOST: '127.0.0.1', SCHEDULER: '0' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d) => {
    stderr += d;
  });
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  for (let i = 0; i < 480 && !exited; i++) {
    const up = await fetch(`http://127.0.0.1:${port}/api/health`)
      .then((r) => r.ok)
      .catch(() => false);
    if (up) return child;
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill('SIGKILL');
  throw new Error(`server did not start: ${stderr.slice(-2000)}`);
}

/** Stops a server started by startServe and waits for it to exit. */
export async function stopServe(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}
