/** Rows of a raw `db.execute(sql…)` result, the same on PGlite and node-postgres. */
export function rowsOf<T = Record<string, unknown>>(result: unknown): T[] {
  const r = result as { rows?: T[] };
  return (r.rows ?? (result as T[])) as T[];
}
