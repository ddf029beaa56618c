import { bigserial, boolean, integer, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';

export const dictTypes = pgTable('dict_types', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  description: text('description'),
  builtin: boolean('builtin').notNull().default(false),
});

export const dictItems = pgTable(
  'dict_items',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    typeCode: text('type_code').notNull(),
    code: text('code').notNull(),
    label: text('label').notNull(),
    sort: integer('sort').notNull().default(0),
    enabled: boolean('enabled').notNull().default(true),
    version: integer('version').notNull().default(1),
  },
  (t) => [uniqueIndex('dict_items_type_code_uq').on(t.typeCode, t.code)],
);
