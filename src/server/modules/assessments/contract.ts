import { z } from 'zod';
import { GRADE_SOURCES, GRADES } from '../../../domain/assessments/grades.js';
import { PEER_GROUPS, UNIT_EVALUATION_KINDS } from '../../../domain/assessments/ranking.js';
import { isoDay, text } from '../../platform/http/text.js';

const id = (message: string) => z.number({ message }).int(message).positive(message);
const optionalText = (max: number) => text().trim().max(max, `不超过 ${max} 字`).nullable().optional();
const year = z
  .number({ message: '请填写年度' })
  .int('年度不正确')
  .min(2000, '年度不正确')
  .max(2100, '年度不正确');
const points = (message: string) =>
  z.number({ message }).min(0, `${message}不能为负`).max(100000, `${message}过大`);

export const idParam = z.object({ id: z.coerce.number().int().positive('编号不正确') });

export const setGradeIn = z.strictObject({
  cadreId: id('请选择干部'),
  year,
  grade: z.enum(GRADES, { message: '请选择考核等次（优秀、称职、基本称职、不称职或不定等次）' }),
  source: z.enum(Object.keys(GRADE_SOURCES) as [string, ...string[]], { message: '请选择等次依据' }),
  note: optionalText(500),
  decidedOn: isoDay('请填写评定日期').optional(),
  /** The version of the cadre's grade of that year when changing it. */
  version: z.number().int().optional(),
});
export type SetGradeInput = z.infer<typeof setGradeIn>;

export const gradesQuery = z.object({
  year: z.coerce.number().int().min(2000, '年度不正确').max(2100, '年度不正确'),
  orgId: z.coerce.number().int().positive('单位不正确').optional(),
});

export const gradeOut = z.object({
  cadreId: z.number(),
  name: z.string(),
  orgName: z.string(),
  grade: z.string().nullable(),
  source: z.string().nullable(),
  note: z.string().nullable(),
  decidedOn: z.string().nullable(),
  version: z.number().nullable(),
  /** 不称职 when 末位 twice capped the year. */
  cap: z.string().nullable(),
});
export const gradesOut = z.object({
  year: z.number(),
  orgId: z.number(),
  orgName: z.string(),
  pool: z.number(),
  excellent: z.number(),
  excellentMax: z.number(),
  percent: z.number(),
  rounding: z.string(),
  counts: z.record(z.string(), z.number()),
  items: z.array(gradeOut),
});
export const setGradeOut = z.object({ grade: gradeOut, warning: z.string().nullable() });

export const roundIn = z.strictObject({
  orgId: id('请选择组织单位'),
  kind: z.enum(Object.keys(UNIT_EVALUATION_KINDS) as [string, ...string[]], {
    message: '请选择考评类别（目标考评、现场观摩或行风评比）',
  }),
  peerGroup: z.enum(Object.keys(PEER_GROUPS) as [string, ...string[]], {
    message: '请选择参评单位类别（村或镇直部门）',
  }),
  title: text().trim().min(1, '请填写考评名称').max(100, '考评名称不超过 100 字'),
  heldOn: isoDay('请填写考评日期'),
  units: z
    .array(
      z.strictObject({
        orgId: id('请选择参评单位'),
        score: points('得分'),
        deduction: points('扣分').default(0),
        comment: optionalText(200),
      }),
    )
    .max(200, '参评单位最多 200 个'),
});
export type RoundInput = z.infer<typeof roundIn>;

export const roundsQuery = z.object({
  kind: z.enum(Object.keys(UNIT_EVALUATION_KINDS) as [string, ...string[]]).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});

const rankedOut = z.object({
  unitOrgId: z.number(),
  unitName: z.string(),
  score: z.number(),
  deduction: z.number(),
  rank: z.number(),
  previousRank: z.number().nullable(),
  change: z.number().nullable(),
  last: z.boolean(),
  comment: z.string().nullable(),
});
const lastPlaceOut = z.object({
  unitOrgId: z.number(),
  unitName: z.string(),
  cadreId: z.number().nullable(),
  cadreName: z.string().nullable(),
  consecutive: z.number(),
  outcome: z.string(),
  accountabilityRecordId: z.number().nullable(),
});
export const roundSummaryOut = z.object({
  id: z.number(),
  orgId: z.number(),
  kind: z.string(),
  kindLabel: z.string(),
  peerGroup: z.string(),
  title: z.string(),
  heldOn: z.string(),
  units: z.number(),
  lastUnits: z.array(z.string()),
});
export const roundDetailOut = roundSummaryOut.extend({
  tieBreaks: z.array(z.string()),
  ranking: z.array(rankedOut),
  lastPlaces: z.array(lastPlaceOut),
});
export const roundsOut = z.object({ items: z.array(roundSummaryOut) });

export const evaluationIn = z.strictObject({
  orgId: id('请选择组织单位'),
  title: text().trim().min(1, '请填写测评名称').max(100, '测评名称不超过 100 字'),
  subjectKind: z.enum(['cadre', 'team'], { message: '请选择测评对象类别' }),
  subjectCadreIds: z.array(id('测评对象不正确')).min(1, '请选择测评对象').max(30, '测评对象最多 30 人'),
  electorate: z
    .number({ message: '请填写应参加测评人数' })
    .int('应参加测评人数须为整数')
    .min(1, '应参加测评人数至少为 1')
    .max(5000, '应参加测评人数不超过 5000'),
  heldOn: isoDay('请填写测评日期'),
});
export type EvaluationInput = z.infer<typeof evaluationIn>;

export const codesIn = z.strictObject({
  count: z.number({ message: '请填写测评码数量' }).int('测评码数量须为整数').min(1, '至少 1 个').max(5000),
});
export const codesOut = z.object({ codes: z.array(z.string()), issued: z.number() });
export const closeIn = z.strictObject({ version: z.number().int() });

