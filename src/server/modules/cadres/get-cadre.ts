import { and, eq, isNull } from 'drizzle-orm';
import { chinaDate } from '../../../domain/calendar.js';
import type { Actor } from '../../platform/access/actor.js';
import { requireAccess } from '../../platform/access/scope.js';
import type { AppContext } from '../../platform/context.js';
import { notFound } from '../../platform/http/errors.js';
import { orgLabels } from '../../platform/orgs/org-labels.js';
import { orgs } from '../../platform/orgs/schema.js';
import { type CadreDetailOut, detailColumns, toDetail } from './cadre-out.js';
import './load-cadre.js';
import { ageOn } from './roster-query.js';
import { cadres } from './schema.js';
import { currentPosts } from './tenures/current-posts.js';

/** One cadre, every field but the full ID number; in scope and not recused, else 404 (audited). */
export async function getCadre(opts: { ctx: AppContext; actor: Actor; id: number }): Promise<CadreDetailOut> {
  const { ctx, actor, id } = opts;
  await requireAccess(ctx.db, actor, 'cadre', [id]);
  const [row] = await ctx.db
    .select({ ...detailColumns, orgName: orgs.name, orgPath: orgs.path })
    .from(cadres)
    .innerJoin(orgs, eq(orgs.id, cadres.orgId))
    .where(and(eq(cadres.id, id), isNull(cadres.deletedAt)));
  if (!row) throw notFound('干部不存在');
  const { orgPath, ...cadre } = row;
  const orgName = (await orgLabels(ctx.db, [orgPath])).get(orgPath) ?? row.orgName;
  const current = (await currentPosts(ctx.db, [cadre])).get(id)!;
  return toDetail(cadre, { orgName, current, age: ageOn(cadre.birthDate, chinaDate(ctx.clock.now())) });
}
