import { bigint, date, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Exceptions to the Monday–Friday week: public holidays (kind=holiday) and 调休 make-up working days (kind=workday). */
export const calendarDays = pgTable('calendar_days', {
  day: date('day', { mode: 'string' }).primaryKey(),
  kind: text('kind').notNull(), // holiday | workday
  name: text('name').notNull(),
  source: text('source').notNull().default('chinese-days'), // chinese-days | manual
  updatedBy: bigint('updated_by', { mode: 'number' }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
