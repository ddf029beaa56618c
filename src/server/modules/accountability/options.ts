import { and, asc, eq } from 'drizzle-orm';
import {
  effectRuleKey,
  type PenaltyLadder,
  RECORD_KINDS,
  SANCTION_FAMILIES,
  sanctionFamily,
} from '../../../domain/accountability/kinds.js';
import { chinaDate } from '../../../domain/calendar.js';
import type { AppContext } from '../../platform/context.js';
import { dictItems } from '../../platform/dictionaries/schema.js';

/** What the form offers: kinds, the sanction kinds enabled (with their rule, and whether it exists today), the categories with their ladder. */
export async function accountabilityOptions(ctx: AppContext) {
  const today = chinaDate(ctx.clock.now());
  const items = async (type: string) =>
    ctx.db
      .select({ code: dictItems.code, label: dictItems.label })
      .from(dictItems)
      .where(and(eq(dictItems.typeCode, type), eq(dictItems.enabled, true)))
      .orderBy(asc(dictItems.sort), asc(dictItems.id));
  const [kinds, categories] = await Promise.all([
    items('accountability_sanction'),
    items('work_error_category'),
  ]);
  const has = async (key: string) =>
    ctx.rules
      .inForce(key, today)
      .then(() => true)
      .catch(() => false);
  let ladder: PenaltyLadder = {};
  try {
    ladder = (await ctx.rules.value<PenaltyLadder>('accountability.work_error.ladder', today)) ?? {};
  } catch {}
  return {
    kinds: Object.entries(RECORD_KINDS).map(([code, label]) => ({ code, label })),
    sanctionKinds: await Promise.all(
      kinds.map(async (k) => {
        const family = sanctionFamily(k.code);
        const ruleKey = effectRuleKey(k.code);
        return { ...k, family, familyLabel: SANCTION_FAMILIES[family], ruleKey, hasRule: await has(ruleKey) };
      }),
    ),
    categories: categories.map((c) => ({
      ...c,
      ladder: Object.fromEntries(Object.entries(ladder[c.code] ?? {}).map(([k, v]) => [k, v ?? []])),
    })),
  };
}
