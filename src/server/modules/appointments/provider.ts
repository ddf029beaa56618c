import { and, asc, eq } from 'drizzle-orm';
import { CANDIDATE_STATUSES } from '../../../domain/appointments/workflow.js';
import { registerCadreProvider, type TimelineEntry } from '../cadres/providers.js';
import { caseVisibility } from './access.js';
import { appointmentCandidates, appointmentCases } from './schema.js';

// 选拔任用 on the supervision file: the cases a cadre was a candidate in, with how far they got, for
// viewers who may open the case (scope; recusal of every candidate).
registerCadreProvider({
  key: 'appointment',
  label: '选拔任用',
  permission: 'appointment.read',
  async timeline(db, actor, cadreId) {
    const rows = await db
      .select({ k: appointmentCases, c: appointmentCandidates })
      .from(appointmentCandidates)
      .innerJoin(appointmentCases, eq(appointmentCases.id, appointmentCandidates.caseId))
      .where(and(eq(appointmentCandidates.cadreId, cadreId), caseVisibility(actor)))
      .orderBy(asc(appointmentCases.proposedOn), asc(appointmentCandidates.id));
    return rows.map(
      ({ k, c }): TimelineEntry => ({
        date: c.revokedOn ?? k.dispatchOn ?? k.noticeStartsOn ?? k.proposedOn,
        kind: 'appointment',
        title: `${k.code} ${k.title}：${CANDIDATE_STATUSES[c.status as keyof typeof CANDIDATE_STATUSES] ?? c.status}`,
        detail: c.revokeReason ?? c.stopReason ?? undefined,
        link: `/appointments/${k.id}`,
      }),
    );
  },
});
