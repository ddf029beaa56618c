import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  date,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

/** A paragraph's wording as the officer left it (placeholders locked), under its registered id. */
export interface StoredWording {
  id: string;
  text: string;
}

/** A figure as filed with a final summary: what it was, what it meant and how to list its records. */
export interface FiledFigure {
  key: string;
  label: string;
  unit: string;
  value: number | null;
  definition: string;
  /** The registry path that lists the records behind it (or its parts, for a ratio). */
  reproduce: string;
  /** For a `名录` placeholder: the names (titles) of its records. */
  names?: string[];
}

/**
 * 年度工作总结: one draft per org and year (regenerated at will, its figures live), and the final
 * versions filed from it (1, 2, …), each with its as-of date, the wording as filed, the figures'
 * snapshot and the .docx as downloaded then (kept through the platform's files).
 */
export const summaries = pgTable(
  'summaries',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    orgId: bigint('org_id', { mode: 'number' }).notNull(),
    year: integer('year').notNull(),
    status: text('status').notNull(), // draft | final
    /** A final one's number within its org and year; null for the draft. */
    version: integer('version'),
    /** The records as they stood at the end of this day (min(year end, the day it was made)). */
    asOf: date('as_of', { mode: 'string' }).notNull(),
    paragraphs: jsonb('paragraphs').$type<StoredWording[]>().notNull(),
    /** A final one's figures as filed. */
    snapshot: jsonb('snapshot').$type<FiledFigure[]>(),
    /** A final one's .docx. */
    storageKey: text('storage_key'),
    fileName: text('file_name'),
    generatedAt: timestamp('generated_at', { withTimezone: true }).notNull(),
    generatedBy: bigint('generated_by', { mode: 'number' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    rowVersion: integer('row_version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('summaries_final_version_idx').on(t.orgId, t.year, t.version).where(sql`status = 'final'`),
    uniqueIndex('summaries_draft_idx').on(t.orgId, t.year).where(sql`status = 'draft'`),
  ],
);
export type SummaryRow = typeof summaries.$inferSelect;
