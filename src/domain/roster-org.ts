/** An org a roster row may name: its id and the names from the top of the tree down to it. */
export interface OrgEntry {
  id: number;
  names: string[];
}

export type OrgLookup = { id: number } | { error: string };

const clean = (s: string) => s.replace(/\s+/g, '');
const segments = (text: string) =>
  text
    .split(/[/／\\>＞]/)
    .map(clean)
    .filter(Boolean);

const endsWith = (names: string[], tail: string[]) =>
  tail.length <= names.length && tail.every((s, i) => clean(names[names.length - tail.length + i]) === s);

/**
 * How each org is written in a roster: its name when that is unique among the orgs, otherwise the
 * shortest tail of its path that is ("大兴镇/党政办"). The resolver below reads these back.
 */
export function orgLabels(orgs: OrgEntry[]): Map<number, string> {
  const depth = Math.max(1, ...orgs.map((o) => o.names.length));
  const counts: Map<string, number>[] = [];
  for (let k = 1; k <= depth; k++) {
    const m = new Map<string, number>();
    for (const o of orgs) {
      const key = o.names.slice(-k).map(clean).join('/');
      m.set(key, (m.get(key) ?? 0) + 1);
    }
    counts.push(m);
  }
  const labels = new Map<number, string>();
  for (const o of orgs) {
    let label = o.names.join('/');
    for (let k = 1; k <= o.names.length; k++) {
      const tail = o.names.slice(-k);
      if (counts[k - 1].get(tail.map(clean).join('/')) === 1) {
        label = tail.join('/');
        break;
      }
    }
    labels.set(o.id, label);
  }
  return labels;
}

/**
 * Finds the org a cell names among the orgs the importer may use: by name, or by a tail of its path
 * when the name alone is ambiguous. Anything else is an error naming what to write instead.
 */
export function orgResolver(orgs: OrgEntry[]): (text: string) => OrgLookup {
  const byName = new Map<string, OrgEntry[]>();
  for (const o of orgs) {
    const key = clean(o.names[o.names.length - 1] ?? '');
    byName.set(key, [...(byName.get(key) ?? []), o]);
  }
  let labels: Map<number, string> | null = null;
  return (text) => {
    const tail = segments(text);
    if (tail.length === 0) return { error: '请填写所在单位' };
    const found = (byName.get(tail[tail.length - 1]) ?? []).filter((o) => endsWith(o.names, tail));
    if (found.length === 1) return { id: found[0].id };
    if (found.length === 0) return { error: `“${text}”不存在或不在您的管理范围内` };
    labels ??= orgLabels(orgs);
    const examples = found.slice(0, 3).map((o) => `“${labels?.get(o.id)}”`);
    return { error: `“${text}”有 ${found.length} 个同名单位，请填写完整路径，如 ${examples.join('、')}` };
  };
}
