import { api, type Page, qs } from '../../shared/api';

/** The back office of what the portal shows: villagers' objections and the leaders directory. */
export interface Objection {
  id: number;
  orgId: number;
  orgName: string;
  disclosureId: number;
  itemTitle: string;
  text: string;
  receivedOn: string;
  dueOn: string;
  answer: string | null;
  answeredOn: string | null;
  escalatedOn: string | null;
  state: 'open' | 'overdue' | 'answered' | 'answered_late';
  version: number;
}
export const OBJECTION_STATES: Record<Objection['state'], { label: string; color: string }> = {
  open: { label: '待答复', color: 'blue' },
  overdue: { label: '逾期未答复', color: 'red' },
  answered: { label: '已按时答复', color: 'green' },
  answered_late: { label: '逾期答复', color: 'orange' },
};
export const fetchObjections = (p: { orgId?: number; state?: string; page: number; pageSize: number }) =>
  api<Page<Objection>>('GET', `/api/v1/disclosure/objections${qs(p)}`);
export const answerObjection = (id: number, body: { answer: string; version: number }) =>
  api<Objection>('POST', `/api/v1/disclosure/objections/${id}/answer`, body);

export interface LeaderRow {
  tenureId: number;
  name: string;
  post: string;
  mobileMasked: string | null;
  duties: string | null;
  officePhone: string | null;
  hours: string | null;
  mobileConsent: boolean;
  version: number;
}
export const fetchLeaders = (orgId: number) =>
  api<{ orgId: number; orgName: string; items: LeaderRow[] }>(
    'GET',
    `/api/v1/disclosure/leaders${qs({ orgId })}`,
  );
export const saveLeader = (
  tenureId: number,
  body: Pick<LeaderRow, 'duties' | 'officePhone' | 'hours' | 'mobileConsent' | 'version'>,
) => api('PUT', `/api/v1/disclosure/leaders/${tenureId}`, body);
