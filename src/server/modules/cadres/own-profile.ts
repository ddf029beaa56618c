import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Actor } from '../../platform/access/actor.js';
import type { AppContext } from '../../platform/context.js';
import { notFound } from '../../platform/http/errors.js';
import { orgs } from '../../platform/orgs/schema.js';
import { currentPost } from './cadre-out.js';
import { cadres } from './schema.js';
import { currentPosts } from './tenures/current-posts.js';
import { tenuresOf } from './tenures/load-tenure.js';

export const ownProfileOut = z.object({
  id: z.number(),
  name: z.string(),
  gender: z.string().nullable(),
  birthDate: z.string().nullable(),
  orgName: z.string(),
  current: currentPost,
  education: z.string().nullable(),
  idNumberMasked: z.string().nullable(),
  tenures: z.array(
    z.object({
      orgName: z.string().nullable(),
      title: z.string(),
      startDate: z.string(),
      endDate: z.string().nullable(),
    }),
  ),
});

/**
 * A cadre's own basic record. The cadre is recused from their own file, so this is the one way they
 * see it: basic data and posts, nothing restricted (no full ID number, family or supervision records).
 */
export async function ownProfile(opts: {
  ctx: AppContext;
  actor: Actor;
}): Promise<z.infer<typeof ownProfileOut>> {
  const { ctx, actor } = opts;
  const missing = '您的账号未关联干部信息，如有疑问请联系组织办';
  if (actor.cadreId === null) throw notFound(missing);
  const [row] = await ctx.db
    .select({
      id: cadres.id,
      name: cadres.name,
      gender: cadres.gender,
      birthDate: cadres.birthDate,
      orgName: orgs.name,
      education: cadres.education,
      currentPosition: cadres.currentPosition,
      idNumberMasked: cadres.idNumberMasked,
    })
    .from(cadres)
    .innerJoin(orgs, eq(orgs.id, cadres.orgId))
    .where(and(eq(cadres.id, actor.cadreId), isNull(cadres.deletedAt)));
  if (!row) throw notFound(missing);
  const { currentPosition, ...basic } = row;
  const current = (await currentPosts(ctx.db, [row])).get(row.id)!;
  const tenures = (await tenuresOf(ctx.db, row.id)).map((t) => ({
    orgName: t.orgName,
    title: t.title,
    startDate: t.startDate,
    endDate: t.endDate,
  }));
  return { ...basic, current, tenures };
}
