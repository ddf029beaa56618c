import type { WorkCalendar } from '../../../domain/calendar.js';
import { addWorkingDays, isWorkingDay, workingDaysBetween } from '../../../domain/calendar.js';
import { type RefreshableCache, staleAfter } from '../caches.js';
import type { Queryable } from '../db/client.js';
import { calendarDays } from './schema.js';

/**
 * The working-day calendar from the database, held in memory. Reads never touch the database; the
 * copy is reloaded after edits and, when stale, by the context's cache refresh (see ../caches.ts).
 */
export class CalendarService implements RefreshableCache {
  readonly name = 'calendar';
  private cal: WorkCalendar = { holidays: new Set(), workdays: new Set() };
  private loadedAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly db: Queryable,
    private readonly now: () => Date,
    readonly refreshMs = 60_000,
  ) {}

  async load(): Promise<void> {
    const at = this.now().getTime();
    const rows = await this.db.select().from(calendarDays);
    this.cal = {
      holidays: new Set(rows.filter((r) => r.kind === 'holiday').map((r) => r.day)),
      workdays: new Set(rows.filter((r) => r.kind === 'workday').map((r) => r.day)),
    };
    this.loadedAt = at;
  }

  isStale(): boolean {
    return staleAfter(this.loadedAt, this.now().getTime(), this.refreshMs);
  }

  async current(): Promise<WorkCalendar> {
    return this.cal;
  }

  async addWorkingDays(start: string, n: number): Promise<string> {
    return addWorkingDays(start, n, this.cal);
  }

  async workingDaysBetween(from: string, to: string): Promise<number> {
    return workingDaysBetween(from, to, this.cal);
  }

  async isWorkingDay(day: string): Promise<boolean> {
    return isWorkingDay(day, this.cal);
  }
}
