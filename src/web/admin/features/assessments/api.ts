import { DIMENSIONS, RATINGS } from '../../../../domain/assessments/evaluation';
import { GRADE_SOURCES, GRADES, ROUNDINGS } from '../../../../domain/assessments/grades';
import { PEER_GROUPS, UNIT_EVALUATION_KINDS } from '../../../../domain/assessments/ranking';
import { api, qs } from '../../shared/api';

export { DIMENSIONS, GRADE_SOURCES, GRADES, PEER_GROUPS, RATINGS, ROUNDINGS, UNIT_EVALUATION_KINDS };

export interface GradeRow {
  cadreId: number;
  name: string;
  orgName: string;
  grade: string | null;
  source: string | null;
  note: string | null;
  decidedOn: string | null;
  version: number | null;
  cap: string | null;
}
export interface GradesPage {
  year: number;
  orgId: number;
  orgName: string;
  pool: number;
  excellent: number;
  excellentMax: number;
  percent: number;
  rounding: string;
  counts: Record<string, number>;
  items: GradeRow[];
}
export const fetchGrades = (year: number) =>
  api<GradesPage>('GET', `/api/v1/assessments/grades${qs({ year })}`);
export const setGrade = (body: {
  cadreId: number;
  year: number;
  grade: string;
  source: string;
  version?: number;
}) => api<{ warning: string | null }>('POST', '/api/v1/assessments/grades', body);

export interface RoundSummary {
  id: number;
  kind: string;
  kindLabel: string;
  peerGroup: string;
  title: string;
  heldOn: string;
  units: number;
  lastUnits: string[];
}
export interface RoundDetail extends RoundSummary {
  tieBreaks: string[];
  ranking: {
    unitOrgId: number;
    unitName: string;
    score: number;
    deduction: number;
    rank: number;
    previousRank: number | null;
    change: number | null;
    last: boolean;
    comment: string | null;
  }[];
  lastPlaces: {
    unitOrgId: number;
    unitName: string;
    cadreId: number | null;
    cadreName: string | null;
    consecutive: number;
    outcome: string;
    accountabilityRecordId: number | null;
  }[];
}
export const fetchRounds = (f: { kind?: string; year?: number }) =>
  api<{ items: RoundSummary[] }>('GET', `/api/v1/assessments/rounds${qs(f)}`);
export const fetchRound = (id: number) => api<RoundDetail>('GET', `/api/v1/assessments/rounds/${id}`);
export const recordRound = (body: unknown) => api<RoundDetail>('POST', '/api/v1/assessments/rounds', body);

export interface EvaluationDetail {
  id: number;
  title: string;
  subjectKind: string;
  subjects: { id: number; name: string }[];
  electorate: number;
  heldOn: string;
  status: string;
  codesIssued: number;
  cast: number;
  closedOn: string | null;
  version: number;
  visible: boolean;
  minBallots: number;
  threshold: number;
  tally: {
    subjectId: number;
    name: string;
    ballots: number;
    counts: Record<string, Record<string, number>>;
    goodRate: number;
    poorShare: number;
    previousPoorShare: number | null;
    belowThreshold: boolean;
    admonitionId: number | null;
  }[];
}
export const fetchEvaluations = () =>
  api<{
    items: { id: number; title: string; heldOn: string; status: string; electorate: number; cast: number }[];
  }>('GET', '/api/v1/assessments/evaluations');
export const fetchEvaluation = (id: number) =>
  api<EvaluationDetail>('GET', `/api/v1/assessments/evaluations/${id}`);
export const createEvaluation = (body: unknown) =>
  api<EvaluationDetail>('POST', '/api/v1/assessments/evaluations', body);
export const closeEvaluation = (id: number, version: number) =>
  api<EvaluationDetail>('POST', `/api/v1/assessments/evaluations/${id}/close`, { version });

export { ROUND_CADENCES, ROUND_STAGES } from '../../../../domain/assessments/dynamic-rounds';

export interface DynamicRoundSummary {
  id: number;
  title: string;
  period: string;
  stage: string;
  stageLabel: string;
  cadenceLabel: string;
  due: string | null;
  units: number;
}
export interface RoundLine {
  subjectOrgId: number;
  itemKey: string;
  stage: 'self' | 'scoring' | 'review';
  points: number;
  evidence: string | null;
  comment: string | null;
  scorer: string;
  scoredAt: string;
}
export interface DynamicRoundResult {
  subjectOrgId: number;
  unitName: string;
  base: number;
  bonus: number;
  deduction: number;
  total: number;
  vetoed: string | null;
  passed: boolean;
  auto: {
    itemKey: string;
    points: number;
    comment: string;
    records: { id: number; code: string; link: string }[];
  }[];
}
export interface DynamicRoundDetail {
  id: number;
  title: string;
  period: string;
  periodEnd: string;
  stage: 'self' | 'scoring' | 'review' | 'published';
  stageLabel: string;
  cadenceLabel: string;
  deadlines: Record<'self' | 'scoring' | 'review', string>;
  due: string | null;
  overdue: boolean;
  publishedOn: string | null;
  version: number;
  organiser: boolean;
  canScore: boolean;
  items: {
    key: string;
    name: string;
    kind: string;
    maxPoints: number;
    supplier: string | null;
    byOffice: boolean;
    scorable: boolean;
    evidence: string | null;
    auto: boolean;
  }[];
  units: {
    id: number;
    name: string;
    unscored: string[];
    gaps: { itemKey: string; self: number; final: number | null; gap: number | null }[];
  }[];
  lines: RoundLine[];
  results: DynamicRoundResult[];
}
export const fetchDynamicRounds = () =>
  api<{ items: DynamicRoundSummary[]; today: string }>('GET', '/api/v1/assessments/dynamic-rounds');
export const fetchDynamicRound = (id: number) =>
  api<DynamicRoundDetail>('GET', `/api/v1/assessments/dynamic-rounds/${id}`);
export const startDynamicRound = (body: unknown) =>
  api<{ id: number }>('POST', '/api/v1/assessments/dynamic-rounds', body);
export const saveRoundLines = (id: number, body: unknown) =>
  api('POST', `/api/v1/assessments/dynamic-rounds/${id}/lines`, body);
export const moveRound = (id: number, move: 'advance' | 'reopen', body: unknown) =>
  api('POST', `/api/v1/assessments/dynamic-rounds/${id}/${move}`, body);