const rating = z.enum(['好', '较好', '一般', '差']);
const answersRow = z.strictObject({
  de: rating,
  neng: rating,
  qin: rating,
  ji: rating,
  lian: rating,
  overall: rating,
});
export const paperIn = z.strictObject({
  version: z.number().int(),
  ballots: z.array(z.record(text(), answersRow)).min(1, '请录入至少一张测评票').max(5000),
});

const tallyOut = z.object({
  subjectId: z.number(),
  name: z.string(),
  ballots: z.number(),
  counts: z.record(z.string(), z.record(z.string(), z.number())),
  goodRate: z.number(),
  poorShare: z.number(),
  previousPoorShare: z.number().nullable(),
  belowThreshold: z.boolean(),
  admonitionId: z.number().nullable(),
});
export const evaluationOut = z.object({
  id: z.number(),
  orgId: z.number(),
  title: z.string(),
  subjectKind: z.string(),
  subjects: z.array(z.object({ id: z.number(), name: z.string() })),
  electorate: z.number(),
  heldOn: z.string(),
  status: z.string(),
  codesIssued: z.number(),
  cast: z.number(),
  closedOn: z.string().nullable(),
  version: z.number(),
  /** Shown only from the anonymity threshold on. */
  visible: z.boolean(),
  minBallots: z.number(),
  threshold: z.number(),
  tally: z.array(tallyOut),
});
export const evaluationsOut = z.object({
  items: z.array(
    z.object({
      id: z.number(),
      title: z.string(),
      heldOn: z.string(),
      status: z.string(),
      electorate: z.number(),
      cast: z.number(),
    }),
  ),
});

export const ballotOpenIn = z.strictObject({
  code: text().trim().min(1, '请输入测评码').max(40, '测评码不正确'),
});
export const ballotOpenOut = z.object({
  title: z.string(),
  subjects: z.array(z.object({ id: z.number(), name: z.string() })),
});
export const ballotIn = z.strictObject({
  code: text().trim().min(1, '请输入测评码').max(40, '测评码不正确'),
  answers: z.record(text(), answersRow),
});

export const structureQuery = z.object({
  orgId: z.coerce.number().int().positive('单位不正确').optional(),
  on: isoDay('请填写统计日期').optional(),
  level: text().trim().max(40).optional(),
  fromYear: z.coerce.number().int().min(1990, '起始年度不正确').max(2100, '起始年度不正确').optional(),
});
const headlineOut = z.object({
  total: z.number(),
  young: z.number(),
  collegeOrAbove: z.number(),
  female: z.number(),
  partyMember: z.number(),
});
export const structureOut = z.object({
  org: z.object({ id: z.number(), name: z.string() }),
  on: z.string(),
  level: z.string().nullable(),
  levels: z.array(z.string()),
  total: z.number(),
  headline: headlineOut,
  distributions: z.array(
    z.object({
      dimension: z.string(),
      label: z.string(),
      groups: z.array(z.object({ key: z.string(), label: z.string(), count: z.number(), share: z.number() })),
    }),
  ),
  trend: z.array(headlineOut.extend({ year: z.number(), on: z.string() })),
});

const indicatorItem = z.strictObject({
  key: text().trim().min(1, '请填写指标编号').max(20, '指标编号不超过 20 字'),
  parentKey: text().trim().max(20).nullable().optional(),
  name: text().trim().min(1, '请填写指标名称').max(100, '指标名称不超过 100 字'),
  kind: z.enum(['score', 'bonus', 'deduction', 'veto'], { message: '请选择指标类型' }),
  weight: z.number().min(0, '权重不能为负').max(100, '权重不超过 100').optional(),
  maxPoints: z.number().min(0, '分值不能为负').max(1000, '分值过大'),
  rule: optionalText(500),
  supplier: optionalText(60),
  evidence: optionalText(200),
  /**
   * An automatic deduction from live records, so many points each: the unit's overdue petitions, its
   * overdue rectification items (经济责任审计), its items not published in time (公开) or its cadres'
   * pledged items due and not fulfilled (任期承诺), at the period's end.
   */
  auto: z
    .strictObject({
      source: z.enum(
        ['overdue_petitions', 'overdue_rectification', 'overdue_openness', 'pledge_fulfilment'],
        {
          message: '请选择自动扣分来源',
        },
      ),
      pointsEach: z.number().min(0).max(100),
    })
    .nullable()
    .optional(),
});
export type IndicatorItem = z.infer<typeof indicatorItem>;
export const indicatorSystemIn = z.strictObject({
  orgId: id('请选择单位'),
  year,
  kind: z.enum(['township_leader', 'middle', 'village', 'unit'], { message: '请选择考核对象类别' }),
  title: text().trim().min(1, '请填写名称').max(100, '名称不超过 100 字'),
  items: z.array(indicatorItem).min(1, '请至少设置一项指标').max(300, '指标最多 300 项'),
  bonusCap: points('加分上限'),
  deductionCap: points('扣分上限'),
});
export type IndicatorSystemInput = z.infer<typeof indicatorSystemIn>;
export const dynamicScoreIn = z.strictObject({
  systemId: id('请选择指标体系'),
  subjectOrgId: id('请选择被考核单位'),
  period: text().trim().min(1, '请填写考核期').max(20, '考核期不超过 20 字'),
  periodEnd: isoDay('请填写考核期末'),
  lines: z
    .array(
      z.strictObject({
        itemKey: text().trim().min(1).max(20),
        points: z.number({ message: '请填写分值' }),
        comment: optionalText(200),
        evidence: optionalText(200),
      }),
    )
    .max(300),
});
export type DynamicScoreInput = z.infer<typeof dynamicScoreIn>;
