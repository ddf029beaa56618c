import type { Queryable } from '../db/client.js';
import { DICTIONARY_DEFAULTS } from './defaults.js';
import { dictItems, dictTypes } from './schema.js';

/** Adds the built-in dictionaries and items that are missing; labels edited by administrators stay. */
export async function seedDictionaries(db: Queryable): Promise<void> {
  await db
    .insert(dictTypes)
    .values(DICTIONARY_DEFAULTS.map((d) => ({ code: d.code, name: d.name, builtin: true })))
    .onConflictDoNothing();
  await db
    .insert(dictItems)
    .values(
      DICTIONARY_DEFAULTS.flatMap((d) =>
        d.items.map(([code, label], i) => ({ typeCode: d.code, code, label, sort: (i + 1) * 10 })),
      ),
    )
    .onConflictDoNothing();
}
