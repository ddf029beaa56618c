import { z } from 'zod';
import { DECIDING_BODIES } from '../../../domain/appointments/authority.js';
import { METHOD_CODES, STEP_CODES } from '../../../domain/appointments/workflow.js';
import { listQuery } from '../../platform/http/pagination.js';
import { isoDay, text } from '../../platform/http/text.js';

const optionalText = (max: number) => text().trim().max(max, `不超过 ${max} 字`).nullable().optional();
const id = (message: string) => z.number({ message }).int(message).positive(message);
const count = (message: string) => z.number({ message }).int(message).min(0, message).max(100000, message);

export const idParam = z.object({ id: z.coerce.number().int().positive('编号不正确') });
export const documentParams = idParam.extend({
  kind: z.enum(['inspection', 'notice', 'dispatch'], { message: '文书种类不正确' }),
});

/** A responsible person: a cadre of the registry, or a name as written (e.g. a clerk outside it). */
export const personRef = z
  .strictObject({ cadreId: id('干部不正确').nullable().optional(), name: optionalText(40) })
  .refine((p) => p.cadreId || p.name, { message: '请选择干部或填写姓名' });
export type PersonRef = z.infer<typeof personRef>;

export const createCaseIn = z.strictObject({
  orgId: id('请选择单位'),
  title: text().trim().min(1, '请填写事项名称').max(100, '事项名称不超过 100 字'),
  method: z.enum(METHOD_CODES as [string, ...string[]], { message: '请选择选拔方式' }),
  decidingBody: z.enum(Object.keys(DECIDING_BODIES) as [string, ...string[]], { message: '请选择决定机构' }),
  positionIds: z.array(id('职务不正确')).min(1, '请选择拟任职务').max(50, '最多 50 个职务'),
  proposedOn: isoDay('请填写动议日期'),
  plan: optionalText(5000),
  proposer: personRef,
  handler: personRef,
});
export type CreateCaseInput = z.infer<typeof createCaseIn>;

export const recommendIn = z.strictObject({
  version: z.number().int(),
  on: isoDay('请填写推荐日期'),
  kind: z.enum(['meeting', 'talk'], { message: '请选择会议推荐或谈话推荐' }),
  due: count('应参加人数须为非负整数'),
  present: count('实参加人数须为非负整数'),
  candidates: z
    .array(
      z.strictObject({
        cadreId: id('请选择人选'),
        positionId: id('请选择职务'),
        votes: count('得票数须为非负整数'),
        examScore: z.number().min(0).max(100).nullable().optional(),
        interviewScore: z.number().min(0).max(100).nullable().optional(),
      }),
    )
    .min(1, '请至少填写一名人选')
    .max(200, '最多 200 名人选'),
  recommenders: z.array(personRef).min(1, '请填写推荐人').max(20, '最多 20 名推荐人'),
});

const score = (label: string) =>
  z
    .number({ message: `请填写${label}` })
    .min(0, `${label}须在 0 至 100 分之间`)
    .max(100, `${label}须在 0 至 100 分之间`);

/** 报名: a registry cadre, or (公开选拔) a person outside the registry with the facts the check needs. */
export const registrantIn = z
  .strictObject({
    version: z.number().int(),
    on: isoDay('请填写报名日期'),
    positionId: id('请选择报名职务'),
    cadreId: id('请选择干部').nullable().optional(),
    person: z
      .strictObject({
        name: text().trim().min(1, '请填写姓名').max(40, '姓名不超过 40 字'),
        gender: z.enum(['男', '女'], { message: '请选择性别' }),
        birthDate: isoDay('请填写出生日期'),
        education: text().trim().min(1, '请填写学历').max(40, '学历不超过 40 字'),
        politicalStatus: optionalText(20),
        currentPost: text().trim().min(1, '请填写现工作单位及职务').max(100, '不超过 100 字'),
      })
      .nullable()
      .optional(),
  })
  .refine((r) => !!r.cadreId !== !!r.person, {
    message: '请选择名册中的干部，或填写名册外报名人员的信息（二者择一）',
    path: ['cadreId'],
  });

export const registrantParams = idParam.extend({
  registrantId: z.coerce.number().int().positive('报名人员不正确'),
});

/** 报名撤回: the reason, and the day (today when left out). */
export const withdrawIn = z.strictObject({
  version: z.number().int(),
  on: isoDay('请填写撤回日期').optional(),
  reason: text().trim().min(1, '请填写撤回原因').max(500, '撤回原因不超过 500 字'),
});

/** 资格审查: 通过 / 不通过 with the officer's reason; an override reason when the system finds them blocked. */
export const qualifyIn = z.strictObject({
  version: z.number().int(),
  result: z.enum(['passed', 'failed'], { message: '请选择“通过”或“不通过”' }),
  reason: text().trim().min(1, '请填写审查意见').max(500, '审查意见不超过 500 字'),
  overrideReason: optionalText(500),
});

