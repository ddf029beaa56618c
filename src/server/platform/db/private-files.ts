import { chmodSync, lstatSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';

/**
 * The data folder holds the database, the field key, backups and uploads: only the server's own
 * account may read them. Folders are 700, files 600, whatever the umask says (PGlite writes its
 * initial files as 666).
 */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  restrict(dir, true);
}

function restrict(p: string, isDir: boolean): void {
  try {
    const want = isDir ? 0o700 : 0o600;
    const mode = lstatSync(p).mode & 0o777;
    if (mode & 0o077) chmodSync(p, mode & want);
  } catch {
    // not ours to change (another owner): leave it, the folder above keeps others out
  }
}

/** Takes group and other permissions away from everything under `dir` (symbolic links are left alone). */
export function restrictTree(dir: string): void {
  let entries: import('node:fs').Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  restrict(dir, true);
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) restrictTree(p);
    else if (e.isFile()) restrict(p, false);
  }
}
