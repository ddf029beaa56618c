// Builds the web UI when its sources changed since the last build (npm start runs this first).
import { execSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname ?? path.dirname(new URL(import.meta.url).pathname), '..');
const stampFile = path.join(root, 'dist/web/.source-hash');

function walk(dir, out = []) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}

const files = [
  ...walk(path.join(root, 'src/web')),
  ...walk(path.join(root, 'src/domain')),
  path.join(root, 'vite.config.ts'),
  path.join(root, 'package-lock.json'),
]
  .filter((f) => existsSync(f))
  .sort();
const hash = createHash('sha256');
for (const f of files)
  hash
    .update(f)
    .update(String(statSync(f).size))
    .update(readFileSync(f));
const digest = hash.digest('hex');
if (
  !process.argv.includes('--force') &&
  existsSync(stampFile) &&
  readFileSync(stampFile, 'utf8') === digest
) {
  console.log('web UI is up to date');
} else {
  console.log('building the web UI…');
  execSync('npx vite build', { cwd: root, stdio: 'inherit' });
  writeFileSync(stampFile, digest);
}
