import { api, type Page, qs } from '../../shared/api';

export interface UserRole {
  code: string;
  name: string;
  adminClass: string | null;
}

export interface User {
  id: number;
  username: string;
  displayName: string;
  orgId: number;
  orgName: string;
  dataScope: string;
  phone: string | null;
  email: string | null;
  status: 'active' | 'disabled' | 'locked';
  lockedUntil: string | null;
  mustChangePassword: boolean;
  totpEnabled: boolean;
  lastLoginAt: string | null;
  createdAt: string;
  roles: UserRole[];
  /** Roles proposed and not yet granted by a security administrator (待授权): they give nothing yet. */
  pendingRoles: (UserRole & { requestId: number })[];
  version: number;
}

interface RequestUser {
  id: number;
  username: string;
  displayName: string;
  orgName: string;
}

/** A role waiting for a security administrator's grant. */
export interface RoleRequest {
  id: number;
  status: string;
  user: RequestUser;
  role: UserRole;
  requestedById: number;
  requestedBy: string;
  requestedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  passwordSetByAdmin: boolean;
  totpEnabled: boolean;
}

/** A password reset waiting for a second administrator. */
export interface ResetRequest {
  id: number;
  status: string;
  reason: string;
  reasonLabel: string;
  user: RequestUser;
  requestedById: number;
  requestedBy: string;
  requestedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  confirmable: boolean;
}

export type ResetOutcome =
  | { outcome: 'reset'; user: User; password: string }
  | { outcome: 'requested'; user: User; request: ResetRequest; message: string };

export interface UserSession {
  createdAt: string;
  lastSeenAt: string;
  ip: string | null;
  userAgent: string | null;
  pending: string | null;
  current: boolean;
}

/** Roles as the user page needs them (the role page has its own fuller view). */
export interface RoleOption extends UserRole {
  id: number;
}

export interface OrgOption {
  id: number;
  parentId: number | null;
  name: string;
}

export const STATUS_LABELS = { active: '正常', disabled: '停用', locked: '锁定' } as const;
export const STATUS_COLORS = { active: 'green', disabled: 'default', locked: 'orange' } as const;
export const SCOPE_LABELS: Record<string, string> = {
  all: '全部',
  subtree: '本级及下级',
  org: '本级',
  self: '仅本人',
};
const SCOPE_RANK: Record<string, number> = { self: 0, org: 1, subtree: 2, all: 3 };
/** The scopes a caller may hand out: never wider than their own (the server checks it too). */
export const grantableScopes = (own: string) =>
  Object.keys(SCOPE_LABELS).filter((s) => SCOPE_RANK[s] <= (SCOPE_RANK[own] ?? 0));

export type UserInput = {
  displayName: string;
  orgId: number;
  dataScope: string;
  phone?: string | null;
  email?: string | null;
};

export const fetchUsers = (p: {
  q?: string;
  orgId?: number;
  role?: string;
  status?: string;
  page: number;
  pageSize: number;
}) => api<Page<User>>('GET', `/api/v1/users${qs(p)}`);
export const fetchUser = (id: number) => api<User>('GET', `/api/v1/users/${id}`);
export const fetchSessions = (id: number) => api<UserSession[]>('GET', `/api/v1/users/${id}/sessions`);
export const fetchRoleOptions = () => api<RoleOption[]>('GET', '/api/v1/roles');
export const fetchOrgOptions = () => api<OrgOption[]>('GET', '/api/v1/orgs/tree');

export const createUser = (body: UserInput & { username: string; roles: string[] }) =>
  api<{ user: User; password: string }>('POST', '/api/v1/users', body);
export const updateUser = (id: number, body: UserInput & { version: number }) =>
  api<User>('PUT', `/api/v1/users/${id}`, body);
export const setUserRoles = (id: number, body: { roles: string[]; version: number }) =>
  api<User>('PUT', `/api/v1/users/${id}/roles`, body);
export const proposeRoles = (id: number, roles: string[]) =>
  api<User>('POST', `/api/v1/users/${id}/role-requests`, { roles });

type Action = 'disable' | 'enable' | 'unlock' | 'end-sessions';
export const userAction = (id: number, action: Action) => api('POST', `/api/v1/users/${id}/${action}`);
export const resetPassword = (id: number) => api<ResetOutcome>('POST', `/api/v1/users/${id}/reset-password`);

export const fetchRoleRequests = () => api<RoleRequest[]>('GET', '/api/v1/role-requests');
export const grantRoleRequest = (id: number) => api<User>('POST', `/api/v1/role-requests/${id}/grant`);
export const refuseRoleRequest = (id: number) =>
  api<{ ok: boolean; status: string }>('POST', `/api/v1/role-requests/${id}/refuse`);
export const fetchResetRequests = () => api<ResetRequest[]>('GET', '/api/v1/password-resets');
export const confirmReset = (id: number) =>
  api<{ user: User; password: string }>('POST', `/api/v1/password-resets/${id}/confirm`);
export const refuseReset = (id: number) =>
  api<{ ok: boolean; status: string }>('POST', `/api/v1/password-resets/${id}/refuse`);
