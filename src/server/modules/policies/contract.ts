import { z } from 'zod';
import { pageOf } from '../../platform/http/pagination.js';
import { isoDay, text } from '../../platform/http/text.js';

const optionalText = (max: number) => text().trim().max(max, `不超过 ${max} 字`).nullable().optional();
const day = (label: string) => isoDay(`请填写${label}`);

export const idParam = z.object({ id: z.coerce.number().int().positive('编号不正确') });
export const assignmentParams = z.object({
  id: z.coerce.number().int().positive('编号不正确'),
  assignmentId: z.coerce.number().int().positive('编号不正确'),
});
export const versionParams = z.object({
  id: z.coerce.number().int().positive('编号不正确'),
  versionNo: z.coerce.number().int().positive('版本号不正确'),
});

const quizQuestion = z.strictObject({
  question: text().trim().min(1, '请填写题目').max(200, '题目不超过 200 字'),
  options: z
    .array(text().trim().min(1, '选项不能为空').max(100, '选项不超过 100 字'))
    .min(2, '至少两个选项')
    .max(6, '最多六个选项'),
  answer: z.number().int('请选择正确答案').min(0, '请选择正确答案'),
});

export const quizIn = z.strictObject({
  passMark: z.number().int().min(1, '及格分应在 1–100 之间').max(100, '及格分应在 1–100 之间'),
  questions: z.array(quizQuestion).min(1, '至少一道题').max(20, '最多 20 道题'),
});

/** What a version carries: its dates, text, the rules it sources and an optional quiz. */
const versionFields = {
  adoptedOn: day('通过日期'),
  effectiveOn: day('施行日期'),
  body: text().trim().min(1, '请填写制度正文').max(50_000, '正文不超过 50000 字'),
  ruleKeys: z.array(text().trim().min(1).max(80)).max(30, '最多关联 30 条规则').default([]),
  changeNote: optionalText(500),
  quiz: quizIn.nullable().optional(),
};
const effectiveAfterAdoption = (v: { adoptedOn: string; effectiveOn: string }, c: z.RefinementCtx) => {
  if (v.effectiveOn < v.adoptedOn)
    c.addIssue({ code: 'custom', path: ['effectiveOn'], message: '施行日期不能早于通过日期' });
};

const headerFields = {
  title: text().trim().min(1, '请填写制度名称').max(100, '制度名称不超过 100 字'),
  number: optionalText(60),
  issuingBody: text().trim().min(1, '请填写发文机关').max(60, '发文机关不超过 60 字'),
  category: optionalText(30),
};

export const createPolicyIn = z
  .strictObject({
    orgId: z.number().int().positive('请选择制定单位'),
    ...headerFields,
    ...versionFields,
  })
  .superRefine(effectiveAfterAdoption);
export type CreatePolicyInput = z.infer<typeof createPolicyIn>;

export const updatePolicyIn = z.strictObject({ ...headerFields, version: z.number().int().positive() });
export type UpdatePolicyInput = z.infer<typeof updatePolicyIn>;

export const reviseIn = z
  .strictObject({ ...versionFields, version: z.number().int().positive() })
  .superRefine(effectiveAfterAdoption);
export type ReviseInput = z.infer<typeof reviseIn>;

export const repealIn = z.strictObject({
  repealedOn: day('废止日期'),
  changeNote: optionalText(500),
  version: z.number().int().positive(),
});
export type RepealInput = z.infer<typeof repealIn>;

export const assignIn = z.strictObject({
  orgId: z.number().int().positive('请选择学习单位'),
  roles: z.array(text().trim().min(1).max(40)).max(20).default([]),
  dueOn: day('完成期限'),
  note: optionalText(200),
});
export type AssignInput = z.infer<typeof assignIn>;

export const confirmIn = z.strictObject({
  answers: z.array(z.number().int().min(0).nullable()).max(20).optional(),
});

