import { z } from 'zod';
import {
  ADMONITION_SOURCES,
  ORG_MEASURES,
  type OrgMeasure,
  RATINGS,
} from '../../../domain/admonitions/admonition-workflow.js';
import { INQUIRY_CONCLUSIONS, INQUIRY_SOURCES } from '../../../domain/admonitions/inquiry-workflow.js';
import { OWN_REPORT_MAX, OWN_REPORT_MIN } from '../../../domain/admonitions/own-report.js';
import { listQuery } from '../../platform/http/pagination.js';
import { isoDay, text } from '../../platform/http/text.js';

const longText = (label: string, max = 5000) =>
  text({ message: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .max(max, `${label}不超过 ${max} 字`);
const optionalText = (max: number) => text().trim().max(max, `不超过 ${max} 字`).nullable().optional();
const day = (label: string) => isoDay(`请填写${label}`);
const version = z.number({ message: '缺少版本号' }).int().positive('版本号不正确');
const positiveId = (message: string) => z.number({ message }).int(message).positive(message);

export const idParam = z.object({ id: z.coerce.number().int().positive('编号不正确') });
export const attachmentParam = z.object({
  id: z.coerce.number().int().positive('编号不正确'),
  attachmentId: z.coerce.number().int().positive('编号不正确'),
});

/** The talk: date, place, at least the rule's number of talkers, the record, the cadre's statement. */
export const talkIn = z.strictObject({
  talkOn: day('谈话日期'),
  place: longText('谈话地点', 100),
  talkers: z
    .array(text().trim().min(1, '谈话人姓名不能为空').max(30, '谈话人姓名不超过 30 字'), {
      message: '请填写谈话人',
    })
    .max(10, '谈话人最多 10 名'),
  record: longText('谈话记录'),
  cadreStatement: optionalText(5000),
  acknowledgedOn: day('签字确认日期').nullable().optional(),
});
export type TalkInput = z.infer<typeof talkIn>;

export const openAdmonitionIn = z.strictObject({
  cadreId: positiveId('请选择诫勉对象'),
  kind: z
    .enum(['admonition', 'reminder'], { message: '谈话类别应为诫勉谈话或提醒谈话' })
    .default('admonition'),
  sourceKind: z.enum(ADMONITION_SOURCES, { message: '请选择来源' }),
  reason: longText('诫勉事由', 2000),
  openedOn: day('立项日期').optional(),
  responsibleUserId: positiveId('跟踪责任人不正确').nullable().optional(),
  talk: talkIn.optional(),
});

export const talkStepIn = talkIn.extend({ version });
export const checkInIn = z.strictObject({
  version,
  on: day('谈心谈话日期'),
  rating: z.enum(RATINGS, { message: '评价应为好、一般或差' }),
  note: longText('情况说明', 2000),
});
export const reportIn = z.strictObject({ version, on: day('报告日期'), note: longText('报告摘要', 2000) });
export const releaseIn = z.strictObject({ version, on: day('解除日期'), note: longText('解除意见', 2000) });
export const measureIn = z.strictObject({
  version,
  on: day('组织措施决定日期'),
  measure: z.enum(Object.keys(ORG_MEASURES) as [OrgMeasure, ...OrgMeasure[]], {
    message: '请选择组织措施（调离岗位、免职、降职）',
  }),
  note: longText('决定事由', 2000),
});

export const admonitionListQuery = listQuery.extend({
  status: z.enum(['pending_talk', 'tracking', 'talked', 'released', 'measures']).optional(),
  kind: z.enum(['admonition', 'reminder']).optional(),
  sourceKind: z.enum(ADMONITION_SOURCES).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  orgId: z.coerce.number().int().positive().optional(),
  cadreId: z.coerce.number().int().positive().optional(),
});
export type AdmonitionListQuery = z.infer<typeof admonitionListQuery>;

export const openInquiryIn = z.strictObject({
  cadreId: positiveId('请选择函询对象'),
  sourceKind: z.enum(INQUIRY_SOURCES, { message: '请选择来源' }),
  petitionId: positiveId('信访件不正确').nullable().optional(),
  question: longText('函询问题', 5000),
  sentOn: day('发函日期').optional(),
});
export const replyIn = z.strictObject({ version, reply: longText('回复内容', 10000) });
export const ownReportIn = z.strictObject({
  version,
  text: longText('书面报告', OWN_REPORT_MAX).refine((t) => t.length >= OWN_REPORT_MIN, {
    message: `书面报告不少于 ${OWN_REPORT_MIN} 字`,
  }),
});
export const endorseIn = z.strictObject({ version, note: optionalText(500) });
export const concludeIn = z.strictObject({
  version,
  conclusion: z.enum(Object.keys(INQUIRY_CONCLUSIONS) as [keyof typeof INQUIRY_CONCLUSIONS], {
    message: '请选择结论：了结澄清、予以提醒、诫勉或初步核实',
  }),
  note: longText('结论意见', 2000),
});

export const inquiryListQuery = listQuery.extend({
  status: z.enum(['sent', 'replied', 'endorsed', 'concluded']).optional(),
  conclusion: z.enum(Object.keys(INQUIRY_CONCLUSIONS) as [keyof typeof INQUIRY_CONCLUSIONS]).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  orgId: z.coerce.number().int().positive().optional(),
  petitionId: z.coerce.number().int().positive().optional(),
});
export type InquiryListQuery = z.infer<typeof inquiryListQuery>;

export const ledgerQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });
