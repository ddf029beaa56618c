import { z } from 'zod';
import { isoDay, text } from '../http/text.js';

const day = isoDay();

export const yearQuery = z.object({
  year: z.coerce
    .number({ message: '年份须为数字' })
    .int('年份须为整数')
    .min(2000, '年份须在 2000 到 2100 之间')
    .max(2100, '年份须在 2000 到 2100 之间')
    .optional(),
});

export const dayParam = z.object({ day });

export const dayKind = z.enum(['holiday', 'workday'], { message: '请选择“休”（节假日）或“班”（调休上班）' });

export const dayBody = z.object({
  kind: dayKind,
  name: text().trim().min(1, '请输入名称（如“国庆节”）').max(30, '名称不超过 30 字'),
});

export const calendarDayOut = z.object({
  day: z.string(),
  /** ordinary: a package holiday or make-up day that an administrator turned back into an ordinary day. */
  kind: z.enum(['holiday', 'workday', 'ordinary']),
  name: z.string(),
  source: z.string(),
  updatedAt: z.string(),
});
export type CalendarDayOut = z.infer<typeof calendarDayOut>;

export const yearOut = z.object({ year: z.number(), days: z.array(calendarDayOut) });

export const MAX_SPAN_DAYS = 3660;
export const MAX_ADD = 1000;

export const workingDaysQuery = z
  .object({
    from: day.optional(),
    to: day.optional(),
    start: day.optional(),
    add: z.coerce
      .number({ message: '工作日数须为数字' })
      .int('工作日数须为整数')
      .min(0, '工作日数不能为负数')
      .max(MAX_ADD, `工作日数不超过 ${MAX_ADD}`)
      .optional(),
  })
  .superRefine((q, issue) => {
    const between = q.from !== undefined || q.to !== undefined;
    const adding = q.start !== undefined || q.add !== undefined;
    if (between === adding) {
      issue.addIssue({
        code: 'custom',
        path: ['from'],
        message: '请提供 from 和 to（计算间隔），或 start 和 add（推算日期）',
      });
    } else if (between && (q.from === undefined || q.to === undefined)) {
      issue.addIssue({ code: 'custom', path: [q.from ? 'to' : 'from'], message: '请同时提供起止日期' });
    } else if (adding && (q.start === undefined || q.add === undefined)) {
      issue.addIssue({
        code: 'custom',
        path: [q.start ? 'add' : 'start'],
        message: '请同时提供起始日期和工作日数',
      });
    }
  });

export const workingDaysOut = z.object({
  from: z.string().optional(),
  to: z.string().optional(),
  workingDays: z.number().optional(),
  start: z.string().optional(),
  add: z.number().optional(),
  date: z.string().optional(),
});
