import {
  ADMONITION_KINDS,
  ADMONITION_SOURCES,
  ADMONITION_STATUSES,
  ORG_MEASURES,
  RATINGS,
} from '../../../../domain/admonitions/admonition-workflow';
import {
  INQUIRY_CONCLUSIONS,
  INQUIRY_SOURCES,
  INQUIRY_STATUSES,
} from '../../../../domain/admonitions/inquiry-workflow';
import { api, type Page, qs } from '../../shared/api';

export {
  ADMONITION_KINDS,
  ADMONITION_SOURCES,
  ADMONITION_STATUSES,
  INQUIRY_CONCLUSIONS,
  INQUIRY_SOURCES,
  INQUIRY_STATUSES,
  ORG_MEASURES,
  RATINGS,
};

export const ADMONITION_EVENTS: Record<string, string> = {
  open: '立项',
  talk: '谈话',
  check_in: '跟踪谈心谈话',
  report: '书面报告',
  release: '解除诫勉',
  measure: '组织措施',
  overdue: '逾期督办',
};
export const INQUIRY_EVENTS: Record<string, string> = {
  send: '发函',
  reply: '干部回复',
  endorse: '签字背书',
  conclude: '作出结论',
  overdue: '逾期督办',
};

export interface AdmonitionRow {
  id: number;
  code: string;
  kind: string;
  status: string;
  statusLabel: string;
  cadreId: number;
  cadreName: string;
  orgName: string;
  sourceKind: string;
  reason: string;
  openedOn: string;
  talkOn: string | null;
  trackingEndsOn: string | null;
  nextCheckInOn: string | null;
  checkInsDone: number;
  checkInsPlanned: number;
  decideBy: string | null;
  overdue: boolean;
  releasedOn: string | null;
  measureKind: string | null;
  measureOn: string | null;
}

export interface TimelineEvent {
  id: number;
  action: string;
  occurredOn: string;
  dueOn?: string | null;
  rating?: string | null;
  note: string | null;
  userName: string | null;
}
export interface FileRow {
  id: number;
  purpose: string;
  fileName: string;
  size: number;
  createdAt: string;
}

export interface AdmonitionDetail extends AdmonitionRow {
  version: number;
  talkPlace: string | null;
  talkers: string[];
  talkRecord: string | null;
  cadreStatement: string | null;
  acknowledgedOn: string | null;
  checkInDates: string[];
  reportDates: string[];
  responsibleName: string | null;
  sourceRefType: string | null;
  sourceRefId: number | null;
  endNote: string | null;
  checkInOverdue: boolean;
  effects: { label: string; from: string; clearsOn: string; lastDay: string; rule: string }[];
  inquiry: { id: number; code: string } | null;
  events: TimelineEvent[];
  attachments: FileRow[];
}

export interface InquiryRow {
  id: number;
  code: string;
  status: string;
  statusLabel: string;
  cadreId: number;
  cadreName: string;
  orgName: string;
  sourceKind: string;
  petitionId: number | null;
  sentOn: string;
  dueOn: string;
  repliedOn: string | null;
  onTime: boolean | null;
  overdue: boolean;
  conclusion: string | null;
  conclusionLabel: string | null;
  concludedOn: string | null;
}

export interface InquiryDetail extends InquiryRow {
  version: number;
  question: string;
  replyText: string | null;
  endorserName: string | null;
  endorsedAt: string | null;
  endorseNote: string | null;
  conclusionNote: string | null;
  admonitionId: number | null;
  admonitionCode: string | null;
  petitionCode: string | null;
  events: TimelineEvent[];
  attachments: FileRow[];
}

export interface MyInquiry extends InquiryRow {
  version: number;
  question: string;
  replyText: string | null;
  attachments: FileRow[];
}

export type AdmonitionFilter = Partial<{
  q: string;
  status: string;
  kind: string;
  sourceKind: string;
  overdue: string;
  year: number;
}>;
export type InquiryFilter = Partial<{
  q: string;
  status: string;
  conclusion: string;
  overdue: string;
  year: number;
}>;

export const fetchAdmonitions = (f: AdmonitionFilter & { page: number; pageSize: number }) =>
  api<Page<AdmonitionRow>>('GET', `/api/v1/admonitions${qs(f)}`);
export const fetchAdmonition = (id: number) => api<AdmonitionDetail>('GET', `/api/v1/admonitions/${id}`);
export const openAdmonition = (body: Record<string, unknown>) =>
  api<AdmonitionDetail>('POST', '/api/v1/admonitions', body);
export const admonitionStep = (id: number, step: string, body: Record<string, unknown>) =>
  api<AdmonitionDetail>('POST', `/api/v1/admonitions/${id}/${step}`, body);

export const fetchInquiries = (f: InquiryFilter & { page: number; pageSize: number }) =>
  api<Page<InquiryRow>>('GET', `/api/v1/inquiries${qs(f)}`);
export const fetchInquiry = (id: number) => api<InquiryDetail>('GET', `/api/v1/inquiries/${id}`);
export const openInquiry = (body: Record<string, unknown>) =>
  api<InquiryDetail>('POST', '/api/v1/inquiries', body);
export const inquiryStep = (id: number, step: string, body: Record<string, unknown>) =>
  api<InquiryDetail>('POST', `/api/v1/inquiries/${id}/${step}`, body);

export interface MyAdmonitionRow {
  id: number;
  code: string;
  orgName: string;
  status: string;
  statusLabel: string;
  talkOn: string | null;
  trackingEndsOn: string | null;
  releasedOn: string | null;
  reportDates: string[];
  reportsDone: number;
  nextReportDue: string | null;
  reportOverdue: boolean;
  version: number;
}
export interface MyAdmonition extends MyAdmonitionRow {
  reports: { on: string; dueOn: string | null; text: string | null; byOwnAccount: boolean }[];
}
export const fetchMyAdmonitions = () => api<{ items: MyAdmonitionRow[] }>('GET', '/api/v1/me/admonitions');
export const fetchMyAdmonition = (id: number) => api<MyAdmonition>('GET', `/api/v1/me/admonitions/${id}`);
export const submitMyReport = (id: number, body: { version: number; text: string }) =>
  api<MyAdmonition>('POST', `/api/v1/me/admonitions/${id}/reports`, body);
export const fetchMyInquiries = () => api<{ items: InquiryRow[] }>('GET', '/api/v1/me/inquiries');
export const fetchMyInquiry = (id: number) => api<MyInquiry>('GET', `/api/v1/me/inquiries/${id}`);
export const replyMyInquiry = (id: number, body: { version: number; reply: string }) =>
  api<MyInquiry>('POST', `/api/v1/me/inquiries/${id}/reply`, body);

export const fetchPetitionSubjects = (id: number) =>
  api<{ code: string; subjectsDetail: { cadreId: number | null; name: string }[] }>(
    'GET',
    `/api/v1/petitions/${id}`,
  );

/** Uploads one file (multipart) to an attachments endpoint. */
export async function uploadFile(url: string, file: File, csrf: string): Promise<FileRow> {
  const body = new FormData();
  body.append('file', file);
  const res = await fetch(url, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'x-csrf-token': csrf },
    body,
  });
  const data = await res.json().catch(() => null);
  if (!res.ok) throw new Error(data?.error?.message ?? '上传失败');
  return data as FileRow;
}

export const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
