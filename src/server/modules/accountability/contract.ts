import { z } from 'zod';
import { RECORD_KIND_CODES } from '../../../domain/accountability/kinds.js';
import { cappedTotal } from '../../platform/http/capped-count.js';
import { listQuery, pageOf } from '../../platform/http/pagination.js';
import { isoDay, text } from '../../platform/http/text.js';

const optionalText = (max: number) => text().trim().max(max, `不超过 ${max} 字`).nullable().optional();
const code = (message: string) => text().trim().min(1, message).max(40, message);
const id = (message: string) => z.number({ message }).int(message).positive(message);

export const idParam = z.object({ id: z.coerce.number().int().positive('编号不正确') });

export const sanctionIn = z.strictObject({
  kind: code('请选择处理种类'),
  /** Defaults to the record's decision date when it is confirmed. */
  effectiveFrom: isoDay('请填写处理生效日期').nullable().optional(),
  gradeYear: z
    .number()
    .int('年度不正确')
    .min(1990, '年度不正确')
    .max(2100, '年度不正确')
    .nullable()
    .optional(),
  tenureIds: z.array(id('任职记录不正确')).max(50, '最多 50 条任职').default([]),
  note: optionalText(200),
});
export type SanctionInput = z.infer<typeof sanctionIn>;

export const personIn = z.strictObject({
  cadreId: id('干部不正确').nullable().optional(),
  /** For a person outside the registry; a registry cadre's name is read from the registry. */
  name: optionalText(40),
  post: optionalText(100),
  role: optionalText(30),
  sanctions: z.array(sanctionIn).max(10, '每人最多 10 项处理').default([]),
});
export type PersonInput = z.infer<typeof personIn>;

const recordFields = {
  kind: z.enum(RECORD_KIND_CODES as [string, ...string[]], { message: '请选择追究类型' }),
  category: code('请选择工作失误类别').nullable().optional(),
  title: text().trim().min(1, '请填写事由').max(100, '事由不超过 100 字'),
  facts: text().trim().min(1, '请填写基本事实').max(5000, '基本事实不超过 5000 字'),
  basis: text().trim().min(1, '请填写追究依据').max(500, '追究依据不超过 500 字'),
  basisPolicyId: id('依据制度不正确').nullable().optional(),
  decidingBody: optionalText(60),
  decidedOn: isoDay('请填写决定日期').nullable().optional(),
  persons: z.array(personIn).min(1, '请至少填写一名被追究人').max(100, '最多 100 名被追究人'),
};

export const createRecordIn = z.strictObject({
  orgId: id('请选择单位'),
  ...recordFields,
});
export type CreateRecordInput = z.infer<typeof createRecordIn>;

export const updateRecordIn = z.strictObject({ version: z.number().int(), ...recordFields });
export type UpdateRecordInput = z.infer<typeof updateRecordIn>;

export const confirmIn = z.strictObject({
  version: z.number().int(),
  /** May be given here when the draft has none. */
  decidedOn: isoDay('请填写决定日期').nullable().optional(),
  decidingBody: optionalText(60),
});
export const dismissIn = z.strictObject({
  version: z.number().int(),
  reason: text().trim().min(1, '请填写不予追究的理由').max(500, '理由不超过 500 字'),
});

export const reviewSanctionIn = z.strictObject({
  version: z.number().int(),
  sanctionId: id('请选择要变更的处理'),
  /** change: replaced by `replacement`; lift: taken out of force altogether. */
  action: z.enum(['change', 'lift'], { message: '请选择变更或撤销' }),
  ground: z.enum(['appeal', 'review', 'other'], { message: '请选择变更依据（申诉、复查或其他）' }),
  on: isoDay('请填写变更（撤销）日期'),
  reason: text().trim().min(1, '请填写变更（撤销）理由').max(500, '理由不超过 500 字'),
  replacement: sanctionIn.nullable().optional(),
});

export const recordListQuery = listQuery.extend({
  kind: z.enum(RECORD_KIND_CODES as [string, ...string[]]).optional(),
  status: z.enum(['draft', 'in_force', 'dismissed']).optional(),
  sanction: text().trim().max(40).optional(),
  orgId: z.coerce.number().int().positive().optional(),
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  category: text().trim().max(40).optional(),
});
export type RecordListQuery = z.infer<typeof recordListQuery>;

export const ledgerQuery = recordListQuery.omit({ page: true, pageSize: true, sort: true, order: true });

const sanctionOut = z.object({
  id: z.number(),
  personId: z.number(),
  kind: z.string(),
  kindLabel: z.string(),
  family: z.string(),
  effectiveFrom: z.string().nullable(),
  ruleKey: z.string(),
  /** The first day it no longer bars promotion (null: it does not bar, or not by time). */
  effectEndsOn: z.string().nullable(),
  gradeYear: z.number().nullable(),
  tenures: z.array(
    z.object({ id: z.number(), title: z.string(), startDate: z.string(), endDate: z.string().nullable() }),
  ),
  note: z.string().nullable(),
  status: z.string(),
  endedOn: z.string().nullable(),
  endGround: z.string().nullable(),
  endReason: z.string().nullable(),
  replacesId: z.number().nullable(),
});
export type SanctionOut = z.infer<typeof sanctionOut>;

const personOut = z.object({
  id: z.number(),
  cadreId: z.number().nullable(),
  name: z.string(),
  post: z.string().nullable(),
  role: z.string().nullable(),
  sanctions: z.array(sanctionOut),
});

const eventOut = z.object({
  id: z.number(),
  action: z.string(),
  occurredOn: z.string(),
  at: z.string(),
  userName: z.string().nullable(),
  reason: z.string().nullable(),
});

export const recordSummaryOut = z.object({
  id: z.number(),
  orgId: z.number(),
  orgName: z.string(),
  kind: z.string(),
  category: z.string().nullable(),
  categoryLabel: z.string().nullable(),
  title: z.string(),
  decidingBody: z.string().nullable(),
  decidedOn: z.string().nullable(),
  status: z.string(),
  source: z.string(),
  persons: z.array(z.string()),
  sanctions: z.array(z.string()),
  version: z.number(),
});
export const recordListOut = pageOf(recordSummaryOut).extend(cappedTotal);

export const recordDetailOut = recordSummaryOut.extend({
  facts: z.string(),
  basis: z.string(),
  basisPolicy: z.object({ id: z.number(), title: z.string() }).nullable(),
  closedOn: z.string().nullable(),
  dismissReason: z.string().nullable(),
  sourceRef: z.string().nullable(),
  people: z.array(personOut),
  events: z.array(eventOut),
});
export type RecordDetail = z.infer<typeof recordDetailOut>;

export const optionsOut = z.object({
  kinds: z.array(z.object({ code: z.string(), label: z.string() })),
  sanctionKinds: z.array(
    z.object({
      code: z.string(),
      label: z.string(),
      family: z.string(),
      familyLabel: z.string(),
      ruleKey: z.string(),
      hasRule: z.boolean(),
    }),
  ),
  categories: z.array(
    z.object({ code: z.string(), label: z.string(), ladder: z.record(z.string(), z.array(z.string())) }),
  ),
});
