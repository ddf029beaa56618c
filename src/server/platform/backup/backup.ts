import { createWriteStream, renameSync, rmSync } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { KEY_CHECK_SETTING } from '../crypto/key-check.js';
import type { Database, Tx } from '../db/client.js';
import { rowsOf } from '../db/rows.js';
import { BackupError } from './errors.js';
import { BACKUP_FORMAT, BACKUP_VERSION, type Manifest, rowLine } from './format.js';
import { type BackupTable, backupTables, knownMigrationCount } from './tables.js';

export interface BackupOptions {
  database: Database;
  out: string;
  now?: Date;
  /** Rows fetched per round trip. */
  batchSize?: number;
}

/**
 * Writes a logical backup: gzip of JSON lines, the manifest first, then every row of every table
 * in primary-key order. One REPEATABLE READ, read-only transaction gives a consistent snapshot even
 * while a server writes to PostgreSQL. Rows are fetched through a cursor, so tables of any size
 * stream. The file appears under its name only once it is complete.
 */
export async function backup(opts: BackupOptions): Promise<Manifest> {
  const tables = backupTables();
  const partial = `${opts.out}.partial`;
  try {
    const manifest = await opts.database.db.transaction(
      async (tx) => {
        const manifest = await readManifest(tx, opts, tables);
        const lines = Readable.from(backupLinesOf(tx, manifest, tables, opts.batchSize ?? 1000));
        await pipeline(lines, createGzip(), createWriteStream(partial, { mode: 0o600 }));
        return manifest;
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
    renameSync(partial, opts.out);
    return manifest;
  } catch (e) {
    rmSync(partial, { force: true });
    throw e;
  }
}

const one = async <T>(tx: Tx, query: ReturnType<typeof sql>) => rowsOf<T>(await tx.execute(query))[0];

async function readManifest(tx: Tx, opts: BackupOptions, tables: BackupTable[]): Promise<Manifest> {
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
  };
}

async function* backupLinesOf(tx: Tx, manifest: Manifest, tables: BackupTable[], batch: number) {
  yield `${JSON.stringify(manifest)}\n`;
  for (const t of tables) {
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
  }
}
