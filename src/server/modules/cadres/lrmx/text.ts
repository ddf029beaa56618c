/**
 * Cleaning of the text real .lrmx files hold: full-width digits and spaces typed in Chinese input
 * mode, non-breaking spaces, dates written 1990.01 / 1990.1 / 199001 / 1990年1月.
 */

/** Full-width digits, Latin letters and spaces become half-width; Chinese punctuation stays. */
export function halfWidth(s: string): string {
  return s
    .replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g, (c) =>
      String.fromCharCode(c.charCodeAt(0) - 0xfee0),
    )
    .replace(/[\u3000\u00A0\u2002-\u200B]/g, ' ');
}

/** A single-line value: half-width, trimmed, inner runs of spaces kept as one. */
export function cleanLine(s: string): string {
  return halfWidth(s).replace(/\s+/g, ' ').trim();
}

/** Multi-line text (简历, 奖惩情况): each line trimmed, blank lines dropped, line breaks unified. */
export function cleanBlock(s: string): string {
  return halfWidth(s)
    .split(/\r\n|\r|\n/)
    .map((l) => l.replace(/\s+$/, '').replace(/^\s+/, ''))
    .filter((l) => l !== '')
    .join('\n');
}

function validDay(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The first date in the text, as YYYY, YYYY-MM or YYYY-MM-DD, with where it was found; null when
 * there is none. Accepts 199001, 19900115, 1990.01, 1990.1, 1990-1-5, 1990/01, 1990年1月5日.
 */
export function findDate(raw: string): { date: string; index: number; length: number } | null {
  const s = halfWidth(raw);
  const re =
    /(?<!\d)(?:(\d{4})(\d{2})(\d{2})?|(\d{4})\s*[.\-/年．]\s*(\d{1,2})(?:\s*[.\-/月．]\s*(\d{1,2})\s*日?|\s*月)?|(\d{4})\s*年?)(?!\d)/g;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    const y = Number(m[1] ?? m[4] ?? m[7]);
    const mo = m[2] ?? m[5];
    const d = m[3] ?? m[6];
    if (y < 1900 || y > 2100) continue;
    if (mo === undefined) return { date: String(y), index: m.index, length: m[0].length };
    const month = Number(mo);
    if (month < 1 || month > 12) continue;
    if (d === undefined) return { date: `${y}-${pad(month)}`, index: m.index, length: m[0].length };
    if (!validDay(y, month, Number(d))) continue;
    return { date: `${y}-${pad(month)}-${pad(Number(d))}`, index: m.index, length: m[0].length };
  }
  return null;
}

/** The whole value as a date (nothing else in it but spaces); null when it is not one. */
export function parseDate(raw: string): string | null {
  const s = cleanLine(raw);
  const found = findDate(s);
  if (!found) return null;
  const rest = (s.slice(0, found.index) + s.slice(found.index + found.length)).replace(/[\s.。]/g, '');
  return rest === '' ? found.date : null;
}

/** YYYY-MM-DD → 19900115, YYYY-MM → 199001 (the compact form the editor writes). */
export const compactDate = (d: string | null | undefined): string => (d ? d.replaceAll('-', '') : '');

/** YYYY-MM(-DD) → 1990.01, as résumé lines and 奖惩 lines write it. */
export const dottedMonth = (d: string): string => d.slice(0, 7).replace('-', '.');
