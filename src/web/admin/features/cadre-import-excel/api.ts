import { api } from '../../shared/api';
import { type ImportJob, uploadXlsx } from '../../shared/imports';

export type { RowError } from '../../shared/imports';

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
  /** A preview: what confirming will do. */
  mode?: ImportMode;
  rows?: number;
  toCreate?: number;
  toUpdate?: number;
  ignoredColumns?: string[];
  changes?: CadreChange[];
  changesTotal?: number;
}

export type ExcelImportJob = ImportJob<ExcelImportResult>;

export const TEMPLATE_URL = '/api/v1/cadres/import/template.xlsx';
export const errorsUrl = (id: number) => `/api/v1/cadre-imports/${id}/errors.xlsx`;
export const fetchJob = (id: number) => api<ExcelImportJob>('GET', `/api/v1/cadre-imports/${id}`);
export const confirmJob = (id: number) =>
  api<ExcelImportJob>('POST', `/api/v1/cadre-imports/${id}/confirm`, {});
export const cancelJob = (id: number) => api<ExcelImportJob>('POST', `/api/v1/cadre-imports/${id}/cancel`);

/** Uploads the roster; answers the import job at once. */
export const uploadRoster = (file: File, mode: ImportMode, csrfToken: string) =>
  uploadXlsx<ExcelImportJob>('/api/v1/cadres/import/excel', file, csrfToken, { mode });
