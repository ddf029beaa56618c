import { bigint, boolean, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * What the leaders directory publishes of a tenure (a person in a post): 分工, the office phone,
 * hours, and whether the person agreed to show their mobile (the registry's `cadres.phone`). No row:
 * the post and name only. Kept per tenure, so a new post asks again.
 */
export const leaderContacts = pgTable('leader_contacts', {
  tenureId: bigint('tenure_id', { mode: 'number' }).primaryKey(),
  duties: text('duties'),
  officePhone: text('office_phone'),
  hours: text('hours'),
  /** The person agreed to have their mobile number published. */
  mobileConsent: boolean('mobile_consent').notNull().default(false),
  version: integer('version').notNull().default(1),
  updatedBy: bigint('updated_by', { mode: 'number' }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
