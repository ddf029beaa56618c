import type { WorkCalendar } from '../../../domain/calendar.js';
import { addWorkingDays, isWorkingDay, workingDaysBetween } from '../../../domain/calendar.js';
import type { Queryable } from '../db/client.js';
import { calendarDays } from './schema.js';

/** The working-day calendar from the database, held in memory and reloaded after edits. */
export class CalendarService {
  private cal: WorkCalendar = { holidays: new Set(), workdays: new Set() };
  private loadedAt = 0;

  constructor(
    private readonly db: Queryable,
    private readonly refreshMs = 60_000,
  ) {}

  async load(): Promise<void> {
    const rows = await this.db.select().from(calendarDays);
    this.cal = {
      holidays: new Set(rows.filter((r) => r.kind === 'holiday').map((r) => r.day)),
      workdays: new Set(rows.filter((r) => r.kind === 'workday').map((r) => r.day)),
    };
    this.loadedAt = Date.now();
  }

  async current(): Promise<WorkCalendar> {
    if (Date.now() - this.loadedAt > this.refreshMs) await this.load();
    return this.cal;
  }

  async addWorkingDays(start: string, n: number): Promise<string> {
    return addWorkingDays(start, n, await this.current());
  }

  async workingDaysBetween(from: string, to: string): Promise<number> {
    return workingDaysBetween(from, to, await this.current());
  }

  async isWorkingDay(day: string): Promise<boolean> {
    return isWorkingDay(day, await this.current());
  }
}
