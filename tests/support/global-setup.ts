import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, openSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildCliBundle } from './cli-bundle.js';

/**
 * Bundles the command line for the spawned commands (`cli-bundle.ts`), and starts `prebuild-snapshots.ts` beside a whole-suite run (`vitest run`, `vitest run tests/…`), not
 * for a run of some files (the demo would be built for nothing). The files that start from the
 * demo run last (`sequencer.ts`), by when it is usually there. At the end it is stopped if still
 * running (it gives its lock back), and its output is shown if it failed.
 */
export default async function setup() {
  // the command line bundled for the spawned commands (`run-cli.ts`), in every run
  const cli = await buildCliBundle();
  process.env.JIANDU_TEST_CLI = cli.file;
  if (!wholeSuite(process.argv.slice(2))) return cli.remove;
  const log = path.join(mkdtempSync(path.join(os.tmpdir(), 'jiandu-prebuild-')), 'out.log');
  const out = openSync(log, 'w');
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', 'tests/support/prebuild-snapshots.ts'],
    { cwd: path.resolve(import.meta.dirname, '../..'), env: process.env, stdio: ['ignore', out, out] },
  );
  let stopping = false;
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return async () => {
    cli.remove();
    if (child.exitCode === null && child.signalCode === null) {
      stopping = true;
      child.kill('SIGTERM');
    }
    const code = await exited;
    if (code !== 0 && !stopping)
      console.error(`prebuild-snapshots failed (${code}):\n${readFileSync(log, 'utf8')}`);
  };
}

/** No file filters, or only the suite's folders: what `npm test` and `npm run test:pg` run. */
export function wholeSuite(argv: string[]): boolean {
  const filters = argv.filter((a) => !a.startsWith('-') && a !== 'run' && a !== 'watch');
  return filters.every((f) => /^(\.\/)?tests(\/integration)?\/?$/.test(f));
}
