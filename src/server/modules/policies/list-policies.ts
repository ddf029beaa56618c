import { and, count, desc, eq, ilike, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { PolicyStatus } from '../../../domain/policy-library.js';
import type { Actor } from '../../platform/access/actor.js';
import type { AppContext } from '../../platform/context.js';
import { likePattern } from '../../platform/http/pagination.js';
import { orgs } from '../../platform/orgs/schema.js';
import type { PolicyListQuery } from './contract.js';
import { policies, policyVersions } from './schema.js';
import { policyVisible } from './visibility.js';

const current = alias(policyVersions, 'current_version');
const first = alias(policyVersions, 'first_version');

/** 制度汇编: the policies the caller sees, searched by title or 文号, by status, issuing org and year. */
export async function listPolicies(opts: { ctx: AppContext; actor: Actor; query: PolicyListQuery }) {
  const { ctx, actor, query: q } = opts;
  const where = and(
    policyVisible(actor),
    q.q ? or(ilike(policies.title, likePattern(q.q)), ilike(policies.number, likePattern(q.q))) : undefined,
    q.status ? eq(policies.status, q.status) : undefined,
    q.orgId ? eq(policies.orgId, q.orgId) : undefined,
    q.year ? sql`${first.adoptedOn} between ${`${q.year}-01-01`} and ${`${q.year}-12-31`}` : undefined,
  );
  const base = () =>
    ctx.db
      .select({
        p: policies,
        orgName: orgs.name,
        adoptedOn: current.adoptedOn,
        effectiveOn: current.effectiveOn,
        firstAdoptedOn: first.adoptedOn,
      })
      .from(policies)
      .innerJoin(
        current,
        and(eq(current.policyId, policies.id), eq(current.versionNo, policies.currentVersionNo)),
      )
      .innerJoin(first, and(eq(first.policyId, policies.id), eq(first.versionNo, 1)))
      .leftJoin(orgs, eq(orgs.id, policies.orgId));
  const [rows, [{ total }]] = await Promise.all([
    base()
      .where(where)
      .orderBy(desc(current.adoptedOn), desc(policies.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    ctx.db
      .select({ total: count() })
      .from(policies)
      .innerJoin(first, and(eq(first.policyId, policies.id), eq(first.versionNo, 1)))
      .where(where),
  ]);
  return {
    items: rows.map((r) => ({
      id: r.p.id,
      orgId: r.p.orgId,
      orgName: r.orgName,
      title: r.p.title,
      number: r.p.number,
      issuingBody: r.p.issuingBody,
      category: r.p.category,
      status: r.p.status as PolicyStatus,
      currentVersionNo: r.p.currentVersionNo,
      adoptedOn: r.adoptedOn,
      effectiveOn: r.effectiveOn,
      firstAdoptedOn: r.firstAdoptedOn,
      repealedOn: r.p.repealedOn,
    })),
    total: Number(total),
    page: q.page,
    pageSize: q.pageSize,
  };
}
