import { z } from 'zod';
import { ORG_KINDS } from '../../../domain/org-tree.js';
import { PREFIX_PATTERN, PREFIX_RULE } from '../../../domain/petition-code.js';
import { listQuery } from '../http/pagination.js';
import { text } from '../http/text.js';

const kinds = Object.keys(ORG_KINDS) as [keyof typeof ORG_KINDS, ...(keyof typeof ORG_KINDS)[]];

export const orgKind = z.enum(kinds, { message: '组织类型不正确' });

export const orgOut = z.object({
  id: z.number(),
  parentId: z.number().nullable(),
  name: z.string(),
  kind: z.string(),
  code: z.string().nullable(),
  path: z.string(),
  sort: z.number(),
  /** Null: not set yet; the first petition number takes `petitionPrefixSuggested`. */
  petitionPrefix: z.string().nullable(),
  petitionPrefixSuggested: z.string(),
  version: z.number(),
});
export type OrgOut = z.infer<typeof orgOut>;

/** 信访编号前缀: letters and digits, upper-cased; blank or null leaves it to the name's initials. */
const petitionPrefix = text()
  .trim()
  .transform((v) => v.toUpperCase())
  .refine((v) => v === '' || PREFIX_PATTERN.test(v), PREFIX_RULE)
  .transform((v) => v || null)
  .nullable()
  .optional();

export const orgCreate = z.object({
  name: text().trim().min(1, '请输入组织名称').max(60, '组织名称不超过 60 字'),
  kind: orgKind,
  parentId: z.number().int().positive().nullable(),
  code: text().trim().max(30, '编码不超过 30 个字符').nullable().optional(),
  sort: z.number().int().min(0).max(9999).default(0),
  petitionPrefix,
});

export const orgUpdate = z.object({
  name: text().trim().min(1, '请输入组织名称').max(60, '组织名称不超过 60 字'),
  code: text().trim().max(30).nullable().optional(),
  sort: z.number().int().min(0).max(9999).default(0),
  /** Absent: unchanged. */
  petitionPrefix,
  version: z.number().int().positive(),
});

export const orgListQuery = listQuery.extend({
  parentId: z.coerce.number().int().positive().optional(),
  kind: orgKind.optional(),
});

export const idParam = z.object({ id: z.coerce.number().int().positive('编号不正确') });
