import { cellText } from './sheet-cell.js';

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Whether the database can hold this text. PostgreSQL `text` and `jsonb` cannot store NUL (U+0000),
 * and a lone UTF-16 surrogate is not a character at all (the driver would silently turn it into
 * U+FFFD).
 */
export function isStorableText(s: string): boolean {
  return !s.includes('\u0000') && !LONE_SURROGATE.test(s);
}

export const UNSTORABLE_MESSAGE = '含有无法保存的字符（如空字符或不完整的字符），请删除后重试';
export const UNSTORABLE_CELL_MESSAGE = '含有无法保存的字符（如空字符），请删除后重新导入';

/**
 * A sheet row with every cell whose text the database cannot hold blanked out, and the keys of those
 * cells, so the row reports them as problems instead of failing in the database.
 */
export function storableCells<K extends string>(
  cells: Partial<Record<K, unknown>>,
): { cells: Partial<Record<K, unknown>>; bad: K[] } {
  const out: Partial<Record<K, unknown>> = { ...cells };
  const bad: K[] = [];
  for (const key of Object.keys(cells) as K[]) {
    if (!isStorableText(cellText(cells[key]))) {
      bad.push(key);
      out[key] = null;
    }
  }
  return { cells: out, bad };
}
