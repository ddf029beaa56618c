import {
  ELIGIBILITY_RULE_KEYS,
  ELIGIBILITY_RULE_PREFIXES,
  type RuleRef,
} from '../../../../domain/promotion-eligibility.js';
import type { AppContext } from '../../../platform/context.js';
import { unprocessable } from '../../../platform/http/errors.js';

/**
 * The rule versions the eligibility rules read, as in force on the date: the fixed keys and every
 * sanction and organizational-measure kind configured. A date before a fixed rule's first version is
 * refused; a kind with no version in force on the date is left out (the domain then reports it).
 */
export async function eligibilityRules(ctx: AppContext, date: string): Promise<Record<string, RuleRef>> {
  const out: Record<string, RuleRef> = {};
  const put = async (key: string, required: boolean) => {
    try {
      const v = await ctx.rules.inForce<unknown>(key, date);
      out[key] = { value: v.value, name: v.name, source: v.source, unit: v.unit };
    } catch {
      if (required)
        throw unprocessable(`${date} 没有现行的规则版本，无法判断提拔资格`, { date: '没有现行规则' });
    }
  };
  for (const key of ELIGIBILITY_RULE_KEYS) await put(key, true);
  const kinds = new Set(
    ctx.rules
      .all()
      .map((v) => v.key)
      .filter((k) => ELIGIBILITY_RULE_PREFIXES.some((p) => k.startsWith(p))),
  );
  for (const key of kinds) await put(key, false);
  return out;
}
