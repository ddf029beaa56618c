import { api } from '../../shared/api';

export interface Role {
  id: number;
  code: string;
  name: string;
  description: string | null;
  builtin: boolean;
  adminClass: 'sys' | 'security' | 'audit' | null;
  mfaRequired: boolean;
  permissions: string[];
  userCount: number;
  version: number;
}

export interface PermissionInfo {
  code: string;
  label: string;
  group: string;
  groupLabel: string;
  forbiddenFor: string[];
}

export const ADMIN_CLASS_LABELS: Record<string, string> = {
  sys: '系统管理员（三员）',
  security: '安全保密管理员（三员）',
  audit: '安全审计员（三员）',
};

export type RoleInput = {
  name: string;
  description?: string | null;
  mfaRequired: boolean;
  permissions: string[];
};

export const fetchRoles = () => api<Role[]>('GET', '/api/v1/roles');
export const fetchPermissions = () => api<PermissionInfo[]>('GET', '/api/v1/roles/permissions');
export const createRole = (body: RoleInput & { code: string }) => api<Role>('POST', '/api/v1/roles', body);
export const updateRole = (id: number, body: RoleInput & { version: number }) =>
  api<Role>('PUT', `/api/v1/roles/${id}`, body);
export const deleteRole = (id: number) => api('DELETE', `/api/v1/roles/${id}`);

/** The catalogue in its groups, in catalogue order. */
export function groupPermissions(perms: PermissionInfo[]) {
  const groups = new Map<string, { label: string; items: PermissionInfo[] }>();
  for (const p of perms) {
    const g = groups.get(p.group) ?? { label: p.groupLabel, items: [] };
    g.items.push(p);
    groups.set(p.group, g);
  }
  return [...groups.entries()].map(([key, g]) => ({ key, ...g }));
}
