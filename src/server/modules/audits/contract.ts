import { z } from 'zod';
import {
  AUDIT_KIND_CODES,
  AUDIT_STATUSES,
  RESPONSIBILITY_TIERS,
  SEVERITIES,
} from '../../../domain/audits/audit.js';
import { BUCKETS } from '../../../domain/audits/clocks.js';
import { AMOUNT_PROBLEM, OUTCOME_KINDS, toFen } from '../../../domain/audits/outcomes.js';
import { CONTINUE_REASONS, ITEM_STATUSES } from '../../../domain/audits/rectification.js';
import { listQuery } from '../../platform/http/pagination.js';
import { isoDay, text } from '../../platform/http/text.js';
import { subjectInput } from '../petitions/workflow/register-contract.js';

const optionalText = (max: number) => text().trim().max(max, `不超过 ${max} 字`).nullable().optional();
const required = (label: string, max: number) =>
  text().trim().min(1, `请填写${label}`).max(max, `${label}不超过 ${max} 字`);
const id = (message: string) => z.number({ message }).int(message).positive(message);
const keys = <T extends Record<string, string>>(o: T) =>
  Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];

/** An amount of yuan, at most two decimals: a number or its text. */
export const yuan = () =>
  z
    .union([z.number({ message: AMOUNT_PROBLEM }), text().trim()])
    .refine((v) => toFen(v) !== null, AMOUNT_PROBLEM);

export const idParam = z.object({ id: z.coerce.number().int().positive('编号不正确') });
export const version = z.number({ message: '缺少版本号' }).int();

export const planIn = z.strictObject({
  orgId: id('请选择单位'),
  year: z.number({ message: '年度不正确' }).int('年度不正确').min(2000, '年度不正确').max(2100, '年度不正确'),
  kind: z.enum(AUDIT_KIND_CODES as [string, ...string[]], { message: '请选择计划类型' }),
  title: required('计划名称', 100),
  note: optionalText(1000),
});

export const createAuditIn = z.strictObject({
  orgId: id('请选择被审计单位'),
  planId: id('审计计划不正确').nullable().optional(),
  kind: z.enum(AUDIT_KIND_CODES as [string, ...string[]], { message: '请选择审计类型' }),
  title: required('审计项目名称', 100),
  subjectCadreId: id('被审计干部不正确').nullable().optional(),
  periodFrom: isoDay('请填写审计期间起始日期'),
  periodTo: isoDay('请填写审计期间截止日期'),
  auditorUserIds: z.array(id('审计人员不正确')).max(20, '审计人员最多 20 人').default([]),
  noticeNo: optionalText(60),
  noticeOn: isoDay('审计通知日期不正确').nullable().optional(),
  startedOn: isoDay('进点日期不正确').nullable().optional(),
});
export type CreateAuditInput = z.infer<typeof createAuditIn>;

export const confirmAuditIn = z.strictObject({
  version,
  auditorUserIds: z.array(id('审计人员不正确')).max(20, '审计人员最多 20 人').default([]),
  noticeNo: optionalText(60),
  noticeOn: isoDay('审计通知日期不正确').nullable().optional(),
});
export const dismissAuditIn = z.strictObject({ version, reason: required('不予审计的理由', 500) });
export const reportAuditIn = z.strictObject({
  version,
  reportedOn: isoDay('请填写审计报告日期'),
  reportNo: required('审计报告文书号', 60),
  opinion: required('总体评价意见', 5000),
  amount: yuan().nullable().optional(),
});

export const responsibleIn = z.strictObject({
  cadreId: id('责任人不正确').nullable().optional(),
  name: optionalText(40),
  tier: z.enum(keys(RESPONSIBILITY_TIERS), { message: '请选择责任层级（直接、主管或领导责任）' }),
});

export const findingIn = z.strictObject({
  version,
  unitOrgId: id('整改单位不正确').nullable().optional(),
  summary: required('问题摘要', 200),
  description: required('具体描述', 5000),
  amount: yuan().nullable().optional(),
  basis: required('定性依据', 1000),
  problemType: required('问题类型', 40),
  severity: z.enum(keys(SEVERITIES), { message: '请选择严重程度' }),
  recommendation: required('整改建议', 2000),
  responsible: z.array(responsibleIn).max(20, '责任人最多 20 人').default([]),
});
export type FindingInput = z.infer<typeof findingIn>;

export const outcomeIn = z.strictObject({
  version,
  findingId: id('审计发现不正确').nullable().optional(),
  kind: z.enum(keys(OUTCOME_KINDS), { message: '请选择整改成效类别' }),
  amount: yuan().nullable().optional(),
  count: z
    .number({ message: '数量不正确' })
    .int('数量不正确')
    .min(1, '数量不正确')
    .max(1000, '数量不正确')
    .nullable()
    .optional(),
  achievedOn: isoDay('请填写日期'),
  note: optionalText(500),
  /** 移送人员 (and those a 移送事项 names): the referral petition's subjects. */
  persons: z.array(subjectInput).max(20, '移送人员不超过 20 人').optional(),
});

export const stepIn = z.strictObject({
  version,
  action: z.enum(['plan', 'report', 'apply', 'accept', 'continue', 'return', 'reopen'], {
    message: '请选择办理步骤',
  }),
  measures: optionalText(2000),
  responsibleUnit: optionalText(100),
  responsiblePerson: optionalText(60),
  deadline: isoDay('整改时限不正确').nullable().optional(),
  progress: optionalText(2000),
  evidence: optionalText(2000),
  reasonCategory: z.enum(keys(CONTINUE_REASONS), { message: '请选择持续整改原因类别' }).nullable().optional(),
  nextCheckpoint: isoDay('下一检查节点日期不正确').nullable().optional(),
  reason: optionalText(1000),
});
export type StepInput = z.infer<typeof stepIn>;

export const auditListQuery = listQuery.extend({
  kind: z.enum(AUDIT_KIND_CODES as [string, ...string[]]).optional(),
  status: z.enum(keys(AUDIT_STATUSES)).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
export const itemListQuery = listQuery.extend({
  status: z.enum(keys(ITEM_STATUSES)).optional(),
  open: z.enum(['true', 'false']).optional(),
  bucket: z.enum(keys(BUCKETS)).optional(),
  auditId: z.coerce.number().int().positive().optional(),
  unitOrgId: z.coerce.number().int().positive().optional(),
  /** The auditor's 认定 queue: items applied for 销号 in audits the caller audits. */
  queue: z.enum(['true', 'false']).optional(),
  /** The year the items were issued (下发). */
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
export type ItemListQuery = z.infer<typeof itemListQuery>;
