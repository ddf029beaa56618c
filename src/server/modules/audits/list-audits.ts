import { and, count, desc, eq, ilike, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Actor } from '../../platform/access/actor.js';
import type { AppContext } from '../../platform/context.js';
import { likePattern, offsetOf } from '../../platform/http/pagination.js';
import { orgs } from '../../platform/orgs/schema.js';
import { cadres } from '../cadres/schema.js';
import { auditVisibility } from './access.js';
import type { auditListQuery } from './contract.js';
import { auditSummary } from './labels.js';
import { econAudits as a } from './schema.js';

/** 审计项目: kind, status, year (of the period's end), text; newest first. */
export async function listAudits(opts: {
  ctx: AppContext;
  actor: Actor;
  query: z.infer<typeof auditListQuery>;
}) {
  const { ctx, actor, query: q } = opts;
  const where: SQL | undefined = and(
    auditVisibility(actor),
    q.kind ? eq(a.kind, q.kind) : undefined,
    q.status ? eq(a.status, q.status) : undefined,
    q.year ? sql`${a.periodTo} between ${`${q.year}-01-01`} and ${`${q.year}-12-31`}` : undefined,
    q.q ? ilike(a.title, likePattern(q.q)) : undefined,
  );
  const [rows, [{ n }]] = await Promise.all([
    ctx.db
      .select({ a, orgName: orgs.name, cadreName: cadres.name })
      .from(a)
      .leftJoin(orgs, eq(orgs.id, a.orgId))
      .leftJoin(cadres, eq(cadres.id, a.subjectCadreId))
      .where(where)
      .orderBy(desc(a.periodTo), desc(a.id))
      .limit(q.pageSize)
      .offset(offsetOf(q)),
    ctx.db.select({ n: count() }).from(a).where(where),
  ]);
  return {
    items: rows.map((r) => auditSummary(r.a, r.orgName, r.cadreName)),
    total: Number(n),
    page: q.page,
    pageSize: q.pageSize,
  };
}
