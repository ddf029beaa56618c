import { api, type Page, qs } from '../../shared/api';

export interface Tenure {
  id: number;
  cadreId: number;
  positionId: number | null;
  /** None for a post of an imported 简历 outside the registry: its title says where. */
  orgId: number | null;
  orgName: string | null;
  title: string;
  level: string | null;
  isPrincipal: boolean;
  managesFunds: boolean;
  startDate: string;
  endDate: string | null;
  endReason: string | null;
  probationEnd: string | null;
  note: string | null;
  /** manual | excel | resume */
  source: string;
  version: number;
}

export interface TenureStartInput {
  positionId?: number | null;
  orgId?: number | null;
  title?: string | null;
  level?: string | null;
  isPrincipal?: boolean;
  managesFunds?: boolean;
  startDate: string;
  probation: boolean;
  note?: string | null;
}

export interface ConcurrentPost {
  id: number;
  orgId: number;
  orgName: string;
  title: string;
  startDate: string;
  endDate: string | null;
}

export interface FamilyMember {
  id?: number;
  relation: string;
  name: string;
  birthDate: string | null;
  politicalStatus: string | null;
  workUnit: string | null;
  userId: number | null;
  userLabel?: string | null;
}

export interface Position {
  id: number;
  orgId: number;
  orgName: string;
  title: string;
  level: string;
  isPrincipal: boolean;
  managesFunds: boolean;
  sort: number;
  version: number;
  holders: { cadreId: number; name: string }[];
}
export type PositionInput = Pick<
  Position,
  'orgId' | 'title' | 'level' | 'isPrincipal' | 'managesFunds' | 'sort'
>;

export const fetchTenures = (id: number) => api<Tenure[]>('GET', `/api/v1/cadres/${id}/tenures`);
export const startTenure = (id: number, body: TenureStartInput) =>
  api<{ id: number }>('POST', `/api/v1/cadres/${id}/tenures`, body);
export const endTenure = (id: number, body: { endDate: string; endReason: string }) =>
  api('POST', `/api/v1/tenures/${id}/end`, body);
export const updateTenure = (
  id: number,
  body: {
    startDate: string;
    endDate: string | null;
    probationEnd: string | null;
    note: string | null;
    version: number;
  },
) => api('PUT', `/api/v1/tenures/${id}`, body);

export const fetchConcurrentPosts = (id: number) =>
  api<ConcurrentPost[]>('GET', `/api/v1/cadres/${id}/concurrent-posts`);
export const addConcurrentPost = (
  id: number,
  body: { orgId: number; title: string; startDate: string; endDate: string | null },
) => api('POST', `/api/v1/cadres/${id}/concurrent-posts`, body);
export const removeConcurrentPost = (id: number, postId: number) =>
  api('DELETE', `/api/v1/cadres/${id}/concurrent-posts/${postId}`);

export const fetchFamily = (id: number) => api<FamilyMember[]>('GET', `/api/v1/cadres/${id}/family`);
export const saveFamily = (id: number, members: FamilyMember[]) =>
  api<FamilyMember[]>('PUT', `/api/v1/cadres/${id}/family`, { members });

export const fetchPositions = (p: { orgId?: number; q?: string; page: number; pageSize: number }) =>
  api<Page<Position>>('GET', `/api/v1/positions${qs(p)}`);
export const createPosition = (body: PositionInput) => api<Position>('POST', '/api/v1/positions', body);
export const updatePosition = (id: number, body: PositionInput & { version: number }) =>
  api<Position>('PUT', `/api/v1/positions/${id}`, body);
export const deletePosition = (id: number) => api('DELETE', `/api/v1/positions/${id}`);
