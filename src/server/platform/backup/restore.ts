import { sql } from 'drizzle-orm';
import {
  recountPetitionDocuments,
  recountPetitionSteps,
} from '../../modules/petitions/stats/document-counts.js';
import { type FoundKey, keyCheckOf, shortFingerprint } from '../crypto/key-check.js';
import type { Database, Queryable, Tx } from '../db/client.js';
import { migrate } from '../db/migrate.js';
import { rowsOf } from '../db/rows.js';
import { ORG_NAME_INDEX, RENAME_DUPLICATE_ORG_NAMES } from '../orgs/name-taken.js';
import { checkRestored, type RestoreCheck } from './check.js';
import { BackupError } from './errors.js';
import { backupLines, type Manifest, parseLine, parseManifest } from './format.js';
import { type FileSink, fileSink } from './restore-files.js';
import { backupTables, knownMigrationCount } from './tables.js';

export interface RestoreOptions {
  database: Database;
  from: string;
  /**
   * The target's DATA_DIR/files: the stored files the backup carries are written there (folders
   * 700, files 600), each only when whole. Null: the files are checked as they stream by and
   * written nowhere (verifying a new backup in a scratch database).
   */
  filesDir: string | null;
  /** The field key the restored system will run with (FIELD_KEY or the target's field.key), if any. */
  fieldKey: FoundKey | null;
  /** Restore although that key is missing or not the backup's (the server will then refuse to start). */
  ignoreKeyMismatch?: boolean;
  /** Rows per INSERT. */
  batchSize?: number;
}

export interface RestoreResult {
  manifest: Manifest;
  check: RestoreCheck;
}

/**
 * Restores a backup into an empty database: migrate, load every row in one transaction (with the
 * audit log's append-only triggers and the petition document and event triggers off for the load only),
 * write the stored files it carries into the target's files folder, move each sequence past its
 * rows, count each petition's documents again, then check the copy against the manifest: row
 * counts, the audit hash chain, and every file a row refers to present with its digest.
 */
export async function restore(opts: RestoreOptions): Promise<RestoreResult> {
  const lines = backupLines(opts.from);
  const files = fileSink(opts.filesDir);
  try {
    const manifest = parseManifest((await lines.next()).value || undefined);
    if (manifest.migrations > knownMigrationCount())
      throw new BackupError('备份来自更新版本的系统，请先升级本系统再恢复');
    refuseForeignKey(manifest, opts);
    await refuseUnlessEmpty(opts.database.db);
    await migrate(opts.database);
    await opts.database.db.transaction(async (tx) => {
      await tx.execute(sql`alter table audit_log disable trigger user`);
      await tx.execute(sql`alter table petition_documents disable trigger user`);
      await tx.execute(sql`alter table petition_events disable trigger user`);
      // the stored structure counts are not restored: nothing for their triggers to drop
      for (const table of ['tenures', 'cadres', 'orgs'])
        await tx.execute(sql.raw(`alter table ${table} disable trigger user`));
      // a backup from before org names were unique may hold duplicates: renamed as the migration does
      await tx.execute(sql`drop index if exists orgs_parent_name_uq`);
      await clearMigrationSeeds(tx, manifest);
      await load(tx, manifest, lines, files, opts.batchSize ?? 500);
      await files.finish();
      await tx.execute(RENAME_DUPLICATE_ORG_NAMES);
      await tx.execute(ORG_NAME_INDEX);
      await resetSequences(tx);
      // the backup's counts, or none when it predates them: counted again from the documents
      await recountPetitionDocuments(tx);
      await recountPetitionSteps(tx);
      for (const table of ['tenures', 'cadres', 'orgs'])
        await tx.execute(sql.raw(`alter table ${table} enable trigger user`));
      await tx.execute(sql`alter table petition_events enable trigger user`);
      await tx.execute(sql`alter table petition_documents enable trigger user`);
      await tx.execute(sql`alter table audit_log enable trigger user`);
    });
    return {
      manifest,
      check: await checkRestored(opts.database.db, manifest, opts.fieldKey?.key ?? null, files),
    };
  } finally {
    await files.finish();
    await lines.return(undefined);
  }
}

/** A backup whose data is sealed with another key than the one the restored system will have is refused. */
function refuseForeignKey(manifest: Manifest, opts: RestoreOptions) {
  const want = manifest.fieldKey?.check;
  if (!want || opts.ignoreKeyMismatch) return;
  const fp = shortFingerprint(want);
  const override =
    '如确要在没有原密钥的情况下恢复，可加 --ignore-key-mismatch，但恢复后的系统在得到原密钥之前会拒绝启动。';
  const overrideEn =
    'To restore anyway, add --ignore-key-mismatch; the restored system will then refuse to start until it is given the original key.';
  if (!opts.fieldKey)
    throw new BackupError(
      `无法恢复：备份中的加密数据使用指纹为 ${fp} 的字段加密密钥，但没有找到密钥。请设置环境变量 FIELD_KEY 为原密钥，或把原来的 field.key 复制到目标数据目录（DATA_DIR）后再恢复。${override}\n` +
        `Cannot restore: the backup's sealed data uses the field encryption key of fingerprint ${fp}, but no key was found. Set FIELD_KEY to the original key or copy the original field.key into the target DATA_DIR. ${overrideEn}`,
    );
  const have = shortFingerprint(keyCheckOf(opts.fieldKey.key));
  if (have !== fp)
    throw new BackupError(
      `无法恢复：字段加密密钥与备份不符。备份的密钥指纹为 ${fp}，当前密钥（来自 ${opts.fieldKey.from}）的指纹为 ${have}。请提供备份时使用的原密钥（FIELD_KEY 或 DATA_DIR/field.key）。${override}\n` +
        `Cannot restore: the field encryption key does not match the backup (backup ${fp}, key from ${opts.fieldKey.from} ${have}). Provide the original key (FIELD_KEY or DATA_DIR/field.key). ${overrideEn}`,
    );
}

