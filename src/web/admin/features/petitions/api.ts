import { PETITION_CHANNELS } from '../../../../domain/petition-intake';
import { DUE_KINDS, PETITION_ACTIONS, PETITION_STATUSES } from '../../../../domain/petition-workflow';
import { api, type Page, qs } from '../../shared/api';

export { DUE_KINDS, PETITION_ACTIONS, PETITION_CHANNELS, PETITION_STATUSES };

export interface PetitionRow {
  id: number;
  code: string;
  orgId: number;
  orgName: string;
  channel: keyof typeof PETITION_CHANNELS;
  visitors: number | null;
  receivedOn: string;
  title: string;
  category: string | null;
  status: keyof typeof PETITION_STATUSES;
  dueOn: string | null;
  dueKind: keyof typeof DUE_KINDS | null;
  overdueDays: number;
  urgent: boolean;
  realName: boolean;
  imported: boolean;
  subjects: string[];
}

export interface PetitionDetail extends PetitionRow {
  content: string;
  assignedBy: string | null;
  assignedRef: string | null;
  assignedDueOn: string | null;
  transferredFrom: string | null;
  sourceAuditId: number | null;
  sourceAuditTitle: string | null;
  hasReporterInfo: boolean;
  disposal: string | null;
  investigatorUserId: number | null;
  investigatorName: string | null;
  assignedUnitOrgId: number | null;
  assignedUnitName: string | null;
  recusalOrgId: number | null;
  recusalOrgName: string | null;
  acceptedOn: string | null;
  declinedOn: string | null;
  declineReason: string | null;
  reportedOn: string | null;
  approvedOn: string | null;
  repliedOn: string | null;
  reply: string | null;
  concludedOn: string | null;
  extensionDays: number;
  extensionReason: string | null;
  rating: number | null;
  ratingComment: string | null;
  reviewLevel: number;
  reviewRequestedOn: string | null;
  version: number;
  subjectsDetail: { id: number; cadreId: number | null; name: string; unitText: string | null }[];
  events: {
    id: number;
    action: string;
    fromStatus: string | null;
    toStatus: string | null;
    occurredOn: string;
    userName: string | null;
    note: string | null;
    at: string;
  }[];
  documents: { id: number; kind: string; content: string; occurredOn: string; userName: string | null }[];
  attachments: Attachment[];
  actions: (keyof typeof PETITION_ACTIONS)[];
  canAddOpinion: boolean;
  canExtend: boolean;
  canUpload: boolean;
  /** Why the caller, an approver, may not approve now (四眼原则). */
  approvalNote: string | null;
  /** Why the caller, an approver, may not extend the case now: its handling period has run out. */
  extensionNote: string | null;
  printable: (keyof typeof CASE_DOCUMENTS)[];
}

/** The case documents printed as .docx, and the file each is fetched from. */
export const CASE_DOCUMENTS = {
  registration: { label: '信访举报登记表', file: 'registration.docx' },
  approval: { label: '处理意见审批表', file: 'approval.docx' },
  reply_notice: { label: '答复告知书', file: 'reply-notice.docx' },
} as const;
export const documentUrl = (id: number, kind: keyof typeof CASE_DOCUMENTS) =>
  `/api/v1/petitions/${id}/documents/${CASE_DOCUMENTS[kind].file}`;

export interface Attachment {
  id: number;
  fileName: string;
  contentType: string;
  size: number;
  fromPublic: boolean;
  createdAt: string;
}

export interface PetitionFilter {
  q?: string;
  status?: string;
  channel?: string;
  category?: string;
  receivedFrom?: string;
  receivedTo?: string;
  overdue?: 'true';
  urgent?: 'true';
  orgId?: number;
}

/** A common word's search pages only its first `pageableRows` results (a deeper page is refused). */
export const fetchPetitions = (p: PetitionFilter & { page: number; pageSize: number }) =>
  api<Page<PetitionRow> & { pageableRows?: number }>('GET', `/api/v1/petitions${qs({ ...p })}`);
export const fetchPetition = (id: number) => api<PetitionDetail>('GET', `/api/v1/petitions/${id}`);
/** The registered case — or, when the registrant must recuse from it, only its number and why. */
export type Registered = PetitionDetail | { id: number; code: string; recused: true; message: string };
export const registerPetition = (body: unknown) => api<Registered>('POST', '/api/v1/petitions', body);
export const takeAction = (id: number, action: string, body: Record<string, unknown>) =>
  api<PetitionDetail>('POST', `/api/v1/petitions/${id}/actions/${action}`, body);
export const addOpinion = (id: number, version: number, content: string) =>
  api<PetitionDetail>('POST', `/api/v1/petitions/${id}/opinions`, { version, content });
export const extendPetition = (id: number, body: { version: number; days: number; reason: string }) =>
  api<PetitionDetail>('POST', `/api/v1/petitions/${id}/extension`, body);
export const attachmentUrl = (id: number, attachmentId: number) =>
  `/api/v1/petitions/${id}/attachments/${attachmentId}`;

/** Uploads one file as multipart/form-data (the CSRF header comes from the shared client's token). */
export async function uploadAttachment(id: number, file: File, csrf: string): Promise<Attachment> {
  const body = new FormData();
  body.append('file', file);
  const res = await fetch(`/api/v1/petitions/${id}/attachments`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'x-csrf-token': csrf },
    body,
  });
  const data = await res.json().catch(() => null);
  if (!res.ok) throw new Error(data?.error?.message ?? `上传失败（${res.status}）`);
  return data as Attachment;
}

/** Timeline names of the events, including those not taken through the workflow buttons. */
export const EVENT_LABELS: Record<string, string> = {
  register: '登记',
  ...PETITION_ACTIONS,
  opinion: '添加处理意见',
  extend: '延期',
  overdue: '逾期督办',
  recusal_raise: '回避上移',
  material: '反映人补充材料',
  rate: '反映人评价',
  inquiry: '发出函询',
  inquiry_concluded: '函询结论',
};

export const DOCUMENT_KINDS: Record<string, string> = {
  report: '调查报告',
  opinion: '处理意见',
  notice: '不予受理告知',
  reply: '答复反映人',
  review_answer: '复查（复核）答复',
};

export const STATUS_COLORS: Record<string, string> = {
  registered: 'blue',
  accepted: 'cyan',
  declined: 'default',
  held: 'gold',
  investigating: 'geekblue',
  reported: 'purple',
  awaiting_approval: 'orange',
  approved: 'lime',
  replied: 'green',
  concluded: 'success',
  reviewing: 'magenta',
};
