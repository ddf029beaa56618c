import { z } from 'zod';
import { idNumberProblem, normalizeIdNumber } from '../../../domain/id-number.js';
import { isoDay, text } from '../../platform/http/text.js';

const optionalText = (max: number) => text().trim().max(max, `不超过 ${max} 字`).nullable().optional();
const isoDate = isoDay();
/** Dates as the .lrmx and paper forms keep them: YYYY, YYYY-MM or YYYY-MM-DD. */
const partialDate = text()
  .trim()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, '日期格式应为 YYYY-MM 或 YYYY-MM-DD')
  .nullable()
  .optional();

export const CADRE_STATUSES = { active: '在职', left: '离任', retired: '退休' } as const;
export const cadreStatus = z.enum(['active', 'left', 'retired'], { message: '状态不正确' });

/** The fields of a cadre, as every way in (form, Excel row, .lrmx file) hands them over. */
export const cadreFields = z.object({
  orgId: z.number().int().positive('请选择所在单位'),
  name: text().trim().min(1, '请输入姓名').max(20, '姓名不超过 20 字'),
  gender: z.enum(['男', '女'], { message: '性别只能是男或女' }).nullable().optional(),
  birthDate: isoDate.nullable().optional(),
  ethnicity: optionalText(20),
  nativePlace: optionalText(40),
  birthPlace: optionalText(40),
  partyJoinDate: partialDate,
  workStartDate: partialDate,
  politicalStatus: optionalText(20),
  health: optionalText(20),
  professionalTitle: optionalText(40),
  expertise: optionalText(100),
  education: optionalText(20),
  fullTimeEducation: optionalText(40),
  fullTimeDegree: optionalText(40),
  fullTimeSchool: optionalText(100),
  fullTimeDegreeSchool: optionalText(100),
  partTimeEducation: optionalText(40),
  partTimeDegree: optionalText(40),
  partTimeSchool: optionalText(100),
  partTimeDegreeSchool: optionalText(100),
  currentPosition: optionalText(100),
  resume: optionalText(5000),
  rewards: optionalText(2000),
  annualReviews: optionalText(500),
  idNumber: text()
    .transform(normalizeIdNumber)
    .superRefine((v, c) => {
      const problem = idNumberProblem(v);
      if (problem) c.addIssue({ code: 'custom', message: problem });
    })
    .nullable()
    .optional(),
  phone: text()
    .trim()
    .regex(/^(1\d{10}|0\d{2,3}-?\d{7,8})$/, '电话号码格式不正确')
    .nullable()
    .optional(),
  note: optionalText(500),
  status: cadreStatus.default('active'),
});
export type CadreFields = z.infer<typeof cadreFields>;

export const cadreUpdate = cadreFields.extend({ version: z.number().int().positive() });
export const idParam = z.object({ id: z.coerce.number().int().positive('编号不正确') });
