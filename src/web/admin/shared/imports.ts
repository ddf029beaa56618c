import { ApiError } from './api';

/** One problem of a refused import's bad row: 行, 列 (when the reason names one), 原因. */
export interface RowError {
  row: number;
  column: string;
  message: string;
}

/** What every import's result may carry when it was refused: how many rows were bad, the first problems. */
export interface RefusedResult {
  badRows?: number;
  errors?: RowError[];
}

/** An import job as the server's import-job routes answer it. */
export interface ImportJob<R = RefusedResult> {
  id: number;
  kind: string;
  status: 'running' | 'failed' | 'succeeded' | 'awaiting_confirmation' | 'cancelled';
  total: number;
  processed: number;
  message: string | null;
  result: (R & RefusedResult) | null;
  hasErrorFile: boolean;
}

/** Uploads one .xlsx as multipart (the JSON client cannot) with its fields; answers the import job at once. */
export async function uploadXlsx<J>(
  url: string,
  file: File,
  csrfToken: string,
  fields: Record<string, string> = {},
): Promise<J> {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append('file', file);
  const res = await fetch(url, {
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
  return data as J;
}
