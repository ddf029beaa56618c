import { api, qs } from '../../shared/api';

export interface PledgeRow {
  id: number;
  orgId: number;
  village: string;
  cadreId: number;
  cadre: string;
  post: string;
  title: string;
  pledgedOn: string;
  appraisedOn: string | null;
  appraisal: Appraisal | null;
  admonitionId: number | null;
  progress: number;
  due: number;
  fulfilled: number;
  rate: number | null;
}

export interface VillageRow {
  orgId: number;
  village: string;
  pledges: number;
  due: number;
  fulfilled: number;
  rate: number | null;
}

export interface Appraisal {
  satisfied: number;
  basic: number;
  unsatisfied: number;
  total: number;
  failureShare: number;
  threshold: number;
  failed: boolean;
}

export interface PledgeItem {
  id: number;
  parentId: number | null;
  title: string;
  target: string;
  dueOn: string;
  weight: number | null;
  progress: number;
  leaf: boolean;
}

export interface PledgeDetail {
  id: number;
  orgId: number;
  cadreId: number;
  title: string;
  pledgedOn: string;
  cadre: string;
  village: string;
  post: string;
  termFrom: string | null;
  termTo: string | null;
  report: string | null;
  reportedOn: string | null;
  appraisal: Appraisal | null;
  appraisedOn: string | null;
  admonitionId: number | null;
  version: number;
  own: boolean;
  asOf: string;
  progress: number;
  due: number;
  fulfilled: number;
  rate: number | null;
  items: PledgeItem[];
  entries: {
    id: number;
    itemId: number;
    reportedOn: string;
    percent: number;
    evidence: string;
    by: string | null;
    files: { id: number; fileName: string }[];
  }[];
}

export interface VillageTenure {
  id: number;
  cadreId: number;
  cadre: string;
  village: string;
  post: string;
  startDate: string;
  endDate: string | null;
}

export interface NewItem {
  key: string;
  parentKey: string | null;
  title: string;
  target: string | null;
  dueOn: string | null;
  weight: number | null;
}

export const rateText = (rate: number | null) => (rate === null ? '—' : `${rate}%`);

export const fetchPledges = (q: { orgId?: number; asOf?: string }) =>
  api<{ asOf: string; items: PledgeRow[]; villages: VillageRow[] }>('GET', `/api/v1/pledges${qs(q)}`);
export const fetchPledge = (id: number, asOf?: string) =>
  api<PledgeDetail>('GET', `/api/v1/pledges/${id}${qs({ asOf })}`);
export const fetchMyPledges = () =>
  api<{ items: { id: number; title: string; pledgedOn: string }[] }>('GET', '/api/v1/me/pledges');
export const fetchVillageTenures = () => api<{ items: VillageTenure[] }>('GET', '/api/v1/pledges/tenures');
export const createPledge = (body: {
  tenureId: number;
  title: string;
  pledgedOn: string;
  items: NewItem[];
}) => api<PledgeDetail>('POST', '/api/v1/pledges', body);
/** The officers' routes, or the cadre's own (我的任期承诺). */
export const pledgeBase = (own: boolean) => (own ? '/api/v1/me/pledges' : '/api/v1/pledges');
export const addProgress = (
  id: number,
  own: boolean,
  body: { itemId: number; reportedOn: string; percent: number; evidence: string },
) => api<PledgeDetail>('POST', `${pledgeBase(own)}/${id}/progress`, body);
export const saveReport = (id: number, body: { report: string; reportedOn: string; version: number }) =>
  api<PledgeDetail>('PUT', `/api/v1/pledges/${id}/report`, body);
export const saveAppraisal = (
  id: number,
  body: { satisfied: number; basic: number; unsatisfied: number; appraisedOn: string; version: number },
) => api<PledgeDetail>('PUT', `/api/v1/pledges/${id}/appraisal`, body);
