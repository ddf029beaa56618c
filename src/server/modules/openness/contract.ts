import { z } from 'zod';
import { pageOf } from '../../platform/http/pagination.js';
import { isoDay, isoInstant, text } from '../../platform/http/text.js';

const required = (label: string, max: number) =>
  text({ message: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .max(max, `${label}不超过 ${max} 字`);
const optionalText = (label: string, max: number) =>
  text().trim().max(max, `${label}不超过 ${max} 字`).nullable().optional();

export const idParam = z.object({ id: z.coerce.number().int().positive('编号不正确') });

export const LEVELS = { township: '乡镇', department: '站所', village: '行政村' } as const;
const level = z.enum(['township', 'department', 'village'], {
  message: '请选择公开层级（乡镇/站所/行政村）',
});
const timing = z.enum(['monthly', 'quarterly', 'within_days', 'within_working_days', 'none'], {
  message: '请选择公开时限规则',
});

// ---- the catalogue

const itemTypeFields = {
  level,
  name: required('公开事项名称', 60),
  content: required('公开内容(要素)', 1000),
  basis: required('公开依据', 500),
  timeLimit: required('公开时限', 100),
  subject: required('公开主体', 60),
  channel: required('公开渠道和载体', 200),
  audience: required('公开对象', 60),
  mode: z.enum(['active', 'on_request'], { message: '请选择公开方式（主动/依申请）' }),
  timing,
  ruleKey: text().trim().max(80).nullable().optional(),
  /** 办事程序: its items state 依据, 条件, 程序 and 时限. */
  procedure: z.boolean().default(false),
  sort: z.number().int().min(0).max(100_000).default(0),
  active: z.boolean().default(true),
};

export const createItemTypeIn = z.strictObject({
  /** The township adding its own type; absent: the default catalogue (the district only). */
  orgId: z.number().int().positive('请选择单位').nullable().optional(),
  ...itemTypeFields,
});
export type CreateItemTypeInput = z.infer<typeof createItemTypeIn>;

export const updateItemTypeIn = z.strictObject({ ...itemTypeFields, version: z.number().int().positive() });
export type UpdateItemTypeInput = z.infer<typeof updateItemTypeIn>;

export const itemTypeQuery = z.strictObject({
  level: level.optional(),
  orgId: z.coerce.number().int().positive('组织不正确').optional(),
});

export const itemTypeOut = z.object({
  id: z.number(),
  orgId: z.number().nullable(),
  orgName: z.string().nullable(),
  level: z.string(),
  name: z.string(),
  content: z.string(),
  basis: z.string(),
  timeLimit: z.string(),
  subject: z.string(),
  channel: z.string(),
  audience: z.string(),
  mode: z.string(),
  timing: z.string(),
  ruleKey: z.string().nullable(),
  /** The rule's value in force today (days, working days or the deadline day), for display. */
  ruleValue: z.number().nullable(),
  procedure: z.boolean(),
  sort: z.number(),
  active: z.boolean(),
  version: z.number(),
  canEdit: z.boolean(),
});
export const itemTypesOut = z.object({ items: z.array(itemTypeOut) });

// ---- due items

export const matterIn = z.strictObject({
  orgId: z.number().int().positive('请选择单位'),
  itemTypeId: z.number().int().positive('请选择公开事项'),
  matter: required('事项名称', 200),
  decidedOn: isoDay('请填写决定或形成日期'),
});
export type MatterInput = z.infer<typeof matterIn>;

export const dueQuery = z.strictObject({
  orgId: z.coerce.number().int().positive('组织不正确'),
  from: isoDay('请填写开始日期').optional(),
  to: isoDay('请填写结束日期').optional(),
});

export const ledgerQuery = z.strictObject({
  orgId: z.coerce.number().int().positive('请选择单位'),
  from: isoDay('请填写开始日期').optional(),
  to: isoDay('请填写结束日期').optional(),
});

export const dueItemOut = z.object({
  id: z.number(),
  orgId: z.number(),
  itemTypeId: z.number(),
  itemTypeName: z.string(),
  period: z.string().nullable(),
  matter: z.string().nullable(),
  decidedOn: z.string().nullable(),
  dueOn: z.string(),
  publishedOn: z.string().nullable(),
  disclosureId: z.number().nullable(),
  escalatedOn: z.string().nullable(),
  state: z.enum(['pending', 'due', 'on_time', 'late', 'overdue']),
});
export const dueItemsOut = z.object({
  orgId: z.number(),
  orgName: z.string(),
  items: z.array(dueItemOut),
  counts: z.object({ due: z.number(), onTime: z.number(), late: z.number(), overdue: z.number() }),
});

// ---- disclosures

const amount = z
  .number({ message: '请填写金额' })
  .finite('金额不正确')
  .min(0, '金额不能为负数')
  .max(1e11, '金额过大');
export const financeIn = z.strictObject({
  lines: z
    .array(
      z.strictObject({
        kind: z.enum(['income', 'expense'], { message: '请选择收入或支出' }),
        item: required('收支项目', 100),
        amount,
      }),
    )
    .min(1, '财务收支表至少一行')
    .max(500, '财务收支表最多 500 行'),
  totalIncome: amount,
  totalExpense: amount,
  balance: z.number().finite('金额不正确').nullable().optional(),
});

/** 办事程序: the four fields every procedure item states. */
export const procedureIn = z.strictObject({
  basis: required('办事依据', 2000),
  conditions: required('办理条件', 5000),
  steps: required('办理程序', 10_000),
  timeLimit: required('办理时限', 200),
});
export type ProcedureInput = z.infer<typeof procedureIn>;

const disclosureFields = {
  title: required('标题', 100),
  body: required('公开内容', 50_000),
  finance: financeIn.nullable().optional(),
  procedure: procedureIn.nullable().optional(),
  issuingBody: required('发布机构', 60),
  issuedOn: isoDay('请填写发文日期').nullable().optional(),
  docNumber: optionalText('文号', 60),
};

export const createDisclosureIn = z.strictObject({
  orgId: z.number().int().positive('请选择公开单位'),
  itemTypeId: z.number().int().positive('请选择公开事项'),
  /** The period (2026-03 / 2026-Q1) of a periodic type, or the due item of a matter. */
  period: text().trim().max(10).nullable().optional(),
  dueItemId: z.number().int().positive().nullable().optional(),
  ...disclosureFields,
});
export type CreateDisclosureInput = z.infer<typeof createDisclosureIn>;

export const updateDisclosureIn = z.strictObject({
  ...disclosureFields,
  version: z.number().int().positive(),
});
export type UpdateDisclosureInput = z.infer<typeof updateDisclosureIn>;

/** 修订: a published item's text or finance table changed; a new version with the reason. */
export const reviseDisclosureIn = z.strictObject({
  title: disclosureFields.title,
  body: disclosureFields.body,
  finance: disclosureFields.finance,
  note: required('修订说明', 500),
  version: z.number().int().positive(),
});
export type ReviseDisclosureInput = z.infer<typeof reviseDisclosureIn>;

/** 定时公开: the time to publish at (null cancels). */
export const scheduleIn = z.strictObject({
  version: z.number().int().positive(),
  publishAt: isoInstant('请填写定时公开的时间，如 2026-03-01T08:00:00+08:00').nullable(),
});
export type ScheduleInput = z.infer<typeof scheduleIn>;

export const attachmentQuery = z.strictObject({
  kind: z.enum(['photo', 'file'], { message: '请选择公开栏照片或附件' }),
  takenOn: isoDay('请填写拍摄日期').optional(),
  caption: optionalText('说明', 200),
});
export const attachmentParam = z.object({
  id: z.coerce.number().int().positive('编号不正确'),
  attachmentId: z.coerce.number().int().positive('编号不正确'),
});
const attachmentOut = z.object({
  id: z.number(),
  kind: z.string(),
  takenOn: z.string().nullable(),
  caption: z.string().nullable(),
  fileName: z.string(),
  size: z.number(),
  uploadedAt: z.string(),
});
export const attachmentOutSchema = attachmentOut;

const diffLineOut = z.object({ kind: z.enum(['same', 'added', 'removed']), text: z.string() });
const versionDiffOut = z.object({
  title: z.object({ before: z.string(), after: z.string() }).nullable(),
  body: z.array(diffLineOut).nullable(),
  finance: z
    .object({
      lines: z.array(
        z.object({
          change: z.enum(['added', 'removed', 'amount']),
          kind: z.string(),
          item: z.string(),
          before: z.number().optional(),
          after: z.number().optional(),
        }),
      ),
      totals: z.array(
        z.object({ field: z.string(), before: z.number().nullable(), after: z.number().nullable() }),
      ),
    })
    .nullable(),
});
export const versionsOut = z.object({
  items: z.array(
    z.object({
      no: z.number(),
      title: z.string(),
      body: z.string(),
      finance: z.any().nullable(),
      note: z.string().nullable(),
      userName: z.string().nullable(),
      at: z.string(),
      /** Against the version before (null for version 1). */
      diff: versionDiffOut.nullable(),
    }),
  ),
});

export const stepIn = z.strictObject({
  version: z.number().int().positive(),
  reason: text().trim().max(500, '理由不超过 500 字').nullable().optional(),
});
export type StepInput = z.infer<typeof stepIn>;

export const disclosureListQuery = z.strictObject({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  orgId: z.coerce.number().int().positive('组织不正确').optional(),
  /** in_review: the committee's queue — items in review and published items whose revision is. */
  status: z.enum(['draft', 'in_review', 'returned', 'approved', 'published', 'withdrawn']).optional(),
});

const financeOut = z.object({
  lines: z.array(z.object({ kind: z.string(), item: z.string(), amount: z.number() })),
  totalIncome: z.number(),
  totalExpense: z.number(),
  balance: z.number().nullable().optional(),
});

export const disclosureRowOut = z.object({
  id: z.number(),
  orgId: z.number(),
  orgName: z.string().nullable(),
  itemTypeId: z.number(),
  itemTypeName: z.string().nullable(),
  period: z.string().nullable(),
  title: z.string(),
  status: z.string(),
  indexNo: z.string().nullable(),
  issuedOn: z.string().nullable(),
  publishedOn: z.string().nullable(),
  /** A published village item's revision in front of the committee: in_review | returned | approved. */
  revisionStatus: z.string().nullable(),
  version: z.number(),
});
export const disclosureListOut = pageOf(disclosureRowOut);

export const disclosureOut = disclosureRowOut.extend({
  dueItemId: z.number().nullable(),
  body: z.string(),
  finance: financeOut.nullable(),
  procedure: z
    .object({ basis: z.string(), conditions: z.string(), steps: z.string(), timeLimit: z.string() })
    .nullable(),
  /** The item type is 办事程序: its items state 依据, 条件, 程序 and 时限. */
  isProcedure: z.boolean(),
  /** A published village item's revision waiting for (or back from) the committee, with its diff against the published text. */
  revision: z
    .object({
      title: z.string(),
      body: z.string(),
      finance: financeOut.nullable(),
      note: z.string(),
      userName: z.string().nullable(),
      at: z.string(),
      diff: versionDiffOut,
    })
    .nullable(),
  issuingBody: z.string(),
  docNumber: z.string().nullable(),
  withdrawnOn: z.string().nullable(),
  withdrawReason: z.string().nullable(),
  publishAt: z.string().nullable(),
  needsReview: z.boolean(),
  attachments: z.array(attachmentOut),
  events: z.array(
    z.object({
      action: z.string(),
      fromStatus: z.string().nullable(),
      toStatus: z.string(),
      note: z.string().nullable(),
      userId: z.number().nullable(),
      userName: z.string().nullable(),
      at: z.string(),
    }),
  ),
});
