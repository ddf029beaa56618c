import { asc, eq } from 'drizzle-orm';
import { chinaDate } from '../../../../domain/calendar.js';
import { type Eligibility, promotionEligibility } from '../../../../domain/promotion-eligibility.js';
import type { PostLevel } from '../../../../domain/promotion-ladder.js';
import type { Actor } from '../../../platform/access/actor.js';
import { requireAccess } from '../../../platform/access/scope.js';
import type { AppContext } from '../../../platform/context.js';
import '../load-cadre.js';
import { collectRecords } from '../providers.js';
import { tenures } from '../schema.js';
import { eligibilityRules } from './rules-in-force.js';

/** Eligibility of a cadre the caller has already been allowed to see. */
export async function eligibilityOf(
  ctx: AppContext,
  cadreId: number,
  onDate: string,
  target?: PostLevel,
): Promise<Eligibility> {
  const [rules, records, posts] = await Promise.all([
    eligibilityRules(ctx, onDate),
    collectRecords(ctx.db, cadreId),
    ctx.db
      .select({
        title: tenures.title,
        level: tenures.level,
        isPrincipal: tenures.isPrincipal,
        startDate: tenures.startDate,
        endDate: tenures.endDate,
        probationEnd: tenures.probationEnd,
      })
      .from(tenures)
      .where(eq(tenures.cadreId, cadreId))
      .orderBy(asc(tenures.startDate), asc(tenures.id)),
  ]);
  return promotionEligibility({ onDate, tenures: posts, records, rules, target });
}

/** Whether the cadre may be promoted on the date (default today); in scope and not recused, else 404. */
export async function cadreEligibility(opts: {
  ctx: AppContext;
  actor: Actor;
  id: number;
  date?: string;
  target?: PostLevel;
}): Promise<Eligibility> {
  const { ctx, actor, id } = opts;
  await requireAccess(ctx.db, actor, 'cadre', [id]);
  return eligibilityOf(ctx, id, opts.date ?? chinaDate(ctx.clock.now()), opts.target);
}