export const policyListQuery = z.strictObject({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  q: text().trim().max(100).optional(),
  status: z.enum(['in_force', 'repealed'], { message: '状态不正确' }).optional(),
  orgId: z.coerce.number().int().positive('组织不正确').optional(),
  year: z.coerce.number().int().min(1949, '年份不正确').max(2100, '年份不正确').optional(),
});
export type PolicyListQuery = z.infer<typeof policyListQuery>;

export const diffQuery = z.strictObject({
  from: z.coerce.number().int().positive('版本号不正确'),
  to: z.coerce.number().int().positive('版本号不正确'),
});

export const readersQuery = z.strictObject({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  read: z.enum(['yes', 'no'], { message: '学习状态不正确' }).optional(),
  orgId: z.coerce.number().int().positive('组织不正确').optional(),
});

export const myReadsQuery = z.strictObject({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  done: z.enum(['yes', 'no'], { message: '学习状态不正确' }).optional(),
});

// ---- responses

const status = z.enum(['in_force', 'revised', 'repealed']);

export const policyRowOut = z.object({
  id: z.number(),
  orgId: z.number(),
  orgName: z.string().nullable(),
  title: z.string(),
  number: z.string().nullable(),
  issuingBody: z.string(),
  category: z.string().nullable(),
  status,
  currentVersionNo: z.number(),
  adoptedOn: z.string(),
  effectiveOn: z.string(),
  firstAdoptedOn: z.string(),
  repealedOn: z.string().nullable(),
});
export const policyListOut = pageOf(policyRowOut);

export const versionOut = z.object({
  id: z.number(),
  versionNo: z.number(),
  adoptedOn: z.string(),
  effectiveOn: z.string(),
  status,
  body: z.string(),
  ruleKeys: z.array(z.string()),
  rules: z.array(z.object({ key: z.string(), name: z.string(), source: z.string() })),
  changeNote: z.string().nullable(),
  quiz: z
    .object({
      passMark: z.number(),
      questions: z.array(
        z.object({ question: z.string(), options: z.array(z.string()), answer: z.number().nullable() }),
      ),
    })
    .nullable(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
});

export const assignmentOut = z.object({
  id: z.number(),
  versionNo: z.number(),
  orgId: z.number(),
  orgName: z.string().nullable(),
  roles: z.array(z.string()),
  dueOn: z.string(),
  note: z.string().nullable(),
  due: z.number(),
  done: z.number(),
  coverage: z.number().nullable(),
  byOrg: z.array(
    z.object({
      orgId: z.number(),
      orgName: z.string(),
      due: z.number(),
      done: z.number(),
      coverage: z.number().nullable(),
    }),
  ),
});

export const policyDetailOut = policyRowOut.extend({
  version: z.number(),
  canManage: z.boolean(),
  versions: z.array(versionOut),
  assignments: z.array(assignmentOut),
});
export type PolicyDetailOut = z.infer<typeof policyDetailOut>;

export const diffOut = z.object({
  from: z.number(),
  to: z.number(),
  lines: z.array(z.object({ kind: z.enum(['same', 'added', 'removed']), text: z.string() })),
  added: z.number(),
  removed: z.number(),
});

export const readerRowOut = z.object({
  readId: z.number(),
  userId: z.number(),
  name: z.string(),
  orgName: z.string().nullable(),
  dueFrom: z.string(),
  confirmedOn: z.string().nullable(),
  quizScore: z.number().nullable(),
});
export const readersOut = pageOf(readerRowOut);

export const myReadOut = z.object({
  readId: z.number(),
  policyId: z.number(),
  title: z.string(),
  number: z.string().nullable(),
  versionNo: z.number(),
  dueOn: z.string(),
  confirmedOn: z.string().nullable(),
  quizScore: z.number().nullable(),
  hasQuiz: z.boolean(),
});
export const myReadsOut = pageOf(myReadOut);

export const myReadDetailOut = myReadOut.extend({
  issuingBody: z.string(),
  body: z.string(),
  passMark: z.number().nullable(),
  questions: z.array(z.object({ question: z.string(), options: z.array(z.string()) })),
});

export const confirmOut = z.object({
  confirmed: z.boolean(),
  score: z.number().nullable(),
  passMark: z.number().nullable(),
});
