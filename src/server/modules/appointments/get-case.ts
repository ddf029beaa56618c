import { asc, eq, inArray } from 'drizzle-orm';
import { DECIDING_BODIES } from '../../../domain/appointments/authority.js';
import { RESPONSIBLE_ROLES } from '../../../domain/appointments/responsibility.js';
import { isSelectionMethod } from '../../../domain/appointments/selection.js';
import {
  APPOINTMENT_METHODS,
  CANDIDATE_STATUSES,
  CASE_STEPS,
} from '../../../domain/appointments/workflow.js';
import { chinaDate } from '../../../domain/calendar.js';
import type { Actor } from '../../platform/access/actor.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/client.js';
import { orgs } from '../../platform/orgs/schema.js';
import { cadres, positions } from '../cadres/schema.js';
import { type CaseRow, loadCase } from './access.js';
import { openObjections } from './interlock.js';
import { planFilesOf } from './plan-file.js';
import type { CaseDetailOut } from './responses.js';
import {
  appointmentCandidates,
  appointmentEvents,
  appointmentObjections,
  appointmentResponsibles,
} from './schema.js';
import { rankingOf } from './selection-ranking.js';

const label = <T extends Record<string, string>>(m: T, k: string) => m[k as keyof T] ?? k;

export function caseSummary(row: CaseRow, orgName: string) {
  return {
    id: row.id,
    code: row.code,
    orgId: row.orgId,
    orgName,
    title: row.title,
    method: row.method,
    methodLabel: label(APPOINTMENT_METHODS, row.method),
    step: row.step,
    stepLabel: label(CASE_STEPS, row.step),
    decidingBody: row.decidingBody,
    decidingBodyLabel: label(DECIDING_BODIES, row.decidingBody),
    proposedOn: row.proposedOn,
    noticeStartsOn: row.noticeStartsOn,
    noticeEndsOn: row.noticeEndsOn,
    version: row.version,
  };
}

/** The candidates of a case with their names and posts. */
export async function candidatesOf(db: Queryable, caseId: number) {
  const rows = await db
    .select({
      c: appointmentCandidates,
      name: cadres.name,
      post: positions.title,
      level: positions.level,
      isPrincipal: positions.isPrincipal,
    })
    .from(appointmentCandidates)
    .innerJoin(cadres, eq(cadres.id, appointmentCandidates.cadreId))
    .innerJoin(positions, eq(positions.id, appointmentCandidates.positionId))
    .where(eq(appointmentCandidates.caseId, caseId))
    .orderBy(asc(appointmentCandidates.id));
  return rows.map(({ c, name, post, level, isPrincipal }) => ({
    ...c,
    name,
    post,
    level,
    isPrincipal,
    statusLabel: label(CANDIDATE_STATUSES, c.status),
  }));
}

/** 选拔任用纪实: the case with its posts, candidates, the people responsible, conclusions and timeline. */
export async function getCase(opts: { ctx: AppContext; actor: Actor; id: number }) {
  const { ctx, actor, id } = opts;
  const row = await loadCase(ctx.db, actor, id);
  const [[org], posts, candidates, people, objections, events] = await Promise.all([
    ctx.db.select({ name: orgs.name }).from(orgs).where(eq(orgs.id, row.orgId)),
    ctx.db
      .select({
        id: positions.id,
        title: positions.title,
        level: positions.level,
        isPrincipal: positions.isPrincipal,
      })
      .from(positions)
      .where(inArray(positions.id, row.positionIds)),
    candidatesOf(ctx.db, id),
    ctx.db
      .select()
      .from(appointmentResponsibles)
      .where(eq(appointmentResponsibles.caseId, id))
      .orderBy(asc(appointmentResponsibles.id)),
    ctx.db.select().from(appointmentObjections).where(eq(appointmentObjections.caseId, id)),
    ctx.db
      .select()
      .from(appointmentEvents)
      .where(eq(appointmentEvents.caseId, id))
      .orderBy(asc(appointmentEvents.id)),
  ]);
  // the reports about people under notice still waiting for the discipline officer's conclusion
  const today = chinaDate(ctx.clock.now());
  const pendingObjections =
    row.step === 'noticed' && row.noticeStartsOn
      ? (
          await Promise.all(
            candidates
              .filter((c) => c.status === 'passed')
              .map(async (c) =>
                (
                  await openObjections(ctx.db, c, row.noticeStartsOn!, today)
                ).map((p) => ({
                  candidateId: c.id,
                  name: c.name,
                  petitionId: p.id,
                  code: p.code,
                  receivedOn: p.receivedOn,
                })),
              ),
          )
        ).flat()
      : [];
  // 公开选拔/竞争上岗: the registration list, its checks and scores, ranked on today's rules
  const selection = isSelectionMethod(row.method) ? await rankingOf(ctx, ctx.db, row, today) : null;
  return {
    ...caseSummary(row, org?.name ?? ''),
    selection,
    pendingObjections,
    plan: row.plan,
    planFiles: await planFilesOf(ctx.db, row.id),
    // the jsonb facts of each step, as their steps write them
    recommendation: row.recommendation as CaseDetailOut['recommendation'],
    inspection: row.inspection as CaseDetailOut['inspection'],
    meeting: row.meeting as CaseDetailOut['meeting'],
    noticeCode: row.noticeCode,
    noticeContact: row.noticeContact,
    dispatchCode: row.dispatchCode,
    dispatchOn: row.dispatchOn,
    stoppedOn: row.stoppedOn,
    stopReason: row.stopReason,
    posts,
    candidates,
    responsibles: people.map((p) => ({ ...p, roleLabel: label(RESPONSIBLE_ROLES, p.role) })),
    objections,
    events: events.map((e) => ({ ...e, at: e.at.toISOString() })),
  };
}
