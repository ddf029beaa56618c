import { bigint, bigserial, index, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * Someone following a pledge from the portal (no account): a follow code (only its keyed digest is
 * kept) opens the pledge again; a phone number, if given, gets an SMS at each new progress entry
 * (SM4-sealed, with a keyed digest so one phone follows a pledge once). The code ends it.
 */
export const pledgeFollowers = pgTable(
  'pledge_followers',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    pledgeId: bigint('pledge_id', { mode: 'number' }).notNull(),
    codeDigest: text('code_digest').notNull(),
    phoneEnc: text('phone_enc'),
    phoneDigest: text('phone_digest'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('pledge_followers_code_uq').on(t.codeDigest),
    uniqueIndex('pledge_followers_phone_uq').on(t.pledgeId, t.phoneDigest),
    index('pledge_followers_pledge_idx').on(t.pledgeId),
  ],
);
