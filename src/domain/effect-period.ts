import { addDays, addMonths } from './calendar.js';

/**
 * Effect periods (影响期) and minimum times in post, and the day they are over.
 *
 * Convention: a period counts its first day. The sanction rules say so ("处分期间自处分决定生效之日
 * 起计算", 纪律处分条例 / 政务处分法), and a tenure counts from the day the post was taken up.
 * A period of N months from D therefore covers D … the day before the same day N months later,
 * and it is over (the reason clears) ON that same day:
 *   6 months from 2025-03-15 → blocked through 2025-09-14, clears 2025-09-15.
 * Where the later month has no such day (D is the 29th–31st), the period runs to the end of that
 * month and clears on the 1st of the next one — a period is never shortened by a short month:
 *   12 months from 2024-02-29 → blocked through 2025-02-28, clears 2025-03-01;
 *   6 months from 2025-08-31 → blocked through 2026-02-28, clears 2026-03-01.
 * Years are 12 months each (1.5 years = 18 months); days are calendar days.
 */
export function periodClearsOn(from: string, amount: number, unit: string): string {
  if (unit === 'days') return addDays(from, amount);
  const months = unit === 'years' ? Math.round(amount * 12) : amount;
  const same = addMonths(from, months);
  return same.slice(8) === from.slice(8) ? same : addDays(same, 1);
}

/** "6 个月", "2 年", "1.5 年", "30 天". */
export function periodText(amount: number, unit: string): string {
  if (unit === 'years') return `${amount} 年`;
  if (unit === 'days') return `${amount} 天`;
  return `${amount} 个月`;
}