export const scoresIn = z.strictObject({
  version: z.number().int(),
  scores: z
    .array(
      z.strictObject({
        registrantId: id('报名人员不正确'),
        examScore: score('笔试成绩'),
        interviewScore: score('面试成绩'),
      }),
    )
    .min(1, '请录入成绩')
    .max(500, '最多 500 人'),
});

/** The top `count` of each post's ranking become the 考察对象. */
export const shortlistIn = z.strictObject({
  version: z.number().int(),
  on: isoDay('请填写确定考察对象的日期'),
  counts: z
    .array(z.strictObject({ positionId: id('职务不正确'), count: count('考察人数须为非负整数') }))
    .min(1, '请填写各职务的考察人数')
    .max(50),
});

export const inspectIn = z.strictObject({
  version: z.number().int(),
  on: isoDay('请填写考察日期'),
  candidateIds: z.array(id('考察对象不正确')).min(1, '请确定考察对象').max(100),
  team: z.array(personRef).min(2, '考察组不少于 2 人').max(10, '考察组最多 10 人'),
  talkedTo: count('谈话人数须为非负整数'),
  findings: text().trim().min(1, '请填写考察情况').max(5000, '考察情况不超过 5000 字'),
});

export const integrityIn = z.strictObject({
  candidateId: id('人选不正确'),
  opinion: text().trim().min(1, '请填写廉政意见').max(2000, '廉政意见不超过 2000 字'),
});

export const prefillQuery = z.strictObject({ candidateId: z.coerce.number().int().positive('人选不正确') });

export const decideIn = z.strictObject({
  version: z.number().int(),
  on: isoDay('请填写会议日期'),
  membersDue: count('应到会人数须为正整数'),
  membersPresent: count('实到会人数须为非负整数'),
  chair: personRef,
  votes: z
    .array(
      z.strictObject({
        candidateId: id('人选不正确'),
        approve: count('同意票须为非负整数'),
        oppose: count('反对票须为非负整数'),
        abstain: count('弃权票须为非负整数'),
        overrideReason: optionalText(500),
      }),
    )
    .min(1, '请录入表决结果')
    .max(100),
});

export const noticeIn = z.strictObject({
  version: z.number().int(),
  code: text().trim().min(1, '请填写公示编号').max(40, '公示编号不超过 40 字'),
  startsOn: isoDay('请填写公示开始日期'),
  endsOn: isoDay('请填写公示结束日期'),
  contact: text().trim().min(1, '请填写受理反映的联系方式').max(200, '联系方式不超过 200 字'),
});

export const objectionIn = z.strictObject({
  candidateId: id('人选不正确'),
  petitionId: id('信访件不正确'),
  outcome: z.enum(['no_effect', 'affects'], { message: '请选择“不影响任用”或“影响任用”' }),
  reason: text().trim().min(1, '请填写办结意见').max(1000, '意见不超过 1000 字'),
});

export const appointIn = z.strictObject({
  version: z.number().int(),
  dispatchCode: text().trim().min(1, '请填写任免文件文号').max(40, '文号不超过 40 字'),
  dispatchOn: isoDay('请填写发文日期'),
  startDate: isoDay('请填写任职日期'),
  lines: z
    .array(
      z.strictObject({
        kind: z.enum(['appoint', 'remove'], { message: '请选择任或免' }),
        cadreId: id('干部不正确'),
        positionId: id('职务不正确'),
      }),
    )
    .min(1, '请填写任免事项')
    .max(100),
});

export const stopIn = z.strictObject({
  version: z.number().int(),
  reason: text().trim().min(1, '请填写撤销理由').max(500, '理由不超过 500 字'),
});

export const revokeIn = z.strictObject({
  version: z.number().int(),
  candidateIds: z.array(id('人选不正确')).min(1, '请选择要撤销的任免决定').max(100),
  on: isoDay('请填写撤销日期'),
  reason: text().trim().min(1, '请填写撤销理由').max(500, '理由不超过 500 字'),
  /** Which accountability the responsible people are proposed for. */
  kind: z.enum(['selection_oversight', 'inspection_error']).default('selection_oversight'),
});

export const caseListQuery = listQuery.extend({
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  orgId: z.coerce.number().int().positive().optional(),
  method: z.enum(METHOD_CODES as [string, ...string[]]).optional(),
  step: z.enum(STEP_CODES as [string, ...string[]]).optional(),
  /** 逾期: 'true' lists the cases with an open to-do past its day, 'false' the others. */
  overdue: z.enum(['true', 'false'], { message: '逾期筛选不正确' }).optional(),
});
export type CaseListQuery = z.infer<typeof caseListQuery>;

export const ledgerQuery = caseListQuery.omit({ page: true, pageSize: true, sort: true, order: true });
