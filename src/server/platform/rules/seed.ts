import type { Queryable } from '../db/client.js';
import { RULE_DEFAULTS, RULE_SEED_FROM } from './defaults.js';
import { rules } from './schema.js';

/** Adds version 1 of every default rule that has no version yet. */
export async function seedRules(db: Queryable): Promise<void> {
  const have = new Set((await db.selectDistinct({ key: rules.key }).from(rules)).map((r) => r.key));
  const missing = RULE_DEFAULTS.filter((r) => !have.has(r.key));
  if (missing.length === 0) return;
  await db
    .insert(rules)
    .values(
      missing.map((r) => ({ ...r, version: 1, effectiveFrom: RULE_SEED_FROM, value: r.value as object })),
    )
    .onConflictDoNothing();
}
