import { sql } from 'drizzle-orm';
import {
  bigint,
  date,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';

/*
 * The petition figures of one org as of one day, kept so that a district's figures add up a few
 * thousand stored rows instead of reading half a million petitions (docs/decisions/dashboard.md).
 * Derived data: built on the first request for the day, dropped by the triggers of migration 0020
 * whenever a petition, event or document of the org changes what the day would count, never backed
 * up (a restore starts without them).
 */

/** The org and day whose cells are complete; `figures` names the cells' values, in order. */
export const petitionFigureCubes = pgTable(
  'petition_figure_cubes',
  {
    orgId: bigint('org_id', { mode: 'number' }).notNull(),
    asOf: date('as_of', { mode: 'string' }).notNull(),
    figures: text('figures').notNull(),
    builtAt: timestamp('built_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.asOf] })],
);

/**
 * One group of the org's petitions as of the day: received in a month, of a 问题类别 and a 处置方式
 * (as of the day); `n` petitions, and each figure's value over them (`vals`, in the cube's order).
 */
export const petitionFigureCells = pgTable(
  'petition_figure_cells',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    orgId: bigint('org_id', { mode: 'number' }).notNull(),
    asOf: date('as_of', { mode: 'string' }).notNull(),
    month: date('month', { mode: 'string' }).notNull(),
    category: text('category'),
    disposal: text('disposal'),
    n: integer('n').notNull(),
    vals: integer('vals').array().notNull().default(sql`'{}'`),
  },
  (t) => [
    index('petition_figure_cells_cube_idx').on(t.asOf, t.orgId),
    foreignKey({
      columns: [t.orgId, t.asOf],
      foreignColumns: [petitionFigureCubes.orgId, petitionFigureCubes.asOf],
      name: 'petition_figure_cells_cube_fk',
    }).onDelete('cascade'),
  ],
);
