import { and, eq, gte, inArray, lte, notExists, sql } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.js';
import { petitionSubjects, petitions } from '../petitions/schema.js';
import { setUnderNoticeSource } from '../petitions/under-notice.js';
import { appointmentCandidates, appointmentCases, appointmentObjections } from './schema.js';

/**
 * 公示–举报 interlock. A cadre is under notice on a day when a case's 任前公示 runs that day and they
 * are one of its people still to be appointed. Any petition naming them received from the notice's
 * first day on, however it arrived, is an objection that must be concluded by the discipline officer
 * (不影响任用 / 影响任用) before 任职.
 */
export async function underNotice(db: Queryable, cadreIds: number[], onDate: string): Promise<Set<number>> {
  if (!cadreIds.length) return new Set();
  const rows = await db
    .selectDistinct({ cadreId: appointmentCandidates.cadreId })
    .from(appointmentCandidates)
    .innerJoin(appointmentCases, eq(appointmentCases.id, appointmentCandidates.caseId))
    .where(
      and(
        inArray(appointmentCandidates.cadreId, cadreIds),
        eq(appointmentCandidates.status, 'passed'),
        eq(appointmentCases.step, 'noticed'),
        lte(appointmentCases.noticeStartsOn, onDate),
        gte(appointmentCases.noticeEndsOn, onDate),
      ),
    );
  return new Set(rows.map((r) => r.cadreId));
}

setUnderNoticeSource(underNotice);

/**
 * Petitions naming the candidate's cadre received from the notice's first day to `today` that have
 * no conclusion for them.
 */
export async function openObjections(
  db: Queryable,
  candidate: { id: number; cadreId: number },
  noticeStartsOn: string,
  today: string,
) {
  return db
    .select({ id: petitions.id, code: petitions.code, receivedOn: petitions.receivedOn })
    .from(petitions)
    .where(
      and(
        gte(petitions.receivedOn, noticeStartsOn),
        lte(petitions.receivedOn, today),
        sql`exists (select 1 from ${petitionSubjects} s where s.petition_id = ${petitions.id} and s.cadre_id = ${candidate.cadreId})`,
        notExists(
          db
            .select({ x: sql`1` })
            .from(appointmentObjections)
            .where(
              and(
                eq(appointmentObjections.petitionId, petitions.id),
                eq(appointmentObjections.candidateId, candidate.id),
              ),
            ),
        ),
      ),
    )
    .orderBy(petitions.receivedOn, petitions.id);
}
