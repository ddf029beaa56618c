import { and, desc, eq, max } from 'drizzle-orm';
import { weightProblem } from '../../../domain/assessments/indicators.js';
import { chinaDate } from '../../../domain/calendar.js';
import type { Actor } from '../../platform/access/actor.js';
import { scopeFilter } from '../../platform/access/scope.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/client.js';
import { badRequest } from '../../platform/http/errors.js';
import { requireOrg } from './access.js';
import type { IndicatorSystemInput } from './contract.js';
import { indicatorSystems } from './schema.js';

/**
 * 制定指标体系 (a new version of the org's system of the year and kind): the scored items' weights sum
 * to 100 at each level; bonus, deduction and veto items stand outside the weights.
 */
export const createIndicatorSystem = (opts: { ctx: AppContext; actor: Actor; input: IndicatorSystemInput }) =>
  opts.ctx.db.transaction((tx) => createIndicatorSystemIn(tx, opts.ctx, opts.actor, opts.input));

export async function createIndicatorSystemIn(
  tx: Queryable,
  ctx: AppContext,
  actor: Actor,
  input: IndicatorSystemInput,
) {
  const keys = new Set(input.items.map((i) => i.key));
  const scored = input.items.filter((i) => i.kind === 'score');
  const problem = weightProblem(
    scored.map((i) => ({ key: i.key, parentKey: i.parentKey ?? null, name: i.name, weight: i.weight ?? 0 })),
  );
  if (problem) {
    const n = Number(problem.field.split('.')[1]);
    const field = `items.${input.items.indexOf(scored[n])}.${problem.field.split('.')[2]}`;
    throw badRequest(problem.message, { [field]: problem.message });
  }
  if (keys.size !== input.items.length) throw badRequest('指标编号重复', { items: '指标编号重复' });
  for (const [i, item] of input.items.entries())
    if (item.kind !== 'score' && item.parentKey && !keys.has(item.parentKey))
      throw badRequest(`指标“${item.name}”的上级指标不存在`, { [`items.${i}.parentKey`]: '上级指标不存在' });
  {
    await requireOrg(tx, actor, input.orgId);
    const [{ v }] = await tx
      .select({ v: max(indicatorSystems.version) })
      .from(indicatorSystems)
      .where(
        and(
          eq(indicatorSystems.orgId, input.orgId),
          eq(indicatorSystems.year, input.year),
          eq(indicatorSystems.kind, input.kind),
        ),
      );
    const [row] = await tx
      .insert(indicatorSystems)
      .values({ ...input, version: (v ?? 0) + 1, createdBy: actor.userId, createdAt: ctx.clock.now() })
      .returning();
    await recordAudit(tx, ctx.clock, actor, {
      action: 'assessment.indicators_create',
      objectType: 'indicator_system',
      objectId: row.id,
      detail: { year: input.year, kind: input.kind, version: row.version, items: input.items.length },
    });
    return row;
  }
}

export async function listIndicatorSystems(opts: { ctx: AppContext; actor: Actor }) {
  const rows = await opts.ctx.db
    .select()
    .from(indicatorSystems)
    .where(scopeFilter(opts.actor, indicatorSystems.orgId))
    .orderBy(desc(indicatorSystems.year), desc(indicatorSystems.version))
    .limit(200);
  return { items: rows, today: chinaDate(opts.ctx.clock.now()) };
}
