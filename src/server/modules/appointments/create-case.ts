import { and, eq, max } from 'drizzle-orm';
import { authorityProblem } from '../../../domain/appointments/authority.js';
import type { Actor } from '../../platform/access/actor.js';
import { orgInScope } from '../../platform/access/scope.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/client.js';
import { badRequest, unprocessable } from '../../platform/http/errors.js';
import { orgs } from '../../platform/orgs/schema.js';
import { addEvent } from './access.js';
import type { CreateCaseInput } from './contract.js';
import { getCase } from './get-case.js';
import { requirePositions, writeResponsibles } from './people.js';
import { appointmentCases } from './schema.js';

/** 大兴镇 → 大兴组〔2026〕3号 */
export const caseCode = (orgName: string, year: number, seq: number) =>
  `${orgName.replace(/(镇|乡|街道|社区|村)$/, '')}组〔${year}〕${seq}号`;

/** 动议: the posts to fill, the method, the deciding body (checked against the delegated authority). */
export async function insertCase(tx: Queryable, ctx: AppContext, actor: Actor, input: CreateCaseInput) {
  if (!(await orgInScope(tx, actor, input.orgId)))
    throw badRequest('单位不存在或不在您的管理范围内', { orgId: '单位不存在或不在您的管理范围内' });
  const posts = await requirePositions(
    tx,
    actor,
    input.positionIds.map((id, i) => ({ id, field: `positionIds.${i}` })),
  );
  const table = await ctx.rules.value<Record<string, string[]>>(
    'appointment.delegated_authority',
    input.proposedOn,
  );
  const problem = authorityProblem(
    input.decidingBody,
    [...posts.values()].map((p) => p.level),
    table,
  );
  if (problem) throw unprocessable(problem, { decidingBody: problem });
  const [org] = await tx.select().from(orgs).where(eq(orgs.id, input.orgId));
  const year = Number(input.proposedOn.slice(0, 4));
  const [{ last }] = await tx
    .select({ last: max(appointmentCases.seq) })
    .from(appointmentCases)
    .where(and(eq(appointmentCases.orgId, input.orgId), eq(appointmentCases.year, year)));
  const seq = (last ?? 0) + 1;
  const now = ctx.clock.now();
  const [row] = await tx
    .insert(appointmentCases)
    .values({
      orgId: input.orgId,
      code: caseCode(org.name, year, seq),
      year,
      seq,
      title: input.title,
      method: input.method,
      decidingBody: input.decidingBody,
      positionIds: [...new Set(input.positionIds)],
      proposedOn: input.proposedOn,
      plan: input.plan ?? null,
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  await writeResponsibles(tx, actor, row.id, 'recommender', [input.proposer], 'proposer');
  await writeResponsibles(tx, actor, row.id, 'handler', [input.handler], 'handler');
  await addEvent(tx, ctx, actor, row.id, 'create', {
    occurredOn: input.proposedOn,
    detail: { code: row.code },
  });
  await recordAudit(tx, ctx.clock, actor, {
    action: 'appointment.create',
    objectType: 'appointment',
    objectId: row.id,
    detail: { code: row.code, method: input.method, positions: row.positionIds },
  });
  return row.id;
}

export async function createCase(opts: { ctx: AppContext; actor: Actor; input: CreateCaseInput }) {
  const { ctx, actor, input } = opts;
  const id = await ctx.db.transaction((tx) => insertCase(tx, ctx, actor, input));
  return getCase({ ctx, actor, id });
}
