import { z } from 'zod';
import { LADDER } from '../../../../domain/promotion-ladder.js';
import { isoDay } from '../../../platform/http/text.js';

export const eligibilityQuery = z.strictObject({
  date: isoDay()
    .refine((d) => d >= '1950-01-01' && d <= '2099-12-31', '日期应在 1950 至 2099 年之间')
    .optional(),
  /** The post considered (拟任职务层次); without it, the next step up from the current post. */
  targetLevel: z.enum(LADDER, { message: '拟任职务层次不正确' }).optional(),
  targetPrincipal: z.enum(['true', 'false'], { message: '应为 true 或 false' }).optional(),
});

const postLevel = z.object({ level: z.string(), isPrincipal: z.boolean() });

export const eligibilityOut = z.object({
  eligible: z.boolean(),
  verdict: z.enum(['eligible', 'blocked', 'undetermined']),
  onDate: z.string(),
  current: z
    .object({ title: z.string(), level: z.string().nullable(), isPrincipal: z.boolean(), since: z.string() })
    .nullable(),
  target: postLevel.nullable(),
  reasons: z.array(
    z.object({
      code: z.string(),
      message: z.string(),
      rule: z.object({ key: z.string(), name: z.string(), source: z.string() }),
      since: z.string().optional(),
      clearsOn: z.string().nullable(),
    }),
  ),
  missing: z.array(z.object({ code: z.string(), message: z.string() })),
});

export const timelineEntryOut = z.object({
  date: z.string(),
  kind: z.string(),
  title: z.string(),
  detail: z.string().optional(),
  link: z.string().optional(),
});

const nullableText = z.string().nullable();

/** The supervision file: who, where, eligibility today, and everything recorded, by year. */
export const cadreFileOut = z.object({
  cadre: z.object({
    id: z.number(),
    name: z.string(),
    gender: nullableText,
    birthDate: nullableText,
    age: z.number().nullable(),
    ethnicity: nullableText,
    orgId: z.number(),
    orgName: z.string(),
    post: nullableText,
    postLevel: nullableText,
    education: nullableText,
    politicalStatus: nullableText,
    idNumberMasked: nullableText,
    hasPhoto: z.boolean(),
    status: z.string(),
  }),
  eligibility: eligibilityOut,
  timeline: z.array(z.object({ year: z.string(), entries: z.array(timelineEntryOut) })),
  /** The kinds of record the viewer may see on the timeline. */
  legend: z.array(z.object({ key: z.string(), label: z.string() })),
});
export type CadreFileOut = z.infer<typeof cadreFileOut>;
