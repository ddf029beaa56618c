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
