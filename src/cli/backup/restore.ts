import { sql } from 'drizzle-orm';
import {
  recountPetitionDocuments,
  recountPetitionSteps,
} from '../../server/modules/petitions/stats/document-counts.js';
import type { Database, Queryable, Tx } from '../../server/platform/db/client.js';
import { migrate } from '../../server/platform/db/migrate.js';
import { rowsOf } from '../../server/platform/db/rows.js';
import { CliError } from '../errors.js';
import { checkRestored, type RestoreCheck } from './check.js';
import { backupLines, type Manifest, parseManifest, parseRowLine } from './format.js';
import { backupTables, knownMigrationCount } from './tables.js';

export interface RestoreOptions {
  database: Database;
  from: string;
  /** Rows per INSERT. */
  batchSize?: number;
}

export interface RestoreResult {
  manifest: Manifest;
  check: RestoreCheck;
}

/**
 * Restores a backup into an empty database: migrate, load every row in one transaction (with the
 * audit log's append-only triggers and the petition document and event triggers off for the load
 * only), move each sequence past its rows, count each petition's documents and last step again,
 * then check the copy against the manifest: row counts and the audit hash chain.
 */
export async function restore(opts: RestoreOptions): Promise<RestoreResult> {
  const lines = backupLines(opts.from);
  try {
    const manifest = parseManifest((await lines.next()).value || undefined);
    if (manifest.migrations > knownMigrationCount())
      throw new CliError('备份来自更新版本的系统，请先升级本系统再恢复');
    await refuseUnlessEmpty(opts.database.db);
    await migrate(opts.database);
    await opts.database.db.transaction(async (tx) => {
      await tx.execute(sql`alter table audit_log disable trigger user`);
      await tx.execute(sql`alter table petition_documents disable trigger user`);
      await tx.execute(sql`alter table petition_events disable trigger user`);
      await loadRows(tx, manifest, lines, opts.batchSize ?? 500);
      await resetSequences(tx);
      // the backup's counts, or none when it predates them: counted again from the documents
      await recountPetitionDocuments(tx);
      await recountPetitionSteps(tx);
      await tx.execute(sql`alter table petition_events enable trigger user`);
      await tx.execute(sql`alter table petition_documents enable trigger user`);
      await tx.execute(sql`alter table audit_log enable trigger user`);
    });
    return { manifest, check: await checkRestored(opts.database.db, manifest) };
  } finally {
    await lines.return(undefined);
  }
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
      throw new CliError(
        `目标数据库不是空的（表 ${t.name} 中已有数据），恢复只能写入空数据库：内置数据库请指定一个新的数据目录（DATA_DIR），PostgreSQL 请新建一个空数据库（DATABASE_URL）。`,
      );
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

async function loadRows(tx: Tx, manifest: Manifest, lines: AsyncGenerator<string>, batchSize: number) {
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
    const row = parseRowLine(line);
    if (row.table !== table) {
      await flush();
      const backedUp = known.get(row.table);
      if (!backedUp) throw new CliError(`备份文件格式不正确：表 ${row.table} 不在备份清单中`);
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
