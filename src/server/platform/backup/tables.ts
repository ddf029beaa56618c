import { readFileSync } from 'node:fs';
import path from 'node:path';
import { is } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { migrationsFolder } from '../db/migrate.js';
import * as schema from '../db/schema.js';

export interface BackupTable {
  name: string;
  columns: string[];
  /** Columns of the primary key, in order; the rows are read in this order. */
  key: string[];
}

/**
 * Derived data, rebuilt from the records when asked and dropped by triggers when the records
 * change: not backed up, and a restore starts without it (its triggers would drop it anyway).
 */
export const DERIVED_TABLES = new Set(['petition_figure_cubes', 'petition_figure_cells', 'structure_cubes']);

/** Every table of db/schema.ts but the derived ones, by name, with its columns and primary key. */
export function backupTables(): BackupTable[] {
  const tables: BackupTable[] = [];
  for (const value of Object.values(schema)) {
    if (!is(value, PgTable)) continue;
    const cfg = getTableConfig(value);
    if (DERIVED_TABLES.has(cfg.name)) continue;
    const single = cfg.columns.filter((c) => c.primary).map((c) => c.name);
    const composite = cfg.primaryKeys[0]?.columns.map((c) => c.name) ?? [];
    const columns = cfg.columns.map((c) => c.name);
    tables.push({
      name: cfg.name,
      columns,
      key: single.length ? single : composite.length ? composite : columns,
    });
  }
  return tables.sort((a, b) => a.name.localeCompare(b.name));
}

/** How many migrations this version of the system knows. */
export function knownMigrationCount(): number {
  const journal = JSON.parse(readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8'));
  return journal.entries.length;
}
