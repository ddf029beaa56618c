import { and, asc, desc, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../../../platform/db/client.js';
import { orgs } from '../../../platform/orgs/schema.js';
import { cadres, tenures } from '../schema.js';

export const EXPORT_BATCH = 1000;

const columns = {
  id: cadres.id,
  orgId: cadres.orgId,
  orgSort: orgs.sort,
  name: cadres.name,
  namePinyin: cadres.namePinyin,
  gender: cadres.gender,
  ethnicity: cadres.ethnicity,
  birthDate: cadres.birthDate,
  idNumberEnc: cadres.idNumberEnc,
  idNumberMasked: cadres.idNumberMasked,
  nativePlace: cadres.nativePlace,
  politicalStatus: cadres.politicalStatus,
  partyJoinDate: cadres.partyJoinDate,
  workStartDate: cadres.workStartDate,
  fullTimeEducation: cadres.fullTimeEducation,
  fullTimeDegree: cadres.fullTimeDegree,
  fullTimeSchool: cadres.fullTimeSchool,
  partTimeEducation: cadres.partTimeEducation,
  partTimeDegree: cadres.partTimeDegree,
  partTimeSchool: cadres.partTimeSchool,
  education: cadres.education,
  currentPosition: cadres.currentPosition,
  phone: cadres.phone,
  status: cadres.status,
  note: cadres.note,
};
export type Cursor = { orgSort: number; orgId: number; namePinyin: string; id: number } | null;

/**
 * The next batch of the roster after `cursor`, in the roster's order (unit, then name in pinyin
 * order), read by keyset so that a large export keeps memory and time flat.
 */
export function rosterBatch(db: Queryable, where: SQL, cursor: Cursor) {
  return db
    .select(columns)
    .from(cadres)
    .innerJoin(orgs, eq(orgs.id, cadres.orgId))
    .where(
      and(
        where,
        cursor
          ? sql`(${orgs.sort}, ${orgs.id}, ${cadres.namePinyin}, ${cadres.id}) > (${cursor.orgSort}, ${cursor.orgId}, ${cursor.namePinyin}, ${cursor.id})`
          : undefined,
      ),
    )
    .orderBy(asc(orgs.sort), asc(orgs.id), asc(cadres.namePinyin), asc(cadres.id))
    .limit(EXPORT_BATCH);
}

export type RosterRecord = Awaited<ReturnType<typeof rosterBatch>>[number];

export interface OpenPost {
  level: string | null;
  isPrincipal: boolean;
  startDate: string;
  title: string;
}

/** Each cadre's main open post: the principal one first, then the latest (as the roster page shows it). */
export async function openPosts(db: Queryable, cadreIds: number[]): Promise<Map<number, OpenPost>> {
  const out = new Map<number, OpenPost>();
  if (cadreIds.length === 0) return out;
  const rows = await db
    .select({
      cadreId: tenures.cadreId,
      title: tenures.title,
      level: tenures.level,
      isPrincipal: tenures.isPrincipal,
      startDate: tenures.startDate,
    })
    .from(tenures)
    .where(and(inArray(tenures.cadreId, cadreIds), isNull(tenures.endDate)))
    .orderBy(desc(tenures.isPrincipal), desc(tenures.startDate), asc(tenures.id));
  for (const { cadreId, ...post } of rows) if (!out.has(cadreId)) out.set(cadreId, post);
  return out;
}
