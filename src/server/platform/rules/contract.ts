import { z } from 'zod';
import { isoDay, text } from '../http/text.js';

export const keyParam = z.object({
  key: text()
    .max(80)
    .regex(/^[a-z0-9_.]+$/, '规则标识不正确'),
});

export const ruleVersionOut = z.object({
  id: z.number(),
  version: z.number(),
  value: z.unknown(),
  source: z.string(),
  effectiveFrom: z.string(),
  effectiveTo: z.string().nullable(),
  note: z.string().nullable(),
  createdAt: z.string(),
});
export type RuleVersionOut = z.infer<typeof ruleVersionOut>;

export const ruleOut = z.object({
  key: z.string(),
  name: z.string(),
  unit: z.string(),
  area: z.string(),
  /** The version in force today (China time); null if the rule starts later. */
  current: ruleVersionOut.nullable(),
  /** Every version, newest first. */
  versions: z.array(ruleVersionOut),
});
export type RuleOut = z.infer<typeof ruleOut>;

export const newVersionBody = z.object({
  value: z.unknown().refine((v) => v !== undefined && v !== null, '请输入规则值'),
  effectiveFrom: isoDay('请填写生效日期', '生效日期不正确，请按“2026-01-05”的格式填写'),
  source: text().trim().min(1, '请填写依据（法规名称、文号或会议决定）').max(200, '依据不超过 200 字'),
  note: text().trim().max(500, '说明不超过 500 字').nullable().optional(),
});
export type NewVersionBody = z.infer<typeof newVersionBody>;
