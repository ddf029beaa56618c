import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { chinaDate } from '../../../domain/calendar.js';
import type { Actor } from '../../platform/access/actor.js';
import { recusalFilter, scopeFilter } from '../../platform/access/scope.js';
import type { AppContext } from '../../platform/context.js';
import { orgs } from '../../platform/orgs/schema.js';
import { cadres } from '../cadres/schema.js';
import { requireOrg, townshipOf } from './access.js';
import { excellentCap } from './grade-pool.js';
import { annualGrades, lastPlaces } from './schema.js';

/** 年度考核 of a township's year: every active cadre the caller may see with the grade, and the cap meter. */
export async function listGrades(opts: {
  ctx: AppContext;
  actor: Actor;
  query: { year: number; orgId?: number };
}) {
  const { ctx, actor, query } = opts;
  return ctx.db.transaction(async (tx) => {
    const org = await requireOrg(tx, actor, query.orgId ?? actor.orgId);
    const town = await townshipOf(tx, org.id);
    const on =
      `${query.year}-12-31` < chinaDate(ctx.clock.now()) ? `${query.year}-12-31` : chinaDate(ctx.clock.now());
    const cap = await excellentCap(tx, ctx, town, query.year, on);
    const rows = await tx
      .select({ c: cadres, orgName: orgs.name, g: annualGrades })
      .from(cadres)
      .innerJoin(orgs, eq(orgs.id, cadres.orgId))
      .leftJoin(annualGrades, and(eq(annualGrades.cadreId, cadres.id), eq(annualGrades.year, query.year)))
      .where(
        and(
          sql`${orgs.path} like ${`${town.path}%`}`,
          eq(cadres.status, 'active'),
          isNull(cadres.deletedAt),
          scopeFilter(actor, cadres.orgId),
          recusalFilter(actor, cadres.id),
        ),
      )
      .orderBy(asc(orgs.path), asc(cadres.id))
      .limit(2000);
    const capped = rows.length
      ? await tx
          .select({ cadreId: lastPlaces.cadreId })
          .from(lastPlaces)
          .where(
            and(
              eq(lastPlaces.year, query.year),
              eq(lastPlaces.outcome, 'warning'),
              inArray(
                lastPlaces.cadreId,
                rows.map((r) => r.c.id),
              ),
            ),
          )
      : [];
    const cappedIds = new Set(capped.map((r) => r.cadreId));
    return {
      year: query.year,
      orgId: town.id,
      orgName: town.name,
      pool: cap.pool,
      excellent: cap.excellent,
      excellentMax: cap.max,
      percent: cap.percent,
      rounding: cap.rounding,
      counts: cap.counts,
      items: rows.map(({ c, orgName, g }) => ({
        cadreId: c.id,
        name: c.name,
        orgName,
        grade: g?.grade ?? null,
        source: g?.source ?? null,
        note: g?.note ?? null,
        decidedOn: g?.decidedOn ?? null,
        version: g?.version ?? null,
        cap: cappedIds.has(c.id) ? '不称职' : null,
      })),
    };
  });
}
