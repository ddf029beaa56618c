import { api, qs } from '../../shared/api';
import type { Figure, FigureQuery } from '../figures/api';

export interface ChartPoint {
  key: string;
  label: string;
  value: number;
}

/** One figure's values by month, by child org, or by its dimension's groups. */
export interface DashboardChart {
  figure: string;
  label: string;
  unit: string;
  definition: string;
  by: 'month' | 'org' | 'group';
  dimension: string | null;
  points: ChartPoint[];
}

export interface Dashboard {
  org: { id: number; name: string };
  from: string;
  to: string;
  asOf: string;
  today: string;
  note: string | null;
  modules: {
    module: string;
    label: string;
    cards: Figure[];
    trends: DashboardChart[];
    byOrg: DashboardChart[];
    categories: DashboardChart[];
  }[];
  todos: {
    today: string;
    open: number;
    overdue: number;
    byOrg: { key: string; label: string; open: number; overdue: number }[];
    byPerson: { key: string; label: string; overdue: number }[];
    late: {
      id: number;
      title: string;
      link: string | null;
      orgName: string | null;
      assignee: string;
      dueOn: string;
      overdueDays: number;
    }[];
  };
  panels: {
    key: string;
    module: string;
    label: string;
    unit: string;
    definition: string;
    value: number;
    columns: { key: string; label: string }[];
    items: {
      id: string;
      link: string;
      label: string;
      cells: Record<string, string | number | boolean | null>;
    }[];
  }[];
}

export const fetchDashboard = (q: FigureQuery) => api<Dashboard>('GET', `/api/v1/dashboard${qs({ ...q })}`);

export const dashboardWorkbookUrl = (q: FigureQuery) => `/api/v1/dashboard/export.xlsx${qs({ ...q })}`;
