import { api, qs } from '../../shared/api';

/** What a figures request is about: an org subtree, a period and the as-of date (server defaults). */
export interface FigureQuery {
  orgId?: number;
  from?: string;
  to?: string;
  asOf?: string;
}

export interface FigureGroup {
  key: string;
  label: string;
  value: number;
}

export interface Figure {
  key: string;
  module: string;
  label: string;
  unit: string;
  definition: string;
  kind: 'count' | 'sum' | 'ratio';
  value: number | null;
  dimension: { key: string; label: string } | null;
  groups: FigureGroup[] | null;
  ratio: { numerator: string; denominator: string; numeratorValue: number; denominatorValue: number } | null;
  drillable: boolean;
}

export interface Figures {
  org: { id: number; name: string };
  from: string;
  to: string;
  asOf: string;
  today: string;
  note: string | null;
  figures: Figure[];
}

export interface FigureRecords {
  org: { id: number; name: string };
  from: string;
  to: string;
  asOf: string;
  figure: Pick<Figure, 'key' | 'label' | 'unit' | 'definition' | 'kind'>;
  group: { key: string; label: string } | null;
  slice: { by: 'month' | 'org'; key: string; label: string } | null;
  columns: { key: string; label: string }[];
  items: {
    id: string;
    link: string;
    label: string;
    weight: number | null;
    cells: Record<string, string | number | boolean | null>;
  }[];
  total: number;
  page: number;
  pageSize: number;
}

/** Where a drill-down goes: a figure (or one group of it) with the query it was counted under. */
export interface FigureDrill {
  key: string;
  group?: string;
  /** One bar of a breakdown: a month `2026-03` or a child org's id. */
  breakdown?: 'month' | 'org';
  slice?: string;
  title: string;
  query: FigureQuery;
}

export const fetchFigures = (q: FigureQuery & { module?: string; keys?: string }) =>
  api<Figures>('GET', `/api/v1/figures${qs({ ...q })}`);

export const fetchFigureRecords = (d: FigureDrill, page: number, pageSize: number) =>
  api<FigureRecords>(
    'GET',
    `/api/v1/figures/${encodeURIComponent(d.key)}/records${qs({ ...d.query, group: d.group, breakdown: d.breakdown, slice: d.slice, page, pageSize })}`,
  );

/** A figure's value as shown: a ratio with one decimal, “—” for a ratio over nothing. */
export const shownValue = (f: Figure) =>
  f.value === null ? '—' : f.kind === 'ratio' ? f.value.toFixed(1) : String(f.value);
