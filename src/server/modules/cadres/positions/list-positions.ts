import { and, asc, count, eq, inArray, isNull, like, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Actor } from '../../../platform/access/actor.js';
import { recusalFilter, scopeFilter } from '../../../platform/access/scope.js';
import type { AppContext } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/client.js';
import { likePattern, offsetOf, orderBy, type Page } from '../../../platform/http/pagination.js';
import { orgs } from '../../../platform/orgs/schema.js';
import { cadres, positions, tenures } from '../schema.js';
import type { PositionOut, positionListQuery } from './contract.js';
import { loadPosition } from './load-position.js';

/** Positions of the orgs in scope (an org filter includes its subtree), with who holds each now. */
export async function listPositions(opts: {
  ctx: AppContext;
  actor: Actor;
  query: z.infer<typeof positionListQuery>;
}): Promise<Page<PositionOut>> {
  const { ctx, actor, query } = opts;
  const where = and(
    isNull(positions.deletedAt),
    scopeFilter(actor, positions.orgId),
    query.orgId
      ? inArray(
          positions.orgId,
          sql`(select ${orgs.id} from ${orgs} where ${orgs.path} like (select ${orgs.path} from ${orgs} where ${orgs.id} = ${query.orgId}) || '%')`,
        )
      : undefined,
    query.q ? like(positions.title, likePattern(query.q)) : undefined,
  );
  const [rows, [{ total }]] = await Promise.all([
    ctx.db
      .select({ position: positions, orgName: orgs.name })
      .from(positions)
      .innerJoin(orgs, eq(orgs.id, positions.orgId))
      .where(where)
      .orderBy(
        orderBy(
          { ...query, order: query.sort ? query.order : 'asc' },
          { title: positions.title, org: orgs.sort },
          'org',
        ),
        asc(orgs.id),
        asc(positions.sort),
        asc(positions.id),
      )
      .limit(query.pageSize)
      .offset(offsetOf(query)),
    ctx.db.select({ total: count() }).from(positions).where(where),
  ]);
  const holders = await holdersOf(
    ctx.db,
    actor,
    rows.map((r) => r.position.id),
  );
  const items = rows.map(({ position: p, orgName }) => ({
    id: p.id,
    orgId: p.orgId,
    orgName,
    title: p.title,
    level: p.level,
    isPrincipal: p.isPrincipal,
    managesFunds: p.managesFunds,
    sort: p.sort,
    version: p.version,
    holders: holders.get(p.id) ?? [],
  }));
  return { items, total, page: query.page, pageSize: query.pageSize };
}

async function holdersOf(db: Queryable, actor: Actor, ids: number[]) {
  const out = new Map<number, { cadreId: number; name: string }[]>();
  if (ids.length === 0) return out;
  const rows = await db
    .select({ positionId: tenures.positionId, cadreId: cadres.id, name: cadres.name })
    .from(tenures)
    .innerJoin(cadres, eq(cadres.id, tenures.cadreId))
    .where(
      and(
        inArray(tenures.positionId, ids),
        isNull(tenures.endDate),
        isNull(cadres.deletedAt),
        recusalFilter(actor, cadres.id),
      ),
    )
    .orderBy(asc(tenures.startDate));
  for (const r of rows) {
    const list = out.get(r.positionId!) ?? [];
    list.push({ cadreId: r.cadreId, name: r.name });
    out.set(r.positionId!, list);
  }
  return out;
}

/** One position as the list shows it. */
export async function getPosition(opts: { ctx: AppContext; actor: Actor; id: number }): Promise<PositionOut> {
  const p = await loadPosition(opts.ctx.db, opts.actor, opts.id);
  const [org] = await opts.ctx.db.select({ name: orgs.name }).from(orgs).where(eq(orgs.id, p.orgId));
  const holders = (await holdersOf(opts.ctx.db, opts.actor, [p.id])).get(p.id) ?? [];
  const { createdAt, deletedAt, ...rest } = p;
  return { ...rest, orgName: org?.name ?? '', holders };
}
