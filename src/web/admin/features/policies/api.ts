import { api, type Page, qs } from '../../shared/api';

export const POLICY_STATUSES = { in_force: '现行有效', revised: '已修订', repealed: '已废止' } as const;
export type PolicyStatus = keyof typeof POLICY_STATUSES;
export const STATUS_COLORS: Record<PolicyStatus, string> = {
  in_force: 'green',
  revised: 'default',
  repealed: 'red',
};

export interface PolicyRow {
  id: number;
  orgId: number;
  orgName: string | null;
  title: string;
  number: string | null;
  issuingBody: string;
  category: string | null;
  status: PolicyStatus;
  currentVersionNo: number;
  adoptedOn: string;
  effectiveOn: string;
  firstAdoptedOn: string;
  repealedOn: string | null;
}

export interface Quiz {
  passMark: number;
  questions: { question: string; options: string[]; answer: number | null }[];
}

export interface PolicyVersion {
  id: number;
  versionNo: number;
  adoptedOn: string;
  effectiveOn: string;
  status: PolicyStatus;
  body: string;
  ruleKeys: string[];
  rules: { key: string; name: string; source: string }[];
  changeNote: string | null;
  quiz: Quiz | null;
  createdByName: string | null;
  createdAt: string;
}

export interface Coverage {
  due: number;
  done: number;
  coverage: number | null;
}

export interface Assignment extends Coverage {
  id: number;
  versionNo: number;
  orgId: number;
  orgName: string | null;
  roles: string[];
  dueOn: string;
  note: string | null;
  byOrg: (Coverage & { orgId: number; orgName: string })[];
}

export interface PolicyDetail extends PolicyRow {
  version: number;
  canManage: boolean;
  versions: PolicyVersion[];
  assignments: Assignment[];
}

export interface PolicyFilter {
  q?: string;
  status?: 'in_force' | 'repealed';
  orgId?: number;
  year?: number;
}

export interface VersionInput {
  adoptedOn: string;
  effectiveOn: string;
  body: string;
  ruleKeys: string[];
  changeNote?: string | null;
  quiz?: { passMark: number; questions: { question: string; options: string[]; answer: number }[] } | null;
}

export interface HeaderInput {
  title: string;
  number?: string | null;
  issuingBody: string;
  category?: string | null;
}

export const fetchPolicies = (q: PolicyFilter & { page: number; pageSize: number }) =>
  api<Page<PolicyRow>>('GET', `/api/v1/policies${qs({ ...q })}`);
export const fetchPolicy = (id: number) => api<PolicyDetail>('GET', `/api/v1/policies/${id}`);
export const createPolicy = (body: HeaderInput & VersionInput & { orgId: number }) =>
  api<PolicyDetail>('POST', '/api/v1/policies', body);
export const revisePolicy = (id: number, body: VersionInput & { version: number }) =>
  api<PolicyDetail>('POST', `/api/v1/policies/${id}/versions`, body);
export const repealPolicy = (
  id: number,
  body: { repealedOn: string; changeNote?: string | null; version: number },
) => api<PolicyDetail>('POST', `/api/v1/policies/${id}/repeal`, body);
export const assignReading = (
  id: number,
  body: { orgId: number; roles: string[]; dueOn: string; note?: string | null },
) => api<PolicyDetail>('POST', `/api/v1/policies/${id}/assignments`, body);

export interface DiffLine {
  kind: 'same' | 'added' | 'removed';
  text: string;
}
export const fetchDiff = (id: number, from: number, to: number) =>
  api<{ from: number; to: number; lines: DiffLine[]; added: number; removed: number }>(
    'GET',
    `/api/v1/policies/${id}/diff${qs({ from, to })}`,
  );

export interface ReaderRow {
  readId: number;
  userId: number;
  name: string;
  orgName: string | null;
  dueFrom: string;
  confirmedOn: string | null;
  quizScore: number | null;
}
export const fetchReaders = (
  id: number,
  assignmentId: number,
  q: { read?: 'yes' | 'no'; page: number; pageSize: number },
) => api<Page<ReaderRow>>('GET', `/api/v1/policies/${id}/assignments/${assignmentId}/readers${qs(q)}`);

export interface MyRead {
  readId: number;
  policyId: number;
  title: string;
  number: string | null;
  versionNo: number;
  dueOn: string;
  confirmedOn: string | null;
  quizScore: number | null;
  hasQuiz: boolean;
}
export interface MyReadDetail extends MyRead {
  issuingBody: string;
  body: string;
  passMark: number | null;
  questions: { question: string; options: string[] }[];
}
export const fetchMyReads = (q: { done?: 'yes' | 'no'; page: number; pageSize: number }) =>
  api<Page<MyRead>>('GET', `/api/v1/me/policy-reads${qs(q)}`);
export const fetchMyRead = (id: number) => api<MyReadDetail>('GET', `/api/v1/me/policy-reads/${id}`);
export const confirmRead = (id: number, answers?: (number | null)[]) =>
  api<{ confirmed: boolean; score: number | null; passMark: number | null }>(
    'POST',
    `/api/v1/me/policy-reads/${id}/confirm`,
    answers ? { answers } : {},
  );

export interface RuleOption {
  key: string;
  name: string;
}
export const fetchRuleOptions = () => api<RuleOption[]>('GET', '/api/v1/rules');
