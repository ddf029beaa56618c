import { createRequire } from 'node:module';
import type { Queryable } from '../db/client.js';
import { calendarDays } from './schema.js';

const require = createRequire(import.meta.url);

/** Public holidays and 调休 days from the chinese-days package, as calendar rows (name without the English part). */
export function chineseDaysRows(): { day: string; kind: 'holiday' | 'workday'; name: string }[] {
  const data = require('chinese-days/dist/chinese-days.json') as {
    holidays: Record<string, string>;
    workdays: Record<string, string>;
  };
  const name = (s: string) => s.split(',')[1] ?? s;
  return [
    ...Object.entries(data.holidays).map(([day, n]) => ({ day, kind: 'holiday' as const, name: name(n) })),
    ...Object.entries(data.workdays).map(([day, n]) => ({
      day,
      kind: 'workday' as const,
      name: `${name(n)}调休上班`,
    })),
  ];
}

/** Adds the package's days that the table does not have yet; never overwrites an administrator's edit. */
export async function seedCalendar(db: Queryable): Promise<number> {
  const rows = chineseDaysRows();
  let added = 0;
  for (let i = 0; i < rows.length; i += 500) {
    const batch = rows.slice(i, i + 500);
    const res = await db
      .insert(calendarDays)
      .values(batch.map((r) => ({ ...r, source: 'chinese-days' })))
      .onConflictDoNothing()
      .returning({ day: calendarDays.day });
    added += res.length;
  }
  return added;
}

let packageIndex: Map<string, { kind: 'holiday' | 'workday'; name: string }> | null = null;

/** The package's entry for a day, if it has one. */
export function packageDay(day: string) {
  packageIndex ??= new Map(chineseDaysRows().map((r) => [r.day, { kind: r.kind, name: r.name }]));
  return packageIndex.get(day) ?? null;
}
