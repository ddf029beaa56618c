import { birthDateAgainstId } from './birth-date.js';
import { cellValue, halfWidth } from './sheet-cell.js';

/** A date as a roster sheet holds it, to the precision it was written with. */
export interface RosterDate {
  year: number;
  month?: number;
  day?: number;
}

export type DateParse = { date: RosterDate } | { error: string } | null;

const BAD = { error: '日期格式不正确，应如 1990.01、1990-01-15 或 1990年1月' };
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

function checked(year: number, month?: number, day?: number): DateParse {
  if (year < 1900 || year > 2100) return { error: '年份不正确' };
  if (month === undefined) return { date: { year } };
  if (month < 1 || month > 12) return { error: '月份不正确' };
  if (day === undefined) return { date: { year, month } };
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return { error: '日期不存在' };
  return { date: { year, month, day } };
}

const fromUtc = (d: Date) => checked(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());

function fromNumber(n: number): DateParse {
  if (Number.isInteger(n)) {
    const s = String(n);
    if (s.length === 8) return checked(+s.slice(0, 4), +s.slice(4, 6), +s.slice(6));
    if (s.length === 6) return checked(+s.slice(0, 4), +s.slice(4));
    if (s.length === 4) return checked(n);
    // a date cell that lost its format: days since 1899-12-30
    if (n > 0 && n < 80_000) return fromUtc(new Date(EXCEL_EPOCH + n * 86_400_000));
    return BAD;
  }
  // 1990.01 typed into a General cell becomes the number 1990.01, and 1990.10 becomes 1990.1:
  // the roster convention writes two-digit months, so the fraction's two decimals are the month.
  const year = Math.trunc(n);
  const month = Math.round((n - year) * 100);
  if (Math.abs((n - year) * 100 - month) > 1e-6) return BAD;
  return checked(year, month);
}

const PATTERN =
  /^(\d{4})\s*(?:年|[.\-/]|$)\s*(?:(\d{1,2})\s*(?:月|[.\-/]|$)\s*(?:(\d{1,2})\s*(?:日|号)?)?)?$/;

function fromText(raw: string): DateParse {
  const s = halfWidth(raw)
    .trim()
    .replace(/[T\s]+\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?Z?$/, '')
    .replace(/[.\-/]$/, '');
  if (s === '') return null;
  if (/^\d{8}$|^\d{6}$/.test(s)) return fromNumber(Number(s));
  const m = PATTERN.exec(s);
  if (!m) return BAD;
  return checked(+m[1], m[2] === undefined ? undefined : +m[2], m[3] === undefined ? undefined : +m[3]);
}

/**
 * Reads a date cell: `1990.01`, `1990-01`, `1990/1/15`, `1990年1月`, `1990年1月15日`, `19900115`,
 * `199001`, `1990`, real spreadsheet dates, and numbers that were typed as `1990.01`. Blank is null.
 */
export function parseRosterDate(cell: unknown): DateParse {
  const v = cellValue(cell);
  if (v === null || v === undefined || v === '') return null;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? BAD : fromUtc(v);
  if (typeof v === 'number') return Number.isFinite(v) ? fromNumber(v) : BAD;
  return fromText(String(v));
}

const two = (n: number) => String(n).padStart(2, '0');

/** YYYY, YYYY-MM or YYYY-MM-DD, as precise as the date was written. */
export function isoOf(d: RosterDate): string {
  if (d.month === undefined) return String(d.year);
  if (d.day === undefined) return `${d.year}-${two(d.month)}`;
  return `${d.year}-${two(d.month)}-${two(d.day)}`;
}

/** The roster's way of writing a stored date: 1990.01 or 1990.01.15 (YYYY stays YYYY). */
export function dottedDate(iso: string | null | undefined): string {
  return iso ? iso.replaceAll('-', '.') : '';
}

/** A full date stored as the first of the month when only the month was known: written 1990.01. */
export function dottedMonthDate(iso: string | null | undefined): string {
  if (!iso) return '';
  return iso.endsWith('-01') ? dottedDate(iso.slice(0, 7)) : dottedDate(iso);
}

/**
 * 出生年月 as the roster writes it: to the month (1990.01) when reading that back with the ID
 * number gives the stored date, to the day otherwise.
 */
export function birthText(stored: string | null, idNumber: string | null): string {
  if (!stored) return '';
  const month = stored.slice(0, 7);
  const read = birthDateAgainstId(month, idNumber);
  const fromMonth = 'birthDate' in read ? read.birthDate : null;
  return (fromMonth === stored ? month : stored).replaceAll('-', '.');
}
