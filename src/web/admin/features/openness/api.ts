import { api, type Page, qs } from '../../shared/api';

export const LEVELS: Record<string, string> = { township: '乡镇', department: '站所', village: '行政村' };
export const MODES: Record<string, string> = { active: '主动公开', on_request: '依申请公开' };
export const TIMINGS: Record<string, string> = {
  monthly: '按月公开',
  quarterly: '按季度公开',
  within_days: '事项决定后限期公开（日）',
  within_working_days: '形成或变更后限期公开（工作日）',
  none: '长期公开/随时更新',
};
export const TIMING_RULES: Record<string, { key: string; label: string }[]> = {
  monthly: [{ key: 'disclosure.period_deadline_day', label: '定期公开截止日' }],
  quarterly: [{ key: 'disclosure.period_deadline_day', label: '定期公开截止日' }],
  within_days: [{ key: 'disclosure.major_matter', label: '重大事项决定后公开期限' }],
  within_working_days: [{ key: 'disclosure.government_info', label: '政府信息公开期限' }],
  none: [],
};
export const DUE_STATES: Record<string, { label: string; color: string }> = {
  pending: { label: '未到期', color: 'default' },
  due: { label: '待公开', color: 'blue' },
  on_time: { label: '按时公开', color: 'green' },
  late: { label: '逾期公开', color: 'orange' },
  overdue: { label: '逾期未公开', color: 'red' },
};
export const REVISION_STATUSES: Record<string, { label: string; color: string }> = {
  in_review: { label: '修订待监委会审核', color: 'blue' },
  returned: { label: '修订已退回', color: 'orange' },
  approved: { label: '修订已审核', color: 'cyan' },
};
export const STATUSES: Record<string, { label: string; color: string }> = {
  draft: { label: '草稿', color: 'default' },
  in_review: { label: '待监委会审核', color: 'blue' },
  returned: { label: '已退回', color: 'orange' },
  approved: { label: '监委会已审核', color: 'cyan' },
  published: { label: '已公开', color: 'green' },
  withdrawn: { label: '已撤回', color: 'red' },
};
export const ACTIONS: Record<string, string> = {
  draft: '起草',
  edit: '修改',
  submit: '提交监委会审核',
  approve: '监委会审核通过',
  return: '监委会退回',
  publish: '公开',
  withdraw: '撤回',
  revise: '修订（新版本）',
  revise_submit: '修订提交监委会审核',
  revision_approve: '监委会审核通过修订',
  revision_return: '监委会退回修订',
  revision_publish: '公开修订（新版本）',
  schedule: '设定定时公开',
  unschedule: '取消定时公开',
};

export interface ItemType {
  id: number;
  orgId: number | null;
  orgName: string | null;
  level: string;
  name: string;
  content: string;
  basis: string;
  timeLimit: string;
  subject: string;
  channel: string;
  audience: string;
  mode: string;
  timing: string;
  ruleKey: string | null;
  ruleValue: number | null;
  procedure: boolean;
  sort: number;
  active: boolean;
  version: number;
  canEdit: boolean;
}
export type ItemTypeInput = Omit<
  ItemType,
  'id' | 'orgName' | 'ruleValue' | 'canEdit' | 'version' | 'orgId'
> & {
  orgId?: number | null;
};

export interface DueItem {
  id: number;
  itemTypeId: number;
  itemTypeName: string;
  period: string | null;
  matter: string | null;
  decidedOn: string | null;
  dueOn: string;
  publishedOn: string | null;
  disclosureId: number | null;
  escalatedOn: string | null;
  state: string;
}
export interface DueItems {
  orgId: number;
  orgName: string;
  items: DueItem[];
  counts: { due: number; onTime: number; late: number; overdue: number };
}

