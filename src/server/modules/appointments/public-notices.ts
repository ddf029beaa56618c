import { and, asc, eq, gte, inArray, lte } from 'drizzle-orm';
import { chinaDate } from '../../../domain/calendar.js';
import { LEVEL_LABELS } from '../../../domain/promotion-ladder.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/client.js';
import { dictItems } from '../../platform/dictionaries/schema.js';
import { notFound } from '../../platform/http/errors.js';
import { orgs } from '../../platform/orgs/schema.js';
import { cadres, positions } from '../cadres/schema.js';
import { setNoticeSubjectSource } from '../petitions/under-notice.js';
import { appointmentCandidates, appointmentCases as k } from './schema.js';

/**
 * 任前公示 on the public portal: the notices open today (a closed one leaves the list at once), each
 * person with a one-line bio from the file — 性别, 出生年月, 民族, 党派, 学历, 现任职务 → 拟任职务 — and
 * the contact for objections. Nothing of the internal record (votes, opinions, reasons) is read.
 */
const openOn = (day: string) =>
  and(eq(k.step, 'noticed'), lte(k.noticeStartsOn, day), gte(k.noticeEndsOn, day));

async function labels(db: Queryable) {
  const rows = await db
    .select({ type: dictItems.typeCode, code: dictItems.code, label: dictItems.label })
    .from(dictItems)
    .where(inArray(dictItems.typeCode, ['political_status', 'education']));
  return (type: string, code: string | null) =>
    code ? (rows.find((r) => r.type === type && r.code === code)?.label ?? code) : null;
}

async function people(db: Queryable, caseIds: number[], statuses = ['passed']) {
  if (!caseIds.length) return [];
  const [rows, label] = await Promise.all([
    db
      .select({ c: appointmentCandidates, cadre: cadres, post: positions.title, level: positions.level })
      .from(appointmentCandidates)
      .innerJoin(cadres, eq(cadres.id, appointmentCandidates.cadreId))
      .innerJoin(positions, eq(positions.id, appointmentCandidates.positionId))
      .where(
        and(inArray(appointmentCandidates.caseId, caseIds), inArray(appointmentCandidates.status, statuses)),
      )
      .orderBy(asc(appointmentCandidates.id)),
    labels(db),
  ]);
  return rows.map(({ c, cadre, post, level }) => ({
    caseId: c.caseId,
    candidateId: c.id,
    name: cadre.name,
    bio: [
      cadre.gender,
      cadre.birthDate ? `${cadre.birthDate.slice(0, 4)}年${Number(cadre.birthDate.slice(5, 7))}月生` : null,
      cadre.ethnicity,
      label('political_status', cadre.politicalStatus),
      label('education', cadre.education),
      cadre.currentPosition ? `现任${cadre.currentPosition}` : null,
    ]
      .filter(Boolean)
      .join('，'),
    proposed: `拟任${post}${LEVEL_LABELS[level] ? `（${LEVEL_LABELS[level]}）` : ''}`,
  }));
}

const shape = (row: typeof k.$inferSelect, orgName: string) => ({
  id: row.id,
  code: row.noticeCode ?? row.code,
  title: row.title,
  orgId: row.orgId,
  orgName,
  startsOn: row.noticeStartsOn!,
  endsOn: row.noticeEndsOn!,
  contact: row.noticeContact ?? '',
});

export async function listPublicNotices(ctx: AppContext) {
  const today = chinaDate(ctx.clock.now());
  const rows = await ctx.db
    .select({ k, orgName: orgs.name })
    .from(k)
    .innerJoin(orgs, eq(orgs.id, k.orgId))
    .where(openOn(today))
    .orderBy(asc(k.noticeEndsOn), asc(k.id))
    .limit(100);
  const all = await people(
    ctx.db,
    rows.map((r) => r.k.id),
  );
  return {
    items: rows.map((r) => ({
      ...shape(r.k, r.orgName),
      people: all.filter((p) => p.caseId === r.k.id).map(({ caseId: _, ...p }) => p),
    })),
  };
}

export async function getPublicNotice(ctx: AppContext, id: number) {
  const today = chinaDate(ctx.clock.now());
  const [r] = await ctx.db
    .select({ k, orgName: orgs.name })
    .from(k)
    .innerJoin(orgs, eq(orgs.id, k.orgId))
    .where(and(eq(k.id, id), openOn(today)));
  if (!r) throw notFound('该任前公示已结束或不存在');
  const all = await people(ctx.db, [id]);
  return { ...shape(r.k, r.orgName), people: all.map(({ caseId: _, ...p }) => p) };
}

// a report from the portal's notice page names the person it is about, while the notice runs
setNoticeSubjectSource(async (db, ref, onDate) => {
  const [row] = await db
    .select({ cadreId: cadres.id, name: cadres.name, post: positions.title, orgId: k.orgId })
    .from(appointmentCandidates)
    .innerJoin(k, eq(k.id, appointmentCandidates.caseId))
    .innerJoin(cadres, eq(cadres.id, appointmentCandidates.cadreId))
    .innerJoin(positions, eq(positions.id, appointmentCandidates.positionId))
    .where(
      and(
        eq(appointmentCandidates.id, ref.candidateId),
        eq(appointmentCandidates.caseId, ref.caseId),
        eq(appointmentCandidates.status, 'passed'),
        openOn(onDate),
      ),
    );
  return row ? { cadreId: row.cadreId, name: row.name, unitText: `拟任${row.post}`, orgId: row.orgId } : null;
});

/** The people of a case's notice as the public sees them (for the printed notice). */
export const getPublicNoticeOf = async (db: Queryable, caseId: number) =>
  (await people(db, [caseId], ['passed', 'appointed', 'stopped', 'revoked'])).map(({ caseId: _, ...p }) => p);
