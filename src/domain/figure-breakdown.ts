/**
 * The breakdowns of a figure beside its own dimension: by month of its period date, by child org.
 * Pure rules: which months a period spans, a month's days, and what a slice key may look like.
 */

/** The months `YYYY-MM` from the month of `from` to the month of `to`, in order. */
export function monthsOf(from: string, to: string): string[] {
  if (to < from) return [];
  const out: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const last = to.slice(0, 7);
  for (;;) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    if (key > last) return out;
    out.push(key);
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
}

/** The first and last day of a month `YYYY-MM`. */
export function monthDays(month: string): { first: string; last: string } {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { first: `${month}-01`, last: `${month}-${String(days).padStart(2, '0')}` };
}

/** `2026-03` → 2026年3月 */
export const monthLabel = (month: string) => `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;

/** Is `key` a slice key of the breakdown: a month `YYYY-MM` (01–12), or an org id. Returns a Chinese message, or null. */
export function sliceKeyProblem(by: 'month' | 'org', key: string): string | null {
  if (by === 'month')
    return /^\d{4}-(0[1-9]|1[0-2])$/.test(key) ? null : '按月分组的取值应为“2026-03”这样的年月';
  return /^[1-9]\d{0,15}$/.test(key) ? null : '按单位分组的取值应为单位编号';
}
