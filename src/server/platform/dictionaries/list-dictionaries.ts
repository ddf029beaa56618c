import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { AppContext } from '../context.js';
import { DICTIONARY_DEFAULTS } from './defaults.js';
import { itemOut, loadType } from './load.js';
import { dictItems, dictTypes } from './schema.js';

const ORDER = new Map(DICTIONARY_DEFAULTS.map((d, i) => [d.code, i]));

/** The dictionary types, in the order of the defaults, with how many items each has (and how many are enabled). */
export async function listDictTypes(opts: { ctx: AppContext }) {
  const rows = await opts.ctx.db
    .select({
      code: dictTypes.code,
      name: dictTypes.name,
      description: dictTypes.description,
      builtin: dictTypes.builtin,
      itemCount: count(dictItems.id),
      enabledCount: sql<number>`count(*) filter (where ${dictItems.enabled})`.mapWith(Number),
    })
    .from(dictTypes)
    .leftJoin(dictItems, eq(dictItems.typeCode, dictTypes.code))
    .groupBy(dictTypes.code);
  const order = (code: string) => ORDER.get(code) ?? Number.MAX_SAFE_INTEGER;
  return rows.sort((a, b) => order(a.code) - order(b.code) || a.code.localeCompare(b.code));
}

/** Every item of a type, disabled ones included, for the administrator. */
export async function listDictItems(opts: { ctx: AppContext; type: string }) {
  await loadType(opts.ctx.db, opts.type);
  const rows = await opts.ctx.db
    .select()
    .from(dictItems)
    .where(eq(dictItems.typeCode, opts.type))
    .orderBy(asc(dictItems.sort), asc(dictItems.id));
  return rows.map(itemOut);
}

/** A type's options for other modules' selects: the enabled items, or all of them to label old records. */
export async function dictOptions(opts: { ctx: AppContext; type: string; includeDisabled: boolean }) {
  await loadType(opts.ctx.db, opts.type);
  return opts.ctx.db
    .select({ code: dictItems.code, label: dictItems.label, enabled: dictItems.enabled })
    .from(dictItems)
    .where(
      and(eq(dictItems.typeCode, opts.type), opts.includeDisabled ? undefined : eq(dictItems.enabled, true)),
    )
    .orderBy(asc(dictItems.sort), asc(dictItems.id));
}
