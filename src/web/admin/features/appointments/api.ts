import { api, type Page, qs } from '../../shared/api';

export const METHODS: Record<string, string> = {
  open_selection: '公开选拔',
  competitive: '竞争上岗',
  public_recommendation: '公开推荐',
  org_recommendation: '组织推荐',
};
export const STEPS: Record<string, string> = {
  proposed: '动议',
  recommended: '民主推荐',
  inspected: '考察',
  decided: '讨论决定',
  noticed: '任前公示',
  appointed: '任职',
  stopped: '已撤销',
};
export const STEP_ORDER = ['proposed', 'recommended', 'inspected', 'decided', 'noticed', 'appointed'];
export const BODIES: Record<string, string> = {
  party_committee: '镇党委会',
  cadre_group: '干部工作小组会',
  district: '区委常委会',
};
export const EVENTS: Record<string, string> = {
  create: '动议',
  recommend: '民主推荐',
  inspect: '考察',
  integrity_opinion: '出具廉政意见',
  decide: '讨论决定',
  notice: '发布任前公示',
  objection_conclude: '办结公示期间反映',
  appoint: '任职',
  stop: '撤销',
  revoke: '撤销任免决定',
  register: '报名',
  qualify: '资格审查',
  scores: '录入笔试、面试成绩',
  shortlist: '按成绩排名确定考察对象',
  withdraw_registration: '撤回报名',
  import: '据台帐导入',
};
export const OUTCOMES: Record<string, string> = { no_effect: '不影响任用', affects: '影响任用' };

export interface CaseRow {
  id: number;
  code: string;
  orgId: number;
  orgName: string;
  title: string;
  method: string;
  methodLabel: string;
  step: string;
  stepLabel: string;
  decidingBody: string;
  decidingBodyLabel: string;
  proposedOn: string;
  noticeStartsOn: string | null;
  noticeEndsOn: string | null;
  version: number;
}

export interface Candidate {
  id: number;
  cadreId: number;
  positionId: number;
  name: string;
  post: string;
  level: string;
  isPrincipal: boolean;
  status: string;
  statusLabel: string;
  recommendVotes: number | null;
  examScore: number | null;
  interviewScore: number | null;
  rank: number | null;
  approve: number | null;
  oppose: number | null;
  abstain: number | null;
  integrityOpinion: string | null;
  overrideReason: string | null;
  probationEnd: string | null;
  revokedOn: string | null;
  revokeReason: string | null;
  stopReason: string | null;
}

/** 公开选拔/竞争上岗: one registration with its check, scores, total and rank. */
export interface Registrant {
  id: number;
  positionId: number;
  post: string;
  level: string;
  isPrincipal: boolean;
  cadreId: number | null;
  name: string;
  facts: { gender: string; birthDate: string; education: string; currentPost: string } | null;
  registeredOn: string;
  qualification: 'passed' | 'failed' | null;
  qualificationLabel: string;
  qualificationReason: string | null;
  eligibilityVerdict: 'eligible' | 'blocked' | 'undetermined' | null;
  eligibilityReasons: string | null;
  overrideReason: string | null;
  withdrawnOn: string | null;
  withdrawReason: string | null;
  examScore: number | null;
  interviewScore: number | null;
  total: number | null;
  rank: number | null;
}

export interface Selection {
  weights: { exam: number; interview: number };
  ratio: number;
  perPostNeeded: number;
  tieRule: string;
  rows: Registrant[];
}

export interface CaseDetail extends CaseRow {
  selection: Selection | null;
  plan: string | null;
  planFiles: { id: number; fileName: string; uploadedOn: string }[];
  recommendation:
    | { kind: string; due: number; present: number; on: string }
    | { kind: 'selection'; on: string; ratio: number; registrants: number }
    | null;
  inspection: { on: string; talkedTo: number; findings: string } | null;
  meeting: { on: string; membersDue: number; membersPresent: number; share: number } | null;
  noticeCode: string | null;
  noticeContact: string | null;
  dispatchCode: string | null;
  dispatchOn: string | null;
  stoppedOn: string | null;
  stopReason: string | null;
  posts: { id: number; title: string; level: string; isPrincipal: boolean }[];
  candidates: Candidate[];
  responsibles: { id: number; role: string; roleLabel: string; cadreId: number | null; name: string }[];
  pendingObjections: {
    candidateId: number;
    name: string;
    petitionId: number;
    code: string;
    receivedOn: string;
  }[];
  objections: {
    id: number;
    candidateId: number;
    petitionId: number;
    outcome: string;
    reason: string;
    concludedOn: string;
  }[];
  events: {
    id: number;
    action: string;
    occurredOn: string;
    userName: string | null;
    reason: string | null;
  }[];
}

export interface CaseFilter {
  q?: string;
  year?: number;
  orgId?: number;
  method?: string;
  step?: string;
  overdue?: 'true';
}

export interface PositionOption {
  id: number;
  orgName: string;
  title: string;
  level: string;
}

export const fetchCases = (q: CaseFilter & { page: number; pageSize: number }) =>
  api<Page<CaseRow>>('GET', `/api/v1/appointments${qs({ ...q })}`);
export const ledgerUrl = (f: CaseFilter) => `/api/v1/appointments/ledger.xlsx${qs({ ...f })}`;
export const fetchCase = (id: number) => api<CaseDetail>('GET', `/api/v1/appointments/${id}`);
export const fetchPositions = () => api<Page<PositionOption>>('GET', '/api/v1/positions?pageSize=100');
export const createCase = (body: unknown) => api<CaseDetail>('POST', '/api/v1/appointments', body);
/** One step of the case: recommendation, inspection, decision, notice, appointment, stop, revocation … */
export const caseStep = (id: number, step: string, body: unknown) =>
  api<CaseDetail>('POST', `/api/v1/appointments/${id}/${step}`, body);
export const rankingUrl = (id: number) => `/api/v1/appointments/${id}/ranking.xlsx`;
