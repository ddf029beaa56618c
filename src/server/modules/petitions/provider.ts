import { and, asc, eq } from 'drizzle-orm';
import { PETITION_STATUSES, type PetitionStatus } from '../../../domain/petition-workflow.js';
import { registerCadreProvider, type TimelineEntry } from '../cadres/providers.js';
import { petitionVisibility } from './load-petition.js';
import { petitionSubjects, petitions } from './schema.js';

// 信访举报 on the supervision file's timeline: the petitions naming the cadre that the viewer may
// see (scope, unit assignment, recusal) — date received, code, matter and status; no identity.
registerCadreProvider({
  key: 'petition',
  label: '信访举报',
  permission: 'petition.read',
  async timeline(db, actor, cadreId) {
    const rows = await db
      .selectDistinct({
        id: petitions.id,
        receivedOn: petitions.receivedOn,
        code: petitions.code,
        title: petitions.title,
        status: petitions.status,
      })
      .from(petitions)
      .innerJoin(petitionSubjects, eq(petitionSubjects.petitionId, petitions.id))
      .where(and(eq(petitionSubjects.cadreId, cadreId), petitionVisibility(actor)))
      .orderBy(asc(petitions.receivedOn), asc(petitions.id));
    return rows.map(
      (p): TimelineEntry => ({
        date: p.receivedOn,
        kind: 'petition',
        title: `信访举报 ${p.code}：${p.title}`,
        detail: PETITION_STATUSES[p.status as PetitionStatus] ?? p.status,
        link: `/petitions/${p.id}`,
      }),
    );
  },
});