async function refuseUnlessEmpty(db: Queryable) {
  for (const t of backupTables()) {
    const [reg] = rowsOf<{ r: string | null }>(
      await db.execute(sql`select to_regclass(${t.name})::text as r`),
    );
    if (!reg?.r) continue;
    const [row] = rowsOf<{ any: boolean }>(
      await db.execute(sql`select exists(select 1 from ${sql.identifier(t.name)}) as any`),
    );
    if (row?.any)
      throw new BackupError(
        `目标数据库不是空的（表 ${t.name} 中已有数据），恢复只能写入空数据库：内置数据库请指定一个新的数据目录（DATA_DIR），PostgreSQL 请新建一个空数据库（DATABASE_URL）。`,
      );
  }
}

/**
 * Rows a migration wrote into the empty database (the openness catalogue's defaults) give way to the
 * backup's rows of the same table, which hold them as the backed-up system had them; a table the
 * backup does not have (an older backup) keeps the migration's rows.
 */
async function clearMigrationSeeds(tx: Tx, manifest: Manifest) {
  const present = new Set(
    rowsOf<{ table_name: string }>(
      await tx.execute(
        sql`select table_name from information_schema.tables where table_schema = current_schema()`,
      ),
    ).map((r) => r.table_name),
  );
  for (const { name } of manifest.tables) {
    if (!present.has(name)) continue;
    const t = sql.identifier(name);
    const [row] = rowsOf<{ any: boolean }>(await tx.execute(sql`select exists (select 1 from ${t}) as any`));
    if (row?.any) await tx.execute(sql`delete from ${t}`);
  }
}

/** Columns the target table accepts: those named in the backup that it still has, generated ones left out. */
async function insertableColumns(tx: Tx, table: string, backedUp: string[]): Promise<string[]> {
  const rows = rowsOf<{ column_name: string }>(
    await tx.execute(
      sql`select column_name from information_schema.columns where table_schema = current_schema() and table_name = ${table} and is_generated = 'NEVER'`,
    ),
  );
  const have = new Set(rows.map((r) => r.column_name));
  return backedUp.filter((c) => have.has(c));
}

/** Every row into its table in batches; the files, which follow the rows, to the sink. */
async function load(
  tx: Tx,
  manifest: Manifest,
  lines: AsyncGenerator<string>,
  files: FileSink,
  batchSize: number,
) {
  const known = new Map(manifest.tables.map((t) => [t.name, t.columns]));
  const columns = new Map<string, string[]>();
  let table = '';
  let batch: string[] = [];
  const flush = async () => {
    if (!batch.length) return;
    const cols = sql.join(
      (columns.get(table) ?? []).map((c) => sql.identifier(c)),
      sql`, `,
    );
    const json = `[${batch.join(',')}]`;
    const t = sql.identifier(table);
    await tx.execute(
      sql`insert into ${t} (${cols}) overriding system value select ${cols} from json_populate_recordset(null::${t}, ${json}::json)`,
    );
    batch = [];
  };
  for await (const line of lines) {
    const row = parseLine(line);
    if (row.kind !== 'row') {
      await flush();
      if (row.kind === 'chunk') await files.chunk(row.key, row.data);
      else if (row.kind === 'file') await files.end(row.key, row.size, row.sha256);
      else if (row.kind === 'absent') files.absent(row.key);
      else files.trailer(row.summary);
      continue;
    }
    if (row.table !== table) {
      await flush();
      const backedUp = known.get(row.table);
      if (!backedUp) throw new BackupError(`备份文件格式不正确：表 ${row.table} 不在备份清单中`);
      table = row.table;
      if (!columns.has(table)) columns.set(table, await insertableColumns(tx, table, backedUp));
    }
    batch.push(row.row);
    if (batch.length >= batchSize) await flush();
  }
  await flush();
}

/** Every serial column's sequence continues after the largest restored value. */
async function resetSequences(tx: Tx) {
  const serials = rowsOf<{ table_name: string; column_name: string }>(
    await tx.execute(
      sql`select table_name, column_name from information_schema.columns where table_schema = current_schema() and column_default like 'nextval(%'`,
    ),
  );
  for (const s of serials) {
    const t = sql.identifier(s.table_name);
    const c = sql.identifier(s.column_name);
    await tx.execute(
      sql`select setval(pg_get_serial_sequence(${`"${s.table_name}"`}, ${s.column_name}), coalesce((select max(${c}) from ${t}), 0) + 1, false)`,
    );
  }
}
