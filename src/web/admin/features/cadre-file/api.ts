import { api, qs } from '../../shared/api';

export interface Reason {
  code: string;
  message: string;
  rule: { key: string; name: string; source: string };
  since?: string;
  clearsOn: string | null;
}

export interface Eligibility {
  eligible: boolean;
  verdict: 'eligible' | 'blocked' | 'undetermined';
  onDate: string;
  current: { title: string; level: string | null; isPrincipal: boolean; since: string } | null;
  target: { level: string; isPrincipal: boolean } | null;
  reasons: Reason[];
  missing: { code: string; message: string }[];
}

export interface TimelineEntry {
  date: string;
  kind: string;
  title: string;
  detail?: string;
  link?: string;
}

export interface CadreFile {
  cadre: {
    id: number;
    name: string;
    gender: string | null;
    birthDate: string | null;
    age: number | null;
    ethnicity: string | null;
    orgId: number;
    orgName: string;
    post: string | null;
    postLevel: string | null;
    education: string | null;
    politicalStatus: string | null;
    idNumberMasked: string | null;
    hasPhoto: boolean;
    status: string;
  };
  eligibility: Eligibility;
  timeline: { year: string; entries: TimelineEntry[] }[];
  legend: { key: string; label: string }[];
}

export const fetchCadreFile = (id: number) => api<CadreFile>('GET', `/api/v1/cadres/${id}/file`);
/** A post considered, as the query takes it: "fuke:true" → 副科正职. */
export const fetchEligibility = (id: number, date: string, target?: string) => {
  const [targetLevel, principal] = target?.split(':') ?? [];
  return api<Eligibility>(
    'GET',
    `/api/v1/cadres/${id}/eligibility${qs({ date, targetLevel, targetPrincipal: principal })}`,
  );
};
export const photoUrl = (id: number) => `/api/v1/cadres/${id}/photo`;

export const STATUS_LABELS: Record<string, string> = { active: '在职', left: '离任', retired: '退休' };

/** Tag colours for the kinds of record; kinds not listed take one from the palette by their place. */
const KIND_COLORS: Record<string, string> = {
  tenure: 'blue',
  concurrent_post: 'cyan',
  appointment: 'geekblue',
  assessment: 'green',
  annual_review: 'green',
  admonition: 'orange',
  inquiry: 'gold',
  petition: 'volcano',
  audit: 'purple',
  accountability: 'red',
  pledge: 'lime',
};
const PALETTE = ['magenta', 'purple', 'lime', 'gold', 'geekblue', 'volcano', 'cyan', 'green'];
export const kindColor = (kind: string, legend: { key: string }[]) =>
  KIND_COLORS[kind] ??
  PALETTE[
    Math.max(
      0,
      legend.findIndex((l) => l.key === kind),
    ) % PALETTE.length
  ];
