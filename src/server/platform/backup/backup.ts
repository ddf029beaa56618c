import { createHash } from 'node:crypto';
import { createWriteStream, renameSync, rmSync } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { KEY_CHECK_SETTING } from '../crypto/key-check.js';
import type { Database, Tx } from '../db/client.js';
import { rowsOf } from '../db/rows.js';
import { type FileKeyColumn, fileKeyColumns } from '../files/references.js';
import { digestOfKey, isStorageKey } from '../files/store.js';
import { BackupError } from './errors.js';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  endLine,
  FILE_CHUNK_BYTES,
  type FilesSummary,
  fileAbsentLine,
  fileChunkLine,
  fileEndLine,
  MAX_LISTED_PROBLEMS,
  type Manifest,
  rowLine,
} from './format.js';
import { type BackupTable, backupTables, knownMigrationCount } from './tables.js';

export interface BackupOptions {
  database: Database;
  out: string;
  /** DATA_DIR/files of the system backed up: the stored files its rows refer to are read from here. */
  filesDir: string;
  now?: Date;
  /** Rows fetched per round trip. */
  batchSize?: number;
  /** Told after each table and after the files: `done` steps of `total` (the tables, then the files). */
  onProgress?: (done: number, total: number) => void;
}

export interface BackupMade {
  manifest: Manifest;
  /** The files carried, and those a row refers to that could not be (absent or damaged). */
  files: FilesSummary;
}

/**
 * Writes a logical backup: gzip of JSON lines, the manifest first, then every row of every table
 * in primary-key order, then every stored file a row refers to (`storage_key` columns, the list
 * the orphan sweep reads), each in chunks with its size and digest, and an end line. One
 * REPEATABLE READ, read-only transaction gives a consistent snapshot even while a server writes to
 * PostgreSQL; the files are read while it is open. A stored file is written once under its digest
 * and never changed, so the files the snapshot refers to are the ones it saw. Rows and file keys
 * are fetched through cursors and files read in chunks, so any amount streams. A referenced file
 * the folder no longer has is noted in the backup and reported, never skipped quietly. The file
 * appears under its name only once it is complete.
 */
