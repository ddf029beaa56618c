import { z } from 'zod';
import { listQuery } from '../http/pagination.js';
import { dayOrInstant, orderedRange, text } from '../http/text.js';

/** A date (a whole day in China time) or an ISO instant with its zone. */
const when = dayOrInstant();

export const auditFilters = z.object({
  from: when.optional(),
  to: when.optional(),
  username: text().trim().max(60).optional(),
  action: text().trim().max(60).optional(),
  result: z.enum(['success', 'failure', 'denied'], { message: '结果只能是成功、失败或拒绝' }).optional(),
  objectType: text().trim().max(40).optional(),
  objectId: text().trim().max(60).optional(),
});
const ordered = orderedRange<{ from?: string; to?: string }>('from', 'to');
export const auditFiltersQuery = auditFilters.superRefine(ordered);
export type AuditFilters = z.infer<typeof auditFilters>;

export const auditListQuery = listQuery
  .omit({ sort: true, order: true, q: true })
  .extend(auditFilters.shape)
  .superRefine(ordered);
export type AuditListQuery = z.infer<typeof auditListQuery>;

export const auditOut = z.object({
  id: z.number(),
  at: z.string(),
  userId: z.number().nullable(),
  username: z.string().nullable(),
  orgId: z.number().nullable(),
  orgName: z.string().nullable(),
  action: z.string(),
  objectType: z.string().nullable(),
  objectId: z.string().nullable(),
  /** The object as people name it (XF2026-0074, a cadre's name), where its module can say. */
  objectLabel: z.string().nullable(),
  result: z.string(),
  ip: z.string().nullable(),
  detail: z.unknown(),
  hash: z.string(),
});
export type AuditOut = z.infer<typeof auditOut>;

export const verifyOut = z.object({
  ok: z.boolean(),
  checked: z.number(),
  lastId: z.number().nullable(),
  firstBreak: z
    .object({ id: z.number(), reason: z.enum(['prev_mismatch', 'hash_mismatch']), at: z.string().nullable() })
    .nullable(),
  /** The chain against its anchors: a problem means records were removed from the end, or replaced. */
  anchors: z.object({
    checked: z.number(),
    latestId: z.number().nullable(),
    problem: z.string().nullable(),
    truncatedAt: z.number().nullable(),
  }),
});
