/**
 * The text of a spreadsheet cell, whatever shape the reader hands it over in: plain values, rich
 * text runs, hyperlinks, formulas with their cached result. Dates come back as YYYY-MM-DD (UTC,
 * as spreadsheet dates carry no time zone).
 */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText))
      return o.richText
        .map((r: { text?: string }) => r.text ?? '')
        .join('')
        .trim();
    if ('result' in o) return cellText(o.result);
    if (typeof o.text === 'string') return o.text.trim();
    if ('error' in o) return '';
  }
  return String(v).trim();
}

/** The value itself when it is a plain value, the cached result of a formula otherwise. */
export function cellValue(v: unknown): unknown {
  if (v && typeof v === 'object' && !(v instanceof Date)) {
    const o = v as Record<string, unknown>;
    if ('result' in o) return o.result;
    if (Array.isArray(o.richText) || typeof o.text === 'string') return cellText(v);
    if ('error' in o) return null;
  }
  return typeof v === 'string' ? v.trim() : v;
}

/** Full-width digits and punctuation typed with a Chinese input method, made ASCII. */
export function halfWidth(s: string): string {
  return s
    .replace(/[\uff10-\uff19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[．。]/g, '.')
    .replace(/[－—]/g, '-')
    .replace(/[／]/g, '/')
    .replace(/\u3000/g, ' ');
}
