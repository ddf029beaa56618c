import { z } from 'zod';
import { listQuery } from '../http/pagination.js';
import { isoDay, text } from '../http/text.js';

const isoDate = (message: string) => isoDay(message, message);

const flag = z
  .enum(['true', 'false', '1', '0'], { message: '应为 true 或 false' })
  .transform((v) => v === 'true' || v === '1');

export const todoListQuery = listQuery.extend({
  status: z.enum(['open', 'done'], { message: '状态应为 open 或 done' }).default('open'),
  overdue: flag.optional(),
  /** Open to-dos due on or before this date (China). */
  dueBy: isoDate('截止日期格式不正确，请按“2026-03-24”填写').optional(),
});

export const todoOut = z.object({
  id: z.number(),
  title: z.string(),
  recordType: z.string(),
  recordId: z.string(),
  link: z.string().nullable(),
  orgId: z.number(),
  orgName: z.string().nullable(),
  assigneeUserId: z.number().nullable(),
  assigneeRole: z.string().nullable(),
  /** The due date in China (YYYY-MM-DD): no time, no time zone. */
  dueOn: z.string().nullable(),
  kind: z.enum(['step', 'personal']),
  status: z.string(),
  createdAt: z.string(),
  doneAt: z.string().nullable(),
  /** overdue | soon | normal | none, by the server's clock. */
  dueState: z.string(),
  overdueDays: z.number(),
});
export type TodoOut = z.infer<typeof todoOut>;

export const todoSummary = z.object({
  open: z.number(),
  dueSoon: z.number(),
  overdue: z.number(),
  unreadNotifications: z.number(),
});

export const notificationListQuery = listQuery.extend({ unread: flag.optional() });

export const notificationOut = z.object({
  id: z.number(),
  title: z.string(),
  body: z.string().nullable(),
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});

export const personalTodoBody = z.strictObject({
  title: text().trim().min(1, '请填写待办事项').max(200, '待办事项不超过 200 字'),
  dueOn: isoDate('截止日期格式不正确，请按“2026-03-24”填写').nullable().optional(),
});

export const idParam = z.object({
  id: z.coerce.number().int().positive('编号不正确').max(Number.MAX_SAFE_INTEGER, '编号不正确'),
});
