import { api, qs } from '../../shared/api';
import { type ImportJob, uploadXlsx } from '../../shared/imports';

export interface StatsQuery {
  from?: string;
  to?: string;
  orgId?: number;
}

/** The 信访台帐 of a period and org (the cases as they stand now). */
export const ledgerUrl = (q: StatsQuery) => `/api/v1/petitions/ledger.xlsx${qs({ ...q })}`;

/** `notes`: how rows were read where the ledger left room (undated opinions counted one each). */
export type LedgerJob = ImportJob<{ imported: number; notes?: string[] }>;
export const TEMPLATE_URL = '/api/v1/petitions/ledger/template.xlsx';
export const ledgerErrorsUrl = (id: number) => `/api/v1/petitions/ledger/imports/${id}/errors.xlsx`;
export const fetchLedgerJob = (id: number) => api<LedgerJob>('GET', `/api/v1/petitions/ledger/imports/${id}`);

/** Uploads a 信访台帐 for an org; answers the import job at once. */
export const uploadLedger = (file: File, orgId: number | undefined, csrfToken: string) =>
  uploadXlsx<LedgerJob>(`/api/v1/petitions/ledger/import${qs({ orgId })}`, file, csrfToken);
