import { ApiError, api } from '../../shared/api';

export interface ExcelImportJob {
  id: number;
  kind: string;
  status: 'running' | 'failed' | 'succeeded';
  total: number;
  processed: number;
  message: string | null;
  result: { imported: number; badRows?: number } | null;
  hasErrorFile: boolean;
}

export const TEMPLATE_URL = '/api/v1/cadres/import/template.xlsx';
export const errorsUrl = (id: number) => `/api/v1/cadre-imports/${id}/errors.xlsx`;
export const fetchJob = (id: number) => api<ExcelImportJob>('GET', `/api/v1/cadre-imports/${id}`);

/** Uploads the roster as multipart (the JSON client cannot); answers the import job at once. */
export async function uploadRoster(file: File, csrfToken: string): Promise<ExcelImportJob> {
  const form = new FormData();
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
