import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

/** Org tree: district → township → department / village → group. `path` is `/1/5/12/` for subtree queries. */
export const orgs = pgTable(
  'orgs',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    parentId: bigint('parent_id', { mode: 'number' }),
    name: text('name').notNull(),
    kind: text('kind').notNull(), // district | township | department | village | group
    code: text('code'),
    /**
     * The prefix of the petition numbers this org gives (DX → DX-XF2026-0052), unique across the
     * tree. Null until set by the administrator or first needed (then suggested from the name's
     * pinyin initials); changing it never renumbers the cases already registered.
     */
    petitionPrefix: text('petition_prefix'),
    path: text('path').notNull().default(''),
    sort: integer('sort').notNull().default(0),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [
    index('orgs_parent_idx').on(t.parentId),
    index('orgs_path_idx').on(t.path.op('text_pattern_ops')),
    index('orgs_name_idx').on(t.name),
    // one live org of a name under a parent (top level: parent 0), so a name addresses one org
    uniqueIndex('orgs_parent_name_uq')
      .on(sql`coalesce(${t.parentId}, 0)`, t.name)
      .where(sql`${t.deletedAt} is null`),
    uniqueIndex('orgs_petition_prefix_uq').on(t.petitionPrefix).where(sql`petition_prefix is not null`),
  ],
);
