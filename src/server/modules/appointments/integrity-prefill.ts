import { and, count, eq, sql } from 'drizzle-orm';
import { chinaDate } from '../../../domain/calendar.js';
import { PETITION_STATUSES } from '../../../domain/petition-workflow.js';
import { type Actor, can } from '../../platform/access/actor.js';
import type { AppContext } from '../../platform/context.js';
import { badRequest } from '../../platform/http/errors.js';
import { eligibilityOf } from '../cadres/file/cadre-eligibility.js';
import { cadreProviders } from '../cadres/providers.js';
import { petitionSubjects, petitions } from '../petitions/schema.js';
import { loadCase } from './access.js';
import { appointmentCandidates } from './schema.js';

const CLOSED = ['concluded', 'declined'];

/**
 * What the system knows for the integrity opinion (廉政意见) of a 考察对象: the petitions naming them
 * (counts by status only — never a reporter, nor their content) and the admonitions, sanctions and
 * organisational measures in effect today, read from the supervision file's providers; and what other
 * modules hold open against them (open audit findings …).
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
  const inEffect = eligibility.reasons.filter((r) =>
    ['admonition', 'sanction', 'org_measure'].includes(r.code),
  );
  // what other modules hold open against the cadre (open audit findings …), through the supervision
  // file's providers — whichever modules exist — as far as the officer may see them
  const openItems = (
    await Promise.all(
      cadreProviders()
        .filter((p) => p.timeline && (!p.permission || can(actor, p.permission)))
        .map(async (p) =>
          (
            await p.timeline!(ctx.db, actor, c.cadreId)
          )
            .filter((e) => e.open)
            .map((e) => ({ kind: p.label, date: e.date, title: e.title })),
        ),
    )
  ).flat();
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
    inEffect: inEffect.map((r) => ({
      code: r.code,
      message: r.message,
      since: r.since ?? null,
      clearsOn: r.clearsOn,
    })),
    openItems,
  };
}
