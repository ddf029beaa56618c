import { is } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import * as schema from '../db/schema.js';

/**
 * Every column that holds a stored file's key: by convention, a column named `storage_key`. The
 * one list the orphan sweep (which files may go) and the backup (which files a restore needs)
 * both read, so a module that adds such a column is covered by both.
 */
export function fileKeyColumns(): FileKeyColumn[] {
  const out: FileKeyColumn[] = [];
  for (const value of Object.values(schema)) {
    if (!is(value, PgTable)) continue;
    const cfg = getTableConfig(value);
    const key = cfg.columns.filter((c) => c.primary).map((c) => c.name);
    const composite = cfg.primaryKeys[0]?.columns.map((c) => c.name) ?? [];
    const names = cfg.columns.map((c) => c.name);
    for (const c of cfg.columns)
      if (c.name === 'storage_key')
        out.push({
          table: value,
          column: c,
          tableName: cfg.name,
          columnName: c.name,
          key: key.length ? key : composite,
          label: names.includes('file_name') ? 'file_name' : null,
        });
  }
  return out.sort((a, b) => a.tableName.localeCompare(b.tableName));
}

export interface FileKeyColumn {
  table: PgTable;
  column: any;
  tableName: string;
  columnName: string;
  /** The row's primary key columns, to name a row whose file is missing. */
  key: string[];
  /** A column that names the file for people (`file_name`), when the table has one. */
  label: string | null;
}
