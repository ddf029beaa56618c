import { api, type Page, qs } from '../../shared/api';

export interface Org {
  id: number;
  parentId: number | null;
  name: string;
  kind: string;
  code: string | null;
  path: string;
  sort: number;
  /** 信访编号前缀; null until set or first needed (then the suggested one is taken). */
  petitionPrefix: string | null;
  petitionPrefixSuggested: string;
  version: number;
}

export const ORG_KIND_LABELS: Record<string, string> = {
  district: '区',
  township: '乡镇（街道）',
  department: '部门（站所）',
  village: '村（社区）',
  group: '村民小组',
};

export const fetchOrgTree = () => api<Org[]>('GET', '/api/v1/orgs/tree');
export const fetchOrgs = (p: {
  parentId?: number;
  q?: string;
  kind?: string;
  page: number;
  pageSize: number;
}) => api<Page<Org>>('GET', `/api/v1/orgs${qs(p)}`);
export const createOrg = (body: {
  name: string;
  kind: string;
  parentId: number | null;
  code?: string | null;
  sort?: number;
  petitionPrefix?: string | null;
}) => api<Org>('POST', '/api/v1/orgs', body);
export const updateOrg = (
  id: number,
  body: {
    name: string;
    code?: string | null;
    sort?: number;
    petitionPrefix?: string | null;
    version: number;
  },
) => api<Org>('PUT', `/api/v1/orgs/${id}`, body);
export const deleteOrg = (id: number) => api('DELETE', `/api/v1/orgs/${id}`);

export interface OrgNode {
  key: number;
  title: string;
  org: Org;
  children: OrgNode[];
}

/** Nests the flat tree; orgs whose parent is out of scope become roots. */
export function nest(orgs: Org[]): OrgNode[] {
  const byId = new Map<number, OrgNode>(
    orgs.map((o) => [o.id, { key: o.id, title: o.name, org: o, children: [] }]),
  );
  const roots: OrgNode[] = [];
  for (const node of byId.values()) {
    const parent = node.org.parentId ? byId.get(node.org.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}
