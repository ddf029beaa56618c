import { effectEnd } from '../../../domain/accountability/effects.js';
import { effectRuleKey } from '../../../domain/accountability/kinds.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/client.js';
import { dictLabels } from '../cadres/dict-code.js';

/** Labels of sanction kinds and 工作失误 categories, as the dictionaries hold them now. */
export async function accountabilityLabels(db: Queryable) {
  const [kinds, categories] = await Promise.all([
    dictLabels(db, 'accountability_sanction'),
    dictLabels(db, 'work_error_category'),
  ]);
  return {
    kind: (code: string) => kinds.get(code) ?? code,
    category: (code: string | null) => (code ? (categories.get(code) ?? code) : null),
  };
}

/** The first day a sanction stops barring promotion by the rule in force when it took effect (null: it does not). */
export async function effectEndsOn(
  ctx: AppContext,
  kind: string,
  from: string | null,
): Promise<string | null> {
  if (!from) return null;
  try {
    const rule = await ctx.rules.inForce<unknown>(effectRuleKey(kind), from);
    return effectEnd(from, rule);
  } catch {
    return null;
  }
}
