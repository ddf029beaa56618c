import type { Actor } from '../../platform/access/actor.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/client.js';
import { unprocessable } from '../../platform/http/errors.js';
import { type ItemTypeRow, mayEditType } from './access.js';

/** The timings that read a number from a rule, and the unit that rule must have. */
const RULE_UNIT: Record<string, string> = {
  monthly: 'count',
  quarterly: 'count',
  within_days: 'days',
  within_working_days: 'working_days',
};

/** A timing needs a rule of the right unit (the deadline day, the days, the working days); none needs none. */
export async function checkTimingRule(ctx: AppContext, timing: string, ruleKey: string | null | undefined) {
  const unit = RULE_UNIT[timing];
  if (!unit) return null;
  const msg = '请选择公开时限对应的规则';
  if (!ruleKey) throw unprocessable(msg, { ruleKey: msg });
  const rule = ctx.rules.all().find((r) => r.key === ruleKey);
  if (!rule) throw unprocessable('规则不存在', { ruleKey: '规则不存在' });
  if (rule.unit !== unit) {
    const m = '所选规则的单位与公开时限不符（定期公开取截止日，限期公开取天数或工作日数）';
    throw unprocessable(m, { ruleKey: m });
  }
  return ruleKey;
}

export async function itemTypeOut(
  db: Queryable,
  ctx: AppContext,
  actor: Actor,
  t: ItemTypeRow,
  orgName: string | null,
) {
  let ruleValue: number | null = null;
  if (t.ruleKey) {
    try {
      ruleValue = await ctx.rules.value<number>(t.ruleKey);
    } catch {
      ruleValue = null;
    }
  }
  return {
    id: t.id,
    orgId: t.orgId,
    orgName,
    level: t.level,
    name: t.name,
    content: t.content,
    basis: t.basis,
    timeLimit: t.timeLimit,
    subject: t.subject,
    channel: t.channel,
    audience: t.audience,
    mode: t.mode,
    timing: t.timing,
    ruleKey: t.ruleKey,
    ruleValue,
    procedure: t.procedure,
    sort: t.sort,
    active: t.active,
    version: t.version,
    canEdit: await mayEditType(db, actor, t.orgId),
  };
}
