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

const stageOut = z.enum(['self', 'scoring', 'review', 'published']);
const scoringStageOut = z.enum(['self', 'scoring', 'review']);

/** One round in the list (GET /dynamic-rounds). */
export const dynamicRoundSummaryOut = z.object({
  id: z.number(),
  title: z.string(),
  period: z.string(),
  stage: z.string(),
  stageLabel: z.string(),
  cadenceLabel: z.string(),
  /** The current stage's deadline; null once published. */
  due: z.string().nullable(),
  units: z.number(),
});
export const dynamicRoundsOut = z.object({ items: z.array(dynamicRoundSummaryOut), today: z.string() });

/** A unit's published result: the composed score and the automatic deductions with their records. */
const roundResultOut = z.object({
  subjectOrgId: z.number(),
  unitName: z.string(),
  base: z.number(),
  bonus: z.number(),
  deduction: z.number(),
  total: z.number(),
  vetoed: z.string().nullable(),
  passed: z.boolean(),
  auto: z.array(
    z.object({
      itemKey: z.string(),
      points: z.number(),
      comment: z.string(),
      records: z.array(
        z.object({
          id: z.number(),
          code: z.string(),
          dueOn: z.string().nullable(),
          link: z.string(),
        }),
      ),
    }),
  ),
});

export type DynamicRoundResult = z.infer<typeof roundResultOut>;

/** The scoring matrix of one round (GET /dynamic-rounds/:id). */
export const dynamicRoundOut = z.object({
  id: z.number(),
  title: z.string(),
  period: z.string(),
  periodEnd: z.string(),
  cadence: z.string(),
  stage: stageOut,
  stageLabel: z.string(),
  cadenceLabel: z.string(),
  deadlines: z.object({ self: z.string(), scoring: z.string(), review: z.string() }),
  due: z.string().nullable(),
  overdue: z.boolean(),
  publishedOn: z.string().nullable(),
  version: z.number(),
  organiser: z.boolean(),
  canScore: z.boolean(),
  items: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      kind: z.string(),
      maxPoints: z.number(),
      supplier: z.string().nullable(),
      byOffice: z.boolean(),
      scorable: z.boolean(),
      evidence: z.string().nullable(),
      auto: z.boolean(),
    }),
  ),
  units: z.array(
    z.object({
      id: z.number(),
      name: z.string(),
      unscored: z.array(z.string()),
      gaps: z.array(
        z.object({
          itemKey: z.string(),
          self: z.number(),
          final: z.number().nullable(),
          gap: z.number().nullable(),
        }),
      ),
    }),
  ),
  lines: z.array(
    z.object({
      subjectOrgId: z.number(),
      itemKey: z.string(),
      stage: scoringStageOut,
      points: z.number(),
      evidence: z.string().nullable(),
      comment: z.string().nullable(),
      scorer: z.string(),
      scoredAt: z.string(),
    }),
  ),
  results: z.array(roundResultOut),
});
