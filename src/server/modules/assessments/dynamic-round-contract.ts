import { z } from 'zod';
import { ROUND_CADENCES } from '../../../domain/assessments/dynamic-rounds.js';
import { isoDay, text } from '../../platform/http/text.js';

const id = (message: string) => z.number({ message }).int(message).positive(message);
const optionalText = (max: number) => text().trim().max(max, `不超过 ${max} 字`).nullable().optional();

export const dynamicRoundIn = z.strictObject({
  systemId: id('请选择指标体系'),
  cadence: z.enum(Object.keys(ROUND_CADENCES) as [string, ...string[]], {
    message: '请选择考核周期（月度、季度或半年）',
  }),
  period: text().trim().min(1, '请填写考核期').max(10, '考核期不正确'),
  subjectOrgIds: z.array(id('被考核单位不正确')).min(1, '请选择被考核单位').max(200, '被考核单位最多 200 个'),
  deadlines: z.strictObject({
    self: isoDay('请填写自评截止日期'),
    scoring: isoDay('请填写评分截止日期'),
    review: isoDay('请填写复核截止日期'),
  }),
});
export type DynamicRoundInput = z.infer<typeof dynamicRoundIn>;

export const roundLinesIn = z.strictObject({
  subjectOrgId: id('请选择被考核单位'),
  /** The round's version the scorer saw: a round moved on meanwhile is a 409. */
  version: z.number().int(),
  lines: z
    .array(
      z.strictObject({
        itemKey: text().trim().min(1, '请选择考核项目').max(20),
        points: z.number({ message: '请填写分值' }),
        evidence: optionalText(200),
        comment: optionalText(200),
      }),
    )
    .min(1, '请至少填写一项评分')
    .max(300),
});
export type RoundLinesInput = z.infer<typeof roundLinesIn>;

export const advanceIn = z.strictObject({ version: z.number().int() });
export const reopenIn = z.strictObject({
  version: z.number().int(),
  reason: text().trim().min(2, '请填写重新打开的理由').max(500, '理由不超过 500 字'),
});
