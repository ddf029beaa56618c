import { ApiError, api } from '../../shared/api';
import type { RowError } from '../../shared/ImportErrorRows';

/** create: new cadres only; update: rows whose ID number is registered update that cadre. */
export type ImportMode = 'create' | 'update';

export interface CadreChange {
  row: number;
  cadreId: number;
  name: string;
  changes: { column: string; before: string; after: string }[];
}

export interface ExcelImportResult {
  imported?: number;
  created?: number;
  updated?: number;
  unchanged?: number;
  /** A refused import: how many rows were bad, and the first of their problems. */
  badRows?: number;
  errors?: RowError[];
  /** A preview: what confirming will do. */
  mode?: ImportMode;
  rows?: number;
  toCreate?: number;
  toUpdate?: number;
  ignoredColumns?: string[];
  changes?: CadreChange[];
  changesTotal?: number;
}

export interface ExcelImportJob {
  id: number;
  kind: string;
  status: 'running' | 'failed' | 'succeeded' | 'awaiting_confirmation' | 'cancelled';
  total: number;
  processed: number;
  message: string | null;
  result: ExcelImportResult | null;
  hasErrorFile: boolean;
}

export const TEMPLATE_URL = '/api/v1/cadres/import/template.xlsx';
export const errorsUrl = (id: number) => `/api/v1/cadre-imports/${id}/errors.xlsx`;
export const fetchJob = (id: number) => api<ExcelImportJob>('GET', `/api/v1/cadre-imports/${id}`);
export const confirmJob = (id: number) =>
  api<ExcelImportJob>('POST', `/api/v1/cadre-imports/${id}/confirm`, {});
export const cancelJob = (id: number) => api<ExcelImportJob>('POST', `/api/v1/cadre-imports/${id}/cancel`);

/** Uploads the roster as multipart (the JSON client cannot); answers the import job at once. */
export async function uploadRoster(file: File, mode: ImportMode, csrfToken: string): Promise<ExcelImportJob> {
  const form = new FormData();
  form.append('mode', mode);
  form.append('file', file);
  const res = await fetch('/api/v1/cadres/import/excel', {
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
  return data as ExcelImportJob;
}
