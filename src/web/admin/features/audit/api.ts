import { api, type Page, qs } from '../../shared/api';

export interface AuditRecord {
  id: number;
  at: string;
  userId: number | null;
  username: string | null;
  orgId: number | null;
  orgName: string | null;
  action: string;
  objectType: string | null;
  objectId: string | null;
  objectLabel: string | null;
  result: 'success' | 'failure' | 'denied';
  ip: string | null;
  detail: unknown;
  hash: string;
}

export interface AuditFilters {
  from?: string;
  to?: string;
  username?: string;
  action?: string;
  result?: string;
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  lastId: number | null;
  firstBreak: { id: number; reason: 'prev_mismatch' | 'hash_mismatch'; at: string | null } | null;
  anchors: { checked: number; latestId: number | null; problem: string | null; truncatedAt: number | null };
}

export const fetchAudit = (p: AuditFilters & { page: number; pageSize: number }) =>
  api<Page<AuditRecord> & { totalCapped: boolean }>('GET', `/api/v1/audit${qs({ ...p })}`);
export const exportUrl = (f: AuditFilters) => `/api/v1/audit/export${qs({ ...f })}`;
export const verifyChain = () => api<VerifyResult>('GET', '/api/v1/audit/verify');
