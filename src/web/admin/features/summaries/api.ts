import { api, type Page, qs } from '../../shared/api';

export interface SummaryPart {
  text: string;
  key: string | null;
  format: string | null;
}

export interface SummaryParagraph {
  id: string;
  title: string;
  text: string;
  template: string;
  ordinal: string | null;
  parts: SummaryPart[] | null;
}

export interface SummaryFigure {
  key: string;
  label: string;
  unit: string;
  value: number | null;
  definition: string;
  reproduce: string;
  names: string[] | null;
}

export interface Summary {
  id: number;
  org: { id: number; name: string };
  year: number;
  status: 'draft' | 'final';
  version: number | null;
  asOf: string;
  from: string;
  to: string;
  generatedAt: string;
  rowVersion: number;
  title: string;
  opening: string;
  sections: {
    key: string;
    number: string | null;
    heading: string;
    intro: string;
    paragraphs: SummaryParagraph[];
  }[];
  figures: SummaryFigure[];
  fileName: string | null;
  note: string | null;
}

export interface SummaryListItem {
  id: number;
  org: { id: number; name: string };
  year: number;
  status: 'draft' | 'final';
  version: number | null;
  asOf: string;
  generatedAt: string;
  generatedBy: string | null;
  fileName: string | null;
}

export interface SummaryDifference {
  id: number;
  version: number | null;
  asOf: string;
  checkedAt: string;
  changed: {
    key: string;
    label: string;
    unit: string;
    filed: number | null;
    now: number | null;
    reproduce: string;
  }[];
  unchanged: number;
}

export const listSummaries = (q: { orgId?: number; year?: number; page: number; pageSize: number }) =>
  api<Page<SummaryListItem>>('GET', `/api/v1/summaries${qs(q)}`);
export const getSummary = (id: number) => api<Summary>('GET', `/api/v1/summaries/${id}`);
export const generateSummary = (body: { orgId: number; year: number; reset?: boolean }) =>
  api<Summary>('POST', '/api/v1/summaries', body);
export const editSummaryParagraph = (id: number, paragraphId: string, text: string, rowVersion: number) =>
  api<Summary>('PUT', `/api/v1/summaries/${id}/paragraphs/${encodeURIComponent(paragraphId)}`, {
    text,
    rowVersion,
  });
export const finalizeSummary = (id: number, rowVersion: number) =>
  api<Summary>('POST', `/api/v1/summaries/${id}/finalize`, { rowVersion });
export const summaryDifference = (id: number) =>
  api<SummaryDifference>('GET', `/api/v1/summaries/${id}/difference`);
export const summaryDocxUrl = (id: number) => `/api/v1/summaries/${id}/document.docx`;

/** A figure's value as the appendix writes it. */
export const figureValue = (f: { value: number | null; unit: string }) =>
  f.value === null ? '—' : `${f.value}${f.unit}`;
