import { createHash, type Hash, randomBytes } from 'node:crypto';
import { constants, createReadStream } from 'node:fs';
import { type FileHandle, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { ensurePrivateDir } from '../db/private-files.js';
import { digestOfKey } from '../files/store.js';
import type { FilesSummary } from './format.js';

/** What became of a file a row refers to, after a restore. */
export type FileState = 'ok' | 'missing' | 'damaged' | 'absent';

/**
 * Where a restore puts the stored files a backup carries, and how its check asks about one. Each
 * file arrives in chunks and is hashed on the way; it counts only when its size and digest are the
 * ones its end line declares and its digest is the one its key names.
 */
export interface FileSink {
  chunk(key: string, base64: string): Promise<void>;
  end(key: string, size: number, sha256: string): Promise<void>;
  /** The backup says the source had no such file when it was read. */
  absent(key: string): void;
  /** The end line: what the backup says it carried. */
  trailer(summary: FilesSummary): void;
  /** Closes a file left without its end line (a cut backup). */
  finish(): Promise<void>;
  /** The state of a referenced file after the restore. */
  state(key: string): Promise<FileState>;
  written: number;
  bytes: number;
  summary: FilesSummary | null;
}

/** Reasons kept for files the backup could not give whole (a few; the check finds the rest anyway as missing). */
const MAX_REASONS = 1000;

abstract class Sink implements FileSink {
  written = 0;
  bytes = 0;
  summary: FilesSummary | null = null;
  protected refused = new Map<string, 'damaged' | 'absent'>();
  private current: { key: string; hash: Hash; size: number } | null = null;

  protected abstract open(key: string): Promise<void>;
  protected abstract write(bytes: Buffer): Promise<void>;
  /** Keeps the file (whole) or drops it. */
  protected abstract close(key: string, whole: boolean): Promise<void>;
  abstract state(key: string): Promise<FileState>;

  protected refuse(key: string, why: 'damaged' | 'absent') {
    if (this.refused.size < MAX_REASONS || this.refused.has(key)) this.refused.set(key, why);
  }

  private async start(key: string) {
    if (this.current?.key === key) return;
    await this.finish();
    this.current = { key, hash: createHash('sha256'), size: 0 };
    await this.open(key);
  }

  async chunk(key: string, base64: string) {
    await this.start(key);
    const bytes = Buffer.from(base64, 'base64');
    this.current!.hash.update(bytes);
    this.current!.size += bytes.length;
    await this.write(bytes);
  }

  async end(key: string, size: number, sha256: string) {
    await this.start(key);
    const c = this.current!;
    this.current = null;
    const digest = c.hash.digest('hex');
    const whole = c.size === size && digest === sha256 && digest === digestOfKey(key);
    await this.close(key, whole);
    if (!whole) return this.refuse(key, 'damaged');
    this.refused.delete(key);
    this.written++;
    this.bytes += size;
  }

  absent(key: string) {
    this.refuse(key, 'absent');
  }

  trailer(summary: FilesSummary) {
    this.summary = summary;
  }

  async finish() {
    const c = this.current;
    if (!c) return;
    this.current = null;
    await this.close(c.key, false);
    this.refuse(c.key, 'damaged');
  }

  protected reason(key: string): FileState {
    return this.refused.get(key) ?? 'missing';
  }
}

/**
 * Writes the files into a data folder's `files` (folders 700, files 600): each to a temporary
 * name, renamed to its key only when whole (a damaged one never takes its key's place). The check
 * then reads every referenced file back and hashes it.
 */
class FolderSink extends Sink {
  private handle: FileHandle | null = null;
  private tmp = '';
  private folders = new Set<string>();

  constructor(private readonly dir: string) {
    super();
  }

  protected async open(key: string) {
    const folder = path.join(this.dir, path.dirname(key));
    if (!this.folders.has(folder)) {
      ensurePrivateDir(this.dir);
      ensurePrivateDir(folder);
      this.folders.add(folder);
    }
    // the store's own temporary name: a restore cut short leaves nothing the orphan sweep misses
    this.tmp = `${path.join(this.dir, key)}.${randomBytes(6).toString('hex')}.tmp`;
    this.handle = await open(this.tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600);
  }

  protected async write(bytes: Buffer) {
    await this.handle!.write(bytes);
  }

  protected async close(key: string, whole: boolean) {
    const h = this.handle!;
    this.handle = null;
    try {
      if (whole) await h.sync();
    } finally {
      await h.close();
    }
    if (whole) await rename(this.tmp, path.join(this.dir, key));
    else await rm(this.tmp, { force: true });
  }

  async state(key: string): Promise<FileState> {
    const digest = await sha256Of(path.join(this.dir, key));
    if (digest === null) return this.reason(key);
    return digest === digestOfKey(key) ? 'ok' : 'damaged';
  }
}

/**
 * Writes nothing: each file is hashed as it streams by and its key remembered when whole (the
 * verification of a new backup in a scratch database; keys only, never the bytes).
 */
class CheckSink extends Sink {
  private whole = new Set<string>();

  protected async open() {}
  protected async write() {}
  protected async close(key: string, whole: boolean) {
    if (whole) this.whole.add(key);
    else this.whole.delete(key);
  }
  async state(key: string): Promise<FileState> {
    return this.whole.has(key) ? 'ok' : this.reason(key);
  }
}

/** The files go into `dir` (the target's DATA_DIR/files), or, with null, are only checked. */
export const fileSink = (dir: string | null): FileSink => (dir ? new FolderSink(dir) : new CheckSink());

/** A file's SHA-256, read in a stream; null when there is no such file. */
function sha256Of(file: string): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(file)
      .on('error', (e: NodeJS.ErrnoException) =>
        e.code === 'ENOENT' || e.code === 'EISDIR' || e.code === 'ENOTDIR' ? resolve(null) : reject(e),
      )
      .on('data', (d) => hash.update(d))
      .on('end', () => resolve(hash.digest('hex')));
  });
}
