/**
 * 选人用人失察: the people responsible for a case's steps — 推荐人, 考察组 members, 承办人 and whoever
 * answers for the deciding meeting. A revoked decision proposes accountability for exactly these
 * people, each once (their roles joined).
 */
export interface ResponsibleEntry {
  cadreId: number | null;
  name: string;
  role: string;
}

export const RESPONSIBLE_ROLES = {
  recommender: '推荐人',
  inspector: '考察组成员',
  handler: '承办人',
  decider: '决定责任人',
} as const;
export type ResponsibleRole = keyof typeof RESPONSIBLE_ROLES;

export function responsiblePeople(
  entries: { cadreId: number | null; name: string; role: ResponsibleRole }[],
): ResponsibleEntry[] {
  const out: (ResponsibleEntry & { key: string })[] = [];
  for (const e of entries) {
    const key = e.cadreId !== null ? `c${e.cadreId}` : `n${e.name.trim()}`;
    const role = RESPONSIBLE_ROLES[e.role];
    const have = out.find((o) => o.key === key);
    if (have) {
      if (!have.role.split('、').includes(role)) have.role = `${have.role}、${role}`;
    } else out.push({ key, cadreId: e.cadreId, name: e.name.trim(), role });
  }
  return out.map(({ key: _, ...rest }) => rest);
}

/** 任免文件: each 任 line must match a passed decision exactly (cadre and post), and every decision a line. */
export interface DispatchLine {
  kind: 'appoint' | 'remove';
  cadreId: number;
  positionId: number;
}

export function dispatchProblem(
  lines: DispatchLine[],
  decisions: { cadreId: number; positionId: number }[],
): { field: string; message: string } | null {
  const key = (x: { cadreId: number; positionId: number }) => `${x.cadreId}:${x.positionId}`;
  const decided = new Set(decisions.map(key));
  const seen = new Set<string>();
  for (const [i, l] of lines.entries()) {
    if (l.kind !== 'appoint') continue;
    if (!decided.has(key(l)))
      return { field: `lines.${i}`, message: `任免文件第 ${i + 1} 行与讨论决定不符：没有对应的任职决定` };
    if (seen.has(key(l))) return { field: `lines.${i}`, message: `任免文件第 ${i + 1} 行重复` };
    seen.add(key(l));
  }
  const missing = decisions.findIndex((d) => !seen.has(key(d)));
  if (missing >= 0)
    return { field: 'lines', message: '任免文件缺少讨论决定通过的任职事项，须与决定逐一对应' };
  return null;
}
