import { and, eq } from 'drizzle-orm';
import { addDays, chinaDate } from '../../../domain/calendar.js';
import { formatRuleValue, ruleValueProblem } from '../../../domain/rule-values.js';
import { planNewVersion } from '../../../domain/rules.js';
import type { Actor } from '../access/actor.js';
import { recordAudit } from '../audit/record.js';
import type { AppContext } from '../context.js';
import { badRequest, conflict, unprocessable } from '../http/errors.js';
import type { NewVersionBody } from './contract.js';
import { loadRuleVersions, ruleOutOf } from './list-rules.js';
import { rules } from './schema.js';

/**
 * A changed regulation as data: a new version from `effectiveFrom`, the open version closed the
 * day before. The key's rows are locked, so two administrators cannot number the same version.
 */
export async function addRuleVersion(opts: {
  ctx: AppContext;
  actor: Actor;
  key: string;
  input: NewVersionBody;
}) {
  const { ctx, actor, key, input } = opts;
  const out = await ctx.db.transaction(async (tx) => {
    const rows = await loadRuleVersions(tx, key, true);
    const latest = rows[rows.length - 1];
    const problem = ruleValueProblem(latest.unit, input.value);
    if (problem) throw badRequest(`规则值：${problem}`, { value: problem });
    const plan = planNewVersion(
      rows.map((r) => ({ ...r, value: r.value as unknown })),
      key,
      input.effectiveFrom,
      (d) => addDays(d, -1),
    );
    if ('error' in plan) throw unprocessable(plan.error, { effectiveFrom: plan.error });
    for (const c of plan.close) {
      await tx
        .update(rules)
        .set({ effectiveTo: c.effectiveTo })
        .where(and(eq(rules.key, key), eq(rules.version, c.version)));
    }
    const [created] = await tx
      .insert(rules)
      .values({
        key,
        version: plan.nextVersion,
        name: latest.name,
        unit: latest.unit,
        value: input.value as object,
        source: input.source,
        effectiveFrom: input.effectiveFrom,
        note: input.note ?? null,
        createdBy: actor.userId,
      })
      .onConflictDoNothing()
      .returning();
    if (!created) throw conflict('该规则刚被他人修订，请刷新后重试');
    await recordAudit(tx, ctx.clock, actor, {
      action: 'rule.new_version',
      objectType: 'rule',
      objectId: key,
      detail: {
        name: latest.name,
        before: { version: latest.version, value: latest.value, effectiveFrom: latest.effectiveFrom },
        after: { version: created.version, value: created.value, effectiveFrom: created.effectiveFrom },
        text: `${formatRuleValue(latest.unit, latest.value)} → ${formatRuleValue(latest.unit, created.value)}`,
      },
    });
    return ruleOutOf(await loadRuleVersions(tx, key), chinaDate(ctx.clock.now()));
  });
  await ctx.rules.load();
  return out;
}
