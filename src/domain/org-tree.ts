/** The org tree: district → township → department / village → group. */
export const ORG_KINDS = {
  district: '区',
  township: '乡镇（街道）',
  department: '部门（站所）',
  village: '村（社区）',
  group: '村民小组',
} as const;
export type OrgKind = keyof typeof ORG_KINDS;

const CHILDREN: Record<OrgKind, OrgKind[]> = {
  district: ['township', 'department'],
  township: ['department', 'village'],
  department: [],
  village: ['group'],
  group: [],
};

/** Returns why `kind` may not sit under `parentKind` (null parent = the root), or null when it may. */
export function orgPlacementProblem(kind: OrgKind, parentKind: OrgKind | null): string | null {
  if (parentKind === null)
    return kind === 'district' || kind === 'township' ? null : `${ORG_KINDS[kind]}须隶属于上级组织`;
  if (!CHILDREN[parentKind].includes(kind)) return `${ORG_KINDS[parentKind]}下不能设立${ORG_KINDS[kind]}`;
  return null;
}

/** Materialized path of a node: the parent's path plus its own id, e.g. `/1/5/12/`. */
export const childPath = (parentPath: string | null, id: number) => `${parentPath ?? '/'}${id}/`;

export const isWithin = (path: string, ancestorPath: string) => path.startsWith(ancestorPath);
