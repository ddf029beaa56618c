import { z } from 'zod';
import { isIsoDate } from '../../../domain/calendar.js';
import { idNumberProblem, normalizeIdNumber } from '../../../domain/id-number.js';

const text = (max: number) => z.string().trim().max(max, `不超过 ${max} 字`).nullable().optional();
const isoDate = z.string().refine(isIsoDate, '日期格式应为 YYYY-MM-DD');
/** Dates as the .lrmx and paper forms keep them: YYYY, YYYY-MM or YYYY-MM-DD. */
const partialDate = z
  .string()
  .trim()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, '日期格式应为 YYYY-MM 或 YYYY-MM-DD')
  .nullable()
  .optional();

export const CADRE_STATUSES = { active: '在职', left: '离任', retired: '退休' } as const;
export const cadreStatus = z.enum(['active', 'left', 'retired'], { message: '状态不正确' });

/** The fields of a cadre, as every way in (form, Excel row, .lrmx file) hands them over. */
export const cadreFields = z.object({
  orgId: z.number().int().positive('请选择所在单位'),
  name: z.string().trim().min(1, '请输入姓名').max(20, '姓名不超过 20 字'),
  gender: z.enum(['男', '女'], { message: '性别只能是男或女' }).nullable().optional(),
  birthDate: isoDate.nullable().optional(),
  ethnicity: text(20),
  nativePlace: text(40),
  birthPlace: text(40),
  partyJoinDate: partialDate,
  workStartDate: partialDate,
  politicalStatus: text(20),
  health: text(20),
  professionalTitle: text(40),
  expertise: text(100),
  education: text(20),
  fullTimeEducation: text(40),
  fullTimeDegree: text(40),
  fullTimeSchool: text(100),
  fullTimeDegreeSchool: text(100),
  partTimeEducation: text(40),
  partTimeDegree: text(40),
  partTimeSchool: text(100),
  partTimeDegreeSchool: text(100),
  currentPosition: text(100),
  resume: text(5000),
  rewards: text(2000),
  annualReviews: text(500),
  idNumber: z
    .string()
    .transform(normalizeIdNumber)
    .superRefine((v, c) => {
      const problem = idNumberProblem(v);
      if (problem) c.addIssue({ code: 'custom', message: problem });
    })
    .nullable()
    .optional(),
  phone: z
    .string()
    .trim()
    .regex(/^(1\d{10}|0\d{2,3}-?\d{7,8})$/, '电话号码格式不正确')
    .nullable()
    .optional(),
  note: text(500),
  status: cadreStatus.default('active'),
});
export type CadreFields = z.infer<typeof cadreFields>;

export const cadreUpdate = cadreFields.extend({ version: z.number().int().positive() });
export const idParam = z.object({ id: z.coerce.number().int().positive('编号不正确') });
