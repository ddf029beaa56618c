import { ApiError, api, qs } from '../../shared/api';
import type { RowError } from '../../shared/ImportErrorRows';

export interface StatsQuery {
  from?: string;
  to?: string;
  orgId?: number;
}

/** The 信访台帐 of a period and org (the cases as they stand now). */
export const ledgerUrl = (q: StatsQuery) => `/api/v1/petitions/ledger.xlsx${qs({ ...q })}`;

export interface LedgerJob {
  id: number;
  kind: string;
  status: 'running' | 'failed' | 'succeeded';
  total: number;
  processed: number;
  message: string | null;
  /**
   * `notes`: how rows were read where the ledger left room (undated opinions counted one each);
   * `errors`: the first problems of the bad rows, listed on screen beside the error sheet.
   */
  result: { imported: number; badRows?: number; notes?: string[]; errors?: RowError[] } | null;
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
