import { ApiError, api } from '../../shared/api';

/** The 简历 of a file as read: dated rows, the lines that could not be read, 现任职务 in the registry. */
export interface ResumeReport {
  rows: { line: number; start: string; end: string | null; text: string; kind: 'post' | 'study' }[];
  unparsed: { line: number; text: string; reason: string }[];
  current: { title: string; level: string; isPrincipal: boolean; start: string | null }[];
  notes: string[];
}

export interface FileReport {
  name: string;
  personName: string | null;
  status: 'created' | 'updated' | 'incomplete' | 'refused';
  action: 'create' | 'update' | null;
  missing: string[];
  problems: string[];
  message?: string;
  resume?: ResumeReport;
  tenures?: number;
  skipped?: boolean;
  imported: boolean;
}

export interface ImportResult {
  created: number;
  updated: number;
  refused: number;
  incomplete: number;
  skipped?: number;
  tenures?: number;
  files: FileReport[];
}

export interface ImportJob {
  id: number;
  kind: string;
  status: 'running' | 'failed' | 'succeeded' | 'awaiting_confirmation' | 'cancelled';
  total: number;
  processed: number;
  message: string | null;
  result: ImportResult | null;
}

/** Uploads one .lrmx or a zip of them as multipart (the JSON client cannot); answers the import job. */
export async function uploadLrmx(orgId: number, file: File, csrfToken: string): Promise<ImportJob> {
  const form = new FormData();
  form.append('orgId', String(orgId));
  form.append('file', file);
  const res = await fetch('/api/v1/cadres/import/lrmx', {
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
  return data as ImportJob;
}

export const fetchJob = (id: number) => api<ImportJob>('GET', `/api/v1/cadre-imports/${id}`);
/** Imports the files ticked (at least one). */
export const confirmJob = (id: number, files: string[]) =>
  api<ImportJob>('POST', `/api/v1/cadre-imports/${id}/confirm`, { files });
export const cancelJob = (id: number) => api<ImportJob>('POST', `/api/v1/cadre-imports/${id}/cancel`);
