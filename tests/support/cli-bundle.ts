import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { repoRoot } from './run-cli.js';

/**
 * The command line as one file for the spawned commands of a test run: through tsx each `jiandu`
 * process spent ≈ 3–4 s loading and transforming hundreds of modules; bundled (packages left to
 * node_modules) it starts in ≈ 1.5 s. Built at the start of every run from the sources as they are
 * (esbuild, well under a second), inside the tree so packages and the project root resolve as from
 * the sources (`src/server/platform/paths.ts`); removed at the end. The tests of `bin/jiandu.mjs`
 * itself (crash, serve-stop) and the soak still start it through tsx.
 */
export async function buildCliBundle(): Promise<{ file: string; remove: () => void }> {
  const dir = path.join(repoRoot, 'node_modules', '.cache', `jiandu-test-cli-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'main.mjs');
  await build({
    entryPoints: [path.join(repoRoot, 'src/cli/main.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    outfile: file,
    logLevel: 'warning',
  });
  return { file, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
