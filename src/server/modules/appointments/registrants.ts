import { asc, eq } from 'drizzle-orm';
import { isSelectionMethod, QUALIFICATION_RESULTS } from '../../../domain/appointments/selection.js';
import { APPOINTMENT_METHODS, CASE_STEPS } from '../../../domain/appointments/workflow.js';
import type { Queryable } from '../../platform/db/client.js';
import { unprocessable } from '../../platform/http/errors.js';
import { positions } from '../cadres/schema.js';
import type { CaseRow } from './access.js';
import { appointmentRegistrants } from './schema.js';

/** Registration, qualification and scores happen on a 公开选拔/竞争上岗 case still at 动议. */
export function requireSelectionStage(row: CaseRow) {
  if (!isSelectionMethod(row.method))
    throw unprocessable(
      `${APPOINTMENT_METHODS[row.method as keyof typeof APPOINTMENT_METHODS] ?? row.method}不设报名、资格审查和考试环节`,
    );
  if (row.step !== 'proposed')
    throw unprocessable(
      `该选拔任用事项当前为“${CASE_STEPS[row.step as keyof typeof CASE_STEPS] ?? row.step}”，报名、资格审查和成绩已不能更改`,
    );
}

/** A person outside the registry: what they registered with (see `register`). */
export interface RegistrantFacts {
  gender: string;
  birthDate: string;
  education: string;
  politicalStatus: string | null;
  currentPost: string;
}

/** The registrants of a case with their posts, in the order registered. */
export async function registrantsOf(db: Queryable, caseId: number) {
  const rows = await db
    .select({
      r: appointmentRegistrants,
      post: positions.title,
      level: positions.level,
      isPrincipal: positions.isPrincipal,
    })
    .from(appointmentRegistrants)
    .innerJoin(positions, eq(positions.id, appointmentRegistrants.positionId))
    .where(eq(appointmentRegistrants.caseId, caseId))
    .orderBy(asc(appointmentRegistrants.id));
  return rows.map(({ r, post, level, isPrincipal }) => ({
    ...r,
    facts: r.facts as RegistrantFacts | null,
    post,
    level,
    isPrincipal,
    qualificationLabel: r.withdrawnOn
      ? '已撤回报名'
      : r.qualification
        ? QUALIFICATION_RESULTS[r.qualification as keyof typeof QUALIFICATION_RESULTS]
        : '待审查',
  }));
}
export type RegistrantRow = Awaited<ReturnType<typeof registrantsOf>>[number];
