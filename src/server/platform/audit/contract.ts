import { z } from 'zod';
import { isIsoDate } from '../../../domain/calendar.js';
import { listQuery } from '../http/pagination.js';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MESSAGE = '请输入日期（如 2026-03-01）或带时区的时间（如 2026-03-01T08:00:00+08:00）';

/** A date (a whole day in China time) or an ISO instant with its zone. */
const when = z
  .string()
  .trim()
  .max(40)
  .refine(
    (s) => (DAY.test(s) ? isIsoDate(s) : /T.*(Z|[+-]\d{2}:?\d{2})$/.test(s) && !Number.isNaN(Date.parse(s))),
    MESSAGE,
  );

export const auditFilters = z.object({
  from: when.optional(),
  to: when.optional(),
  username: z.string().trim().max(60).optional(),
  action: z.string().trim().max(60).optional(),
  result: z.enum(['success', 'failure', 'denied'], { message: '结果只能是成功、失败或拒绝' }).optional(),
  objectType: z.string().trim().max(40).optional(),
  objectId: z.string().trim().max(60).optional(),
});
export type AuditFilters = z.infer<typeof auditFilters>;

export const auditListQuery = listQuery.omit({ sort: true, order: true, q: true }).extend(auditFilters.shape);
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
