import { ApiError, api, type Page, qs } from '../../shared/api';

export interface Drill {
  metric: string;
  category?: string;
  from: string;
  to: string;
  orgId: number;
}
export interface Figure {
  value: number;
  drill: Drill;
}
export interface PetitionStats {
  from: string;
  to: string;
  today: string;
  org: { id: number; name: string };
  figures: Record<string, Figure>;
  visitors: Figure;
  conclusionRate: { value: number | null; concluded: number; accepted: number; drill: Drill };
  byCategory: { category: string; label: string; count: number; drill: Drill }[];
}
export interface StatRecord {
  id: number;
  code: string;
  receivedOn: string;
  channel: string;
  visitors: number | null;
  title: string;
  category: string | null;
  status: string;
  acceptedOn: string | null;
  concludedOn: string | null;
  assignedDueOn: string | null;
  dueOn: string | null;
  imported: boolean;
}
export interface StatsQuery {
  from?: string;
  to?: string;
  orgId?: number;
}

export const fetchStats = (q: StatsQuery) =>
  api<PetitionStats>('GET', `/api/v1/petitions/stats${qs({ ...q })}`);
export const fetchRecords = (d: Drill, page: number, pageSize: number) =>
  api<Page<StatRecord>>('GET', `/api/v1/petitions/stats/records${qs({ ...d, page, pageSize })}`);
export const ledgerUrl = (q: StatsQuery) => `/api/v1/petitions/ledger.xlsx${qs({ ...q })}`;

export interface LedgerJob {
  id: number;
  kind: string;
  status: 'running' | 'failed' | 'succeeded';
  total: number;
  processed: number;
  message: string | null;
  /** `notes`: how rows were read where the ledger left room (undated opinions counted one each). */
  result: { imported: number; badRows?: number; notes?: string[] } | null;
  hasErrorFile: boolean;
}
export const TEMPLATE_URL = '/api/v1/petitions/ledger/template.xlsx';
export const ledgerErrorsUrl = (id: number) => `/api/v1/petitions/ledger/imports/${id}/errors.xlsx`;
export const fetchLedgerJob = (id: number) => api<LedgerJob>('GET', `/api/v1/petitions/ledger/imports/${id}`);

/** Uploads a 信访台帐 as multipart (the JSON client cannot); answers the import job at once. */
export async function uploadLedger(
  file: File,
  orgId: number | undefined,
  csrfToken: string,
): Promise<LedgerJob> {
  const form = new FormData();
  form.append('file', file);
  const res = await fetch(`/api/v1/petitions/ledger/import${qs({ orgId })}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'x-csrf-token': csrfToken },
    body: form,
  });
  const data = await res.json().catch(() => null);
  if (!res.ok) {
    const e = data?.error ?? {};
    throw new ApiError(res.status, e.code ?? 'error', e.message ?? `上传失败（${res.status}）`, e.fields);
  }
  return data as LedgerJob;
}
