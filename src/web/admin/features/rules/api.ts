import { api } from '../../shared/api';

export interface RuleVersion {
  id: number;
  version: number;
  value: unknown;
  source: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  note: string | null;
  createdAt: string;
}

export interface Rule {
  key: string;
  name: string;
  unit: string;
  area: string;
  current: RuleVersion | null;
  /** Newest first. */
  versions: RuleVersion[];
}

export const fetchRules = () => api<Rule[]>('GET', '/api/v1/rules');
export const reviseRule = (
  key: string,
  body: { value: unknown; effectiveFrom: string; source: string; note?: string | null },
) => api<Rule>('POST', `/api/v1/rules/${key}/versions`, body);