export async function backup(opts: BackupOptions): Promise<BackupMade> {
  const tables = backupTables();
  const columns = fileKeyColumns();
  const partial = `${opts.out}.partial`;
  const files: FilesSummary = { count: 0, bytes: 0, problems: [], problemCount: 0 };
  try {
    const manifest = await opts.database.db.transaction(
      async (tx) => {
        const manifest = await readManifest(tx, opts, tables, columns);
        const lines = Readable.from(
          backupLinesOf(tx, manifest, tables, opts.batchSize ?? 1000, opts.onProgress, () =>
            fileLinesOf(tx, opts.filesDir, columns, files, () =>
              opts.onProgress?.(tables.length + 1, tables.length + 1),
            ),
          ),
        );
        await pipeline(lines, createGzip(), createWriteStream(partial, { mode: 0o600 }));
        return manifest;
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
    renameSync(partial, opts.out);
    return { manifest, files };
  } catch (e) {
    rmSync(partial, { force: true });
    throw e;
  }
}

const one = async <T>(tx: Tx, query: ReturnType<typeof sql>) => rowsOf<T>(await tx.execute(query))[0];

async function readManifest(
  tx: Tx,
  opts: BackupOptions,
  tables: BackupTable[],
  columns: FileKeyColumn[],
): Promise<Manifest> {
  const reg = await one<{ m: string | null }>(
    tx,
    sql`select to_regclass('drizzle.__drizzle_migrations')::text as m`,
  );
  const migrations = reg?.m
    ? Number((await one<{ n: string }>(tx, sql`select count(*) as n from drizzle.__drizzle_migrations`))?.n)
    : 0;
  if (migrations < knownMigrationCount())
    throw new BackupError('数据库结构不是最新版本，请先执行 jiandu migrate（或启动一次服务）再备份');
  const counts: Manifest['tables'] = [];
  for (const t of tables) {
    const row = await one<{ n: string }>(tx, sql`select count(*) as n from ${sql.identifier(t.name)}`);
    counts.push({ name: t.name, rows: Number(row?.n ?? 0), columns: t.columns });
  }
  const last = await one<{ id: string; hash: string }>(
    tx,
    sql`select id, hash from audit_log order by id desc limit 1`,
  );
  const key = await one<{ value: string }>(
    tx,
    sql`select value from settings where key = ${KEY_CHECK_SETTING}`,
  );
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    createdAt: (opts.now ?? new Date()).toISOString(),
    source: opts.database.kind,
    migrations,
    tables: counts,
    audit: { lastId: last ? Number(last.id) : null, lastHash: last?.hash ?? null },
    fieldKey: key ? { check: key.value } : null,
    files: { columns: columns.map((c) => `${c.tableName}.${c.columnName}`) },
  };
}

async function* backupLinesOf(
  tx: Tx,
  manifest: Manifest,
  tables: BackupTable[],
  batch: number,
  onProgress: BackupOptions['onProgress'],
  files: () => AsyncGenerator<string>,
) {
  yield `${JSON.stringify(manifest)}\n`;
  for (const [i, t] of tables.entries()) {
    const order = sql.join(
      t.key.map((k) => sql.identifier(k)),
      sql`, `,
    );
    await tx.execute(
      sql`declare jd_backup no scroll cursor for select row_to_json(x)::text as r from ${sql.identifier(t.name)} x order by ${order}`,
    );
    for (;;) {
      const rows = rowsOf<{ r: string }>(await tx.execute(sql.raw(`fetch ${batch} from jd_backup`)));
      if (rows.length === 0) break;
      let chunk = '';
      for (const row of rows) chunk += rowLine(t.name, row.r);
      yield chunk;
    }
    await tx.execute(sql`close jd_backup`);
    onProgress?.(i + 1, tables.length + 1);
  }
  yield* files();
}

/**
 * Every stored file the snapshot's rows refer to, once each (in key order), then the end line
 * with what was carried. `summary` is filled in on the way.
 */
async function* fileLinesOf(
  tx: Tx,
  dir: string,
  columns: FileKeyColumn[],
  summary: FilesSummary,
  done: () => void,
): AsyncGenerator<string> {
  if (columns.length) {
    const keys = sql.join(
      columns.map(
        (c) => sql`select ${sql.identifier(c.columnName)} as k from ${sql.identifier(c.tableName)}`,
      ),
      sql` union `,
    );
    await tx.execute(
      sql`declare jd_files no scroll cursor for select distinct k from (${keys}) x where k is not null order by k`,
    );
    const buffer = Buffer.allocUnsafe(FILE_CHUNK_BYTES);
    for (;;) {
      const rows = rowsOf<{ k: string }>(await tx.execute(sql.raw('fetch 500 from jd_files')));
      if (rows.length === 0) break;
      for (const { k } of rows) yield* oneFile(dir, k, buffer, summary);
    }
    await tx.execute(sql`close jd_files`);
  }
  done();
  yield endLine(summary);
}

const noteProblem = (summary: FilesSummary, key: string, problem: 'absent' | 'damaged') => {
  summary.problemCount++;
  if (summary.problems.length < MAX_LISTED_PROBLEMS) summary.problems.push({ key, problem });
};

/** One file's lines: its content in chunks (each encoded before the buffer is read into again), then its size and digest. */
async function* oneFile(
  dir: string,
  key: string,
  buffer: Buffer,
  summary: FilesSummary,
): AsyncGenerator<string> {
  if (!isStorageKey(key)) {
    // not a name the store ever gives: nothing to read, and no path is made of it
    noteProblem(summary, key, 'absent');
    return;
  }
  let handle: FileHandle;
  try {
    handle = await open(path.join(dir, key), 'r');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') throw e;
    noteProblem(summary, key, 'absent');
    yield fileAbsentLine(key);
    return;
  }
  try {
    const hash = createHash('sha256');
    let size = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      const part = buffer.subarray(0, bytesRead);
      hash.update(part);
      size += bytesRead;
      yield fileChunkLine(key, part);
    }
    const sha256 = hash.digest('hex');
    yield fileEndLine(key, size, sha256);
    if (sha256 !== digestOfKey(key)) noteProblem(summary, key, 'damaged');
    else {
      summary.count++;
      summary.bytes += size;
    }
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EISDIR') throw e;
    noteProblem(summary, key, 'absent');
    yield fileAbsentLine(key);
  } finally {
    await handle.close();
  }
}