export interface FinanceLine {
  kind: 'income' | 'expense';
  item: string;
  amount: number;
}
export interface Finance {
  lines: FinanceLine[];
  totalIncome: number;
  totalExpense: number;
  balance?: number | null;
}
export interface DisclosureRow {
  id: number;
  orgId: number;
  orgName: string | null;
  itemTypeId: number;
  itemTypeName: string | null;
  period: string | null;
  title: string;
  status: string;
  indexNo: string | null;
  issuedOn: string | null;
  publishedOn: string | null;
  revisionStatus: 'in_review' | 'returned' | 'approved' | null;
  version: number;
}
export interface Procedure {
  basis: string;
  conditions: string;
  steps: string;
  timeLimit: string;
}
export interface Disclosure extends DisclosureRow {
  dueItemId: number | null;
  body: string;
  finance: Finance | null;
  procedure: Procedure | null;
  isProcedure: boolean;
  revision: {
    title: string;
    body: string;
    finance: Finance | null;
    note: string;
    userName: string | null;
    at: string;
    diff: NonNullable<Version['diff']>;
  } | null;
  issuingBody: string;
  docNumber: string | null;
  withdrawnOn: string | null;
  withdrawReason: string | null;
  publishAt: string | null;
  needsReview: boolean;
  attachments: Attachment[];
  events: {
    action: string;
    fromStatus: string | null;
    toStatus: string;
    note: string | null;
    userName: string | null;
    at: string;
  }[];
}
export interface DisclosureInput {
  title: string;
  body: string;
  finance?: Finance | null;
  procedure?: Procedure | null;
  issuingBody: string;
  issuedOn?: string | null;
  docNumber?: string | null;
}

export const fetchItemTypes = (p: { level?: string; orgId?: number }) =>
  api<{ items: ItemType[] }>('GET', `/api/v1/disclosure/item-types${qs(p)}`);
export const createItemType = (body: ItemTypeInput) =>
  api<ItemType>('POST', '/api/v1/disclosure/item-types', body);
export const updateItemType = (id: number, body: ItemTypeInput & { version: number }) =>
  api<ItemType>('PUT', `/api/v1/disclosure/item-types/${id}`, body);
export const fetchDueItems = (orgId: number) =>
  api<DueItems>('GET', `/api/v1/disclosure/due-items${qs({ orgId })}`);
export const recordMatter = (body: {
  orgId: number;
  itemTypeId: number;
  matter: string;
  decidedOn: string;
}) => api<{ id: number; dueOn: string }>('POST', '/api/v1/disclosure/matters', body);
export const fetchDisclosures = (p: { orgId?: number; status?: string; page: number; pageSize: number }) =>
  api<Page<DisclosureRow>>('GET', `/api/v1/disclosures${qs(p)}`);
export const fetchDisclosure = (id: number) => api<Disclosure>('GET', `/api/v1/disclosures/${id}`);
export const createDisclosure = (
  body: DisclosureInput & {
    orgId: number;
    itemTypeId: number;
    period?: string | null;
    dueItemId?: number | null;
  },
) => api<Disclosure>('POST', '/api/v1/disclosures', body);
export const updateDisclosure = (id: number, body: DisclosureInput & { version: number }) =>
  api<Disclosure>('PUT', `/api/v1/disclosures/${id}`, body);
export const disclosureStep = (
  id: number,
  action: string,
  body: { version: number; reason?: string | null },
) => api<Disclosure>('POST', `/api/v1/disclosures/${id}/${action}`, body);

export interface Attachment {
  id: number;
  kind: 'photo' | 'file';
  takenOn: string | null;
  caption: string | null;
  fileName: string;
  size: number;
  uploadedAt: string;
}
export type DiffLine = { kind: 'same' | 'added' | 'removed'; text: string };
export interface FinanceChange {
  change: 'added' | 'removed' | 'amount';
  kind: string;
  item: string;
  before?: number;
  after?: number;
}
export interface Version {
  no: number;
  title: string;
  body: string;
  finance: Finance | null;
  note: string | null;
  userName: string | null;
  at: string;
  diff: {
    title: { before: string; after: string } | null;
    body: DiffLine[] | null;
    finance: {
      lines: FinanceChange[];
      totals: { field: string; before: number | null; after: number | null }[];
    } | null;
  } | null;
}
export const fetchVersions = (id: number) =>
  api<{ items: Version[] }>('GET', `/api/v1/disclosures/${id}/versions`);
export const reviseDisclosure = (
  id: number,
  body: { title: string; body: string; finance: Finance | null; note: string; version: number },
) => api<Disclosure>('POST', `/api/v1/disclosures/${id}/revise`, body);
export const scheduleDisclosure = (id: number, body: { version: number; publishAt: string | null }) =>
  api<Disclosure>('POST', `/api/v1/disclosures/${id}/schedule`, body);
export const attachmentUrl = (id: number, q: { kind: string; takenOn?: string; caption?: string }) =>
  `/api/v1/disclosures/${id}/attachments${qs(q)}`;
export const ledgerUrl = (q: { orgId: number; from?: string; to?: string }) =>
  `/api/v1/disclosure/ledger.xlsx${qs(q)}`;
