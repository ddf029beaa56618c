import { and, count, eq, sql } from 'drizzle-orm';
import { chinaDate } from '../../../domain/calendar.js';
import { PETITION_STATUSES } from '../../../domain/petition-workflow.js';
import type { Actor } from '../../platform/access/actor.js';
import type { AppContext } from '../../platform/context.js';
import { badRequest } from '../../platform/http/errors.js';
import { openFindingsOf } from '../audits/open-findings.js';
import { eligibilityOf } from '../cadres/file/cadre-eligibility.js';
import { petitionSubjects, petitions } from '../petitions/schema.js';
import { loadCase } from './access.js';
import { appointmentCandidates } from './schema.js';

const CLOSED = ['concluded', 'declined'];

/**
 * What the system knows for the integrity opinion (廉政意见) of a 考察对象: the petitions naming them
 * (counts by status only — never a reporter, nor their content) and the admonitions, sanctions and
 * organisational measures in effect today, read from the supervision file's providers; the open
 * audit findings where they are named responsible.
 */
export async function integrityPrefill(opts: {
  ctx: AppContext;
  actor: Actor;
  id: number;
  candidateId: number;
}) {
  const { ctx, actor, id, candidateId } = opts;
  await loadCase(ctx.db, actor, id);
  const [c] = await ctx.db
    .select()
    .from(appointmentCandidates)
    .where(and(eq(appointmentCandidates.id, candidateId), eq(appointmentCandidates.caseId, id)));
  if (!c) throw badRequest('该人选不属于本事项', { candidateId: '该人选不属于本事项' });
  const byStatus = await ctx.db
    .select({ status: petitions.status, n: count() })
    .from(petitions)
    .where(
      sql`exists (select 1 from ${petitionSubjects} s where s.petition_id = ${petitions.id} and s.cadre_id = ${c.cadreId})`,
    )
    .groupBy(petitions.status);
  const today = chinaDate(ctx.clock.now());
  const eligibility = await eligibilityOf(ctx, c.cadreId, today);
  const openFindings = await openFindingsOf(ctx.db, actor, [c.cadreId]);
  const inEffect = eligibility.reasons.filter((r) =>
    ['admonition', 'sanction', 'org_measure'].includes(r.code),
  );
  return {
    candidateId,
    petitions: {
      total: byStatus.reduce((a, r) => a + Number(r.n), 0),
      open: byStatus.filter((r) => !CLOSED.includes(r.status)).reduce((a, r) => a + Number(r.n), 0),
      byStatus: byStatus.map((r) => ({
        status: r.status,
        label: PETITION_STATUSES[r.status as keyof typeof PETITION_STATUSES] ?? r.status,
        count: Number(r.n),
      })),
    },
    /** 经济责任审计: findings not yet closed where the candidate is named responsible. */
    openAuditFindings: openFindings.map(({ cadreId: _, ...f }) => f),
    inEffect: inEffect.map((r) => ({
      code: r.code,
      message: r.message,
      since: r.since ?? null,
      clearsOn: r.clearsOn,
    })),
  };
}
