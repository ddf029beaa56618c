import { and, asc, eq, inArray } from 'drizzle-orm';
import { cadreRecordsOf } from '../../../domain/accountability/effects.js';
import { RECORD_KINDS } from '../../../domain/accountability/kinds.js';
import { registerCadreProvider, type TimelineEntry } from '../cadres/providers.js';
import { recordVisibility } from './access.js';
import { accountabilityLabels } from './labels.js';
import { accountabilityPersons, accountabilityRecords, accountabilitySanctions } from './schema.js';

// 责任追究 on the supervision file and in promotion eligibility: the sanctions of records in force
// given to the cadre. The timeline shows the records the viewer may see (scope, recusal of every
// person named); the eligibility reads every sanction, changed and lifted ones up to their end.
registerCadreProvider({
  key: 'accountability',
  label: '责任追究',
  permission: 'accountability.read',
  async timeline(db, actor, cadreId) {
    const labels = await accountabilityLabels(db);
    const rows = await db
      .select({ r: accountabilityRecords, s: accountabilitySanctions })
      .from(accountabilitySanctions)
      .innerJoin(accountabilityPersons, eq(accountabilityPersons.id, accountabilitySanctions.personId))
      .innerJoin(accountabilityRecords, eq(accountabilityRecords.id, accountabilitySanctions.recordId))
      .where(
        and(
          eq(accountabilityPersons.cadreId, cadreId),
          inArray(accountabilityRecords.status, ['in_force']),
          recordVisibility(actor),
        ),
      )
      .orderBy(asc(accountabilitySanctions.effectiveFrom), asc(accountabilitySanctions.id));
    return rows.map(
      ({ r, s }): TimelineEntry => ({
        date: s.effectiveFrom ?? r.decidedOn ?? '',
        kind: 'accountability',
        title: `${labels.kind(s.kind)}（${RECORD_KINDS[r.kind as keyof typeof RECORD_KINDS] ?? r.kind}：${r.title}）`,
        detail:
          s.status === 'in_force'
            ? (r.decidingBody ?? undefined)
            : `已于 ${s.endedOn} ${s.status === 'lifted' ? '撤销' : '变更'}：${s.endReason ?? ''}`,
        link: `/accountability/${r.id}`,
      }),
    );
  },
  async records(db, cadreId) {
    const labels = await accountabilityLabels(db);
    const rows = await db
      .select({ r: accountabilityRecords, s: accountabilitySanctions })
      .from(accountabilitySanctions)
      .innerJoin(accountabilityPersons, eq(accountabilityPersons.id, accountabilitySanctions.personId))
      .innerJoin(accountabilityRecords, eq(accountabilityRecords.id, accountabilitySanctions.recordId))
      .where(and(eq(accountabilityPersons.cadreId, cadreId), eq(accountabilityRecords.status, 'in_force')));
    return cadreRecordsOf(
      rows
        .filter(({ s }) => s.effectiveFrom)
        .map(({ r, s }) => ({
          kind: s.kind,
          label: labels.kind(s.kind),
          effectiveFrom: s.effectiveFrom!,
          endsOn: s.status === 'in_force' ? null : s.endedOn,
          gradeYear: s.gradeYear,
          cause: labels.category(r.category) ?? r.title,
        })),
    );
  },
});
