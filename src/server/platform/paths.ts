import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The project's root folder (where its package.json is), found from this module wherever it runs
 * from: the sources through tsx, or a bundle of them elsewhere in the tree (the tests' bundled
 * command line). The migrations, the built web pages and the backup worker are found from it.
 */
export const projectRoot = rootFrom(path.dirname(fileURLToPath(import.meta.url)));

function rootFrom(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    const pkg = path.join(dir, 'package.json');
    if (existsSync(pkg) && JSON.parse(readFileSync(pkg, 'utf8')).name === 'jiandu') return dir;
    if (path.dirname(dir) === dir) throw new Error(`no jiandu package.json above ${start}`);
  }
}
