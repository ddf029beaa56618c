import { getTableColumns, sql } from 'drizzle-orm';
import { z } from 'zod';
import { cadres } from './schema.js';

/** The columns a detail reads: everything but the photo bytes (2 MB at most, fetched on their own). */
const { photo, ...columns } = getTableColumns(cadres);
export const detailColumns = { ...columns, hasPhoto: sql<boolean>`${photo} is not null` };
type CadreRow = Omit<typeof cadres.$inferSelect, 'photo'> & { hasPhoto: boolean };

/** The post a cadre holds now: from their open tenure, else the 现任职务 text as recorded. */
export const currentPost = z.object({ title: z.string().nullable(), level: z.string().nullable() });
export type CurrentPost = z.infer<typeof currentPost>;

/** A roster line: the ID number only masked. */
export const cadreRowOut = z.object({
  id: z.number(),
  name: z.string(),
  gender: z.string().nullable(),
  birthDate: z.string().nullable(),
  age: z.number().nullable(),
  ethnicity: z.string().nullable(),
  orgId: z.number(),
  orgName: z.string(),
  positionTitle: z.string().nullable(),
  positionLevel: z.string().nullable(),
  education: z.string().nullable(),
  politicalStatus: z.string().nullable(),
  status: z.string(),
  idNumberMasked: z.string().nullable(),
});
export type CadreRowOut = z.infer<typeof cadreRowOut>;

const nullableText = z.string().nullable();

/** Everything about a cadre except the full ID number (see reveal-id) and the photo bytes. */
export const cadreDetailOut = z.object({
  id: z.number(),
  orgId: z.number(),
  orgName: z.string(),
  name: z.string(),
  namePinyin: z.string(),
  gender: nullableText,
  birthDate: nullableText,
  age: z.number().nullable(),
  ethnicity: nullableText,
  nativePlace: nullableText,
  birthPlace: nullableText,
  partyJoinDate: nullableText,
  workStartDate: nullableText,
  politicalStatus: nullableText,
  health: nullableText,
  professionalTitle: nullableText,
  expertise: nullableText,
  education: nullableText,
  fullTimeEducation: nullableText,
  fullTimeDegree: nullableText,
  fullTimeSchool: nullableText,
  fullTimeDegreeSchool: nullableText,
  partTimeEducation: nullableText,
  partTimeDegree: nullableText,
  partTimeSchool: nullableText,
  partTimeDegreeSchool: nullableText,
  currentPosition: nullableText,
  current: currentPost,
  resume: nullableText,
  rewards: nullableText,
  annualReviews: nullableText,
  note: nullableText,
  idNumberMasked: nullableText,
  phone: nullableText,
  hasPhoto: z.boolean(),
  status: z.string(),
  source: z.string(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type CadreDetailOut = z.infer<typeof cadreDetailOut>;

export function toDetail(
  row: CadreRow,
  extra: { orgName: string; current: CurrentPost; age: number | null },
): CadreDetailOut {
  const { idNumberEnc, idNumberDigest, photoType, nameInitials, deletedAt, ...rest } = row;
  return {
    ...rest,
    ...extra,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
