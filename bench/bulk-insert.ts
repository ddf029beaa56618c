/** A raw connection: node-postgres pool or PGlite; both take array parameters. */
export interface RawDb {
  query(text: string, params?: unknown[]): Promise<{ rows: any[] }>;
}

export interface Column {
  name: string;
  type: string;
  /** The expression to insert, over the unnested value `v` (default: `v` itself). */
  expr?: (v: string) => string;
}

/** Columns from `name type, name type, …`. */
export const columns = (spec: string): Column[] =>
  spec.split(',').map((c) => {
    const [name, type] = c.trim().split(/\s+/);
    return { name, type };
  });

/**
 * Inserts rows with one parameter per column (`unnest` of arrays), so a batch of 5,000 wide rows
 * stays far below the protocol's 65,535-parameter limit.
 */
export async function insertUnnest(db: RawDb, table: string, columns: Column[], rows: unknown[][]) {
  if (!rows.length) return;
  const aliases = columns.map((_, i) => `c${i}`);
  const text = `insert into ${table} (${columns.map((c) => c.name).join(', ')})
    select ${columns.map((c, i) => (c.expr ? c.expr(aliases[i]) : aliases[i])).join(', ')}
    from unnest(${columns.map((c, i) => `$${i + 1}::${c.type}[]`).join(', ')}) as u(${aliases.join(', ')})`;
  await db.query(
    text,
    columns.map((_, i) => rows.map((r) => r[i] ?? null)),
  );
}

/**
 * Drops the secondary indexes of the tables (bulk loads are far faster without them) and switches
 * their triggers off (the rows come with what the triggers would keep, e.g. petitions' document
 * counts); returns a function that builds the indexes again from their saved definitions, switches
 * the triggers back on, then vacuums and analyzes the tables.
 */
export async function withoutIndexes(db: RawDb, tables: string[], log: (s: string) => void) {
  const { rows } = await db.query(
    `select i.indexname, i.indexdef from pg_indexes i
      where i.schemaname = 'public' and i.tablename = any($1::text[])
        and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`,
    [tables],
  );
  for (const r of rows) await db.query(`drop index ${r.indexname}`);
  for (const t of tables) await db.query(`alter table ${t} disable trigger user`);
  return async () => {
    for (const t of tables) await db.query(`alter table ${t} enable trigger user`);
    const t0 = performance.now();
    await db.query(`set maintenance_work_mem = '512MB'`).catch(() => {});
    for (const r of rows) await db.query(r.indexdef);
    // as autovacuum would in time: statistics, and the visibility map that index-only scans need
    for (const t of tables) await db.query(`vacuum (analyze) ${t}`);
    log(`  ${rows.length} indexes rebuilt in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  };
}
