import { ApiError, api, type Page, qs } from '../../shared/api';

export interface CadreRow {
  id: number;
  name: string;
  gender: string | null;
  birthDate: string | null;
  age: number | null;
  ethnicity: string | null;
  orgId: number;
  orgName: string;
  positionTitle: string | null;
  positionLevel: string | null;
  education: string | null;
  politicalStatus: string | null;
  status: string;
  idNumberMasked: string | null;
}

/** The editable fields, as the form and the API name them. */
export const CADRE_TEXT_FIELDS = [
  'ethnicity',
  'nativePlace',
  'birthPlace',
  'partyJoinDate',
  'workStartDate',
  'politicalStatus',
  'health',
  'professionalTitle',
  'expertise',
  'education',
  'fullTimeEducation',
  'fullTimeDegree',
  'fullTimeSchool',
  'fullTimeDegreeSchool',
  'partTimeEducation',
  'partTimeDegree',
  'partTimeSchool',
  'partTimeDegreeSchool',
  'currentPosition',
  'resume',
  'rewards',
  'annualReviews',
  'note',
  'phone',
  'gender',
  'birthDate',
] as const;
type TextField = (typeof CADRE_TEXT_FIELDS)[number];

export type CadreInput = { orgId: number; name: string; status: string; idNumber?: string | null } & {
  [K in TextField]?: string | null;
};

export interface CadreDetail extends Record<TextField, string | null> {
  id: number;
  orgId: number;
  orgName: string;
  name: string;
  namePinyin: string;
  age: number | null;
  current: { title: string | null; level: string | null };
  idNumberMasked: string | null;
  hasPhoto: boolean;
  status: string;
  source: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export const STATUS_LABELS: Record<string, string> = { active: '在职', left: '离任', retired: '退休' };
export const STATUS_COLORS: Record<string, string> = { active: 'green', left: 'default', retired: 'blue' };
export const AGE_BANDS: Record<string, string> = {
  '-35': '35 岁及以下',
  '36-45': '36–45 岁',
  '46-55': '46–55 岁',
  '56-': '56 岁及以上',
};

export type RosterFilter = {
  q?: string;
  orgId?: number;
  level?: string;
  status?: string;
  ageBand?: string;
  education?: string;
};
export type RosterParams = RosterFilter & { page: number; pageSize: number; sort?: string; order?: string };

export const fetchRoster = (p: RosterParams) => api<Page<CadreRow>>('GET', `/api/v1/cadres${qs(p)}`);
export const rosterExportUrl = (f: RosterFilter & { sort?: string; order?: string }) =>
  `/api/v1/cadres/export.xlsx${qs(f)}`;
export const fetchCadre = (id: number) => api<CadreDetail>('GET', `/api/v1/cadres/${id}`);
export const createCadre = (body: CadreInput) => api<CadreDetail>('POST', '/api/v1/cadres', body);
export const updateCadre = (id: number, body: CadreInput & { version: number }) =>
  api<CadreDetail>('PUT', `/api/v1/cadres/${id}`, body);
export const deleteCadre = (id: number) => api('DELETE', `/api/v1/cadres/${id}`);
export const revealIdNumber = (id: number, reason: string) =>
  api<{ idNumber: string }>('POST', `/api/v1/cadres/${id}/reveal-id`, { reason });
export const photoUrl = (c: Pick<CadreDetail, 'id' | 'updatedAt'>) =>
  `/api/v1/cadres/${c.id}/photo?v=${encodeURIComponent(c.updatedAt)}`;

/** Uploads a photo as multipart (the JSON client cannot); the server checks its content. */
export async function uploadPhoto(id: number, file: File, csrfToken: string): Promise<void> {
  const form = new FormData();
  form.append('file', file);
  const res = await fetch(`/api/v1/cadres/${id}/photo`, {
    method: 'PUT',
    credentials: 'same-origin',
    headers: { 'x-csrf-token': csrfToken },
    body: form,
  });
  if (!res.ok) {
    const e = (await res.json().catch(() => null))?.error ?? {};
    throw new ApiError(res.status, e.code ?? 'error', e.message ?? '上传失败');
  }
}

export interface DictOption {
  code: string;
  label: string;
  enabled: boolean;
}
export const fetchDict = (type: string) => api<DictOption[]>('GET', `/api/v1/dicts/${type}/items`);

export interface UserOption {
  id: number;
  username: string;
  displayName: string;
  orgName: string;
}
export const searchUsers = (q: string) =>
  api<Page<UserOption>>('GET', `/api/v1/users${qs({ q, pageSize: 20 })}`);
