import { api, type Page, qs } from '../../shared/api';

export const RECORD_KINDS: Record<string, string> = {
  selection_oversight: '选人用人失察',
  inspection_error: '考察失误',
  work_error: '工作失误',
  last_place: '末位',
  other: '其他',
};
export const RECORD_STATUSES: Record<string, string> = {
  draft: '待确认',
  in_force: '已生效',
  dismissed: '不予追究',
};
export const STATUS_COLORS: Record<string, string> = {
  draft: 'orange',
  in_force: 'red',
  dismissed: 'default',
};
export const SANCTION_STATUSES: Record<string, string> = {
  in_force: '有效',
  changed: '已变更',
  lifted: '已撤销',
};
export const GROUNDS: Record<string, string> = { appeal: '申诉', review: '复查', other: '其他' };
export const EVENT_LABELS: Record<string, string> = {
  propose: '提出追究建议',
  create: '登记',
  update: '修改',
  confirm: '确认追究',
  dismiss: '不予追究',
  change_sanction: '变更处理',
  lift_sanction: '撤销处理',
};
export const SOURCES: Record<string, string> = {
  manual: '登记',
  appointment: '选拔任用（撤销任职）',
  last_place: '末位惩处',
  import: '台帐导入',
  other: '其他模块',
};

export interface RecordRow {
  id: number;
  orgId: number;
  orgName: string;
  kind: string;
  category: string | null;
  categoryLabel: string | null;
  title: string;
  decidingBody: string | null;
  decidedOn: string | null;
  status: string;
  source: string;
  persons: string[];
  sanctions: string[];
  version: number;
}

export interface SanctionOut {
  id: number;
  personId: number;
  kind: string;
  kindLabel: string;
  family: string;
  effectiveFrom: string | null;
  ruleKey: string;
  effectEndsOn: string | null;
  gradeYear: number | null;
  tenures: { id: number; title: string; startDate: string; endDate: string | null }[];
  note: string | null;
  status: string;
  endedOn: string | null;
  endGround: string | null;
  endReason: string | null;
  replacesId: number | null;
}

export interface RecordDetail extends RecordRow {
  facts: string;
  basis: string;
  basisPolicy: { id: number; title: string } | null;
  closedOn: string | null;
  dismissReason: string | null;
  sourceRef: string | null;
  people: {
    id: number;
    cadreId: number | null;
    name: string;
    post: string | null;
    role: string | null;
    sanctions: SanctionOut[];
  }[];
  events: {
    id: number;
    action: string;
    occurredOn: string;
    at: string;
    userName: string | null;
    reason: string | null;
  }[];
}

export interface Options {
  kinds: { code: string; label: string }[];
  sanctionKinds: {
    code: string;
    label: string;
    family: string;
    familyLabel: string;
    ruleKey: string;
    hasRule: boolean;
  }[];
  categories: { code: string; label: string; ladder: Record<string, string[]> }[];
}

export interface SanctionInput {
  kind: string;
  effectiveFrom?: string | null;
  gradeYear?: number | null;
  tenureIds?: number[];
  note?: string | null;
}
export interface RecordInput {
  orgId: number;
  kind: string;
  category?: string | null;
  title: string;
  facts: string;
  basis: string;
  basisPolicyId?: number | null;
  decidingBody?: string | null;
  decidedOn?: string | null;
  persons: {
    cadreId?: number | null;
    name?: string | null;
    post?: string | null;
    role?: string | null;
    sanctions: SanctionInput[];
  }[];
}

export interface RecordFilter {
  q?: string;
  kind?: string;
  status?: string;
  sanction?: string;
  orgId?: number;
  year?: number;
  category?: string;
}

export const fetchOptions = () => api<Options>('GET', '/api/v1/accountability/options');
export const fetchRecords = (q: RecordFilter & { page: number; pageSize: number }) =>
  api<Page<RecordRow>>('GET', `/api/v1/accountability${qs({ ...q })}`);
export const ledgerUrl = (f: RecordFilter) => `/api/v1/accountability/ledger.xlsx${qs({ ...f })}`;
export const fetchRecord = (id: number) => api<RecordDetail>('GET', `/api/v1/accountability/${id}`);
export const createRecord = (body: RecordInput) => api<RecordDetail>('POST', '/api/v1/accountability', body);
export const updateRecord = (id: number, body: Omit<RecordInput, 'orgId'> & { version: number }) =>
  api<RecordDetail>('PUT', `/api/v1/accountability/${id}`, body);
export const confirmRecord = (
  id: number,
  body: { version: number; decidedOn?: string | null; decidingBody?: string | null },
) => api<RecordDetail>('POST', `/api/v1/accountability/${id}/confirm`, body);
export const dismissRecord = (id: number, body: { version: number; reason: string }) =>
  api<RecordDetail>('POST', `/api/v1/accountability/${id}/dismiss`, body);
export const reviewSanction = (
  id: number,
  body: {
    version: number;
    sanctionId: number;
    action: 'change' | 'lift';
    ground: string;
    on: string;
    reason: string;
    replacement?: SanctionInput | null;
  },
) => api<RecordDetail>('POST', `/api/v1/accountability/${id}/sanction-review`, body);

export interface TenureOption {
  id: number;
  title: string;
  startDate: string;
  endDate: string | null;
}
export const fetchTenures = (cadreId: number) =>
  api<TenureOption[]>('GET', `/api/v1/cadres/${cadreId}/tenures`);
export const searchPolicies = (q: string) =>
  api<Page<{ id: number; title: string; number: string | null }>>(
    'GET',
    `/api/v1/policies${qs({ q, pageSize: 20 })}`,
  );
