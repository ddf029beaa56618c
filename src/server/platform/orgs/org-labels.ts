import { inArray } from 'drizzle-orm';
import type { Queryable } from '../db/client.js';
import { orgs } from './schema.js';

export interface OrgLink {
  name: string;
  kind: string;
}

/**
 * How an org is named where the reader may not know which township it is in: its name with the
 * names above it, below the district ("大兴镇/党政办", "大兴镇/东风村/第一村民小组"). A name that
 * already begins with its parent's ("东湖镇农业服务中心") is not prefixed again.
 */
export function orgLabel(chain: OrgLink[]): string {
  let from = 0;
  while (from < chain.length - 1 && chain[from].kind === 'district') from++;
  const parts: string[] = [];
  for (const { name } of chain.slice(from)) {
    const last = parts[parts.length - 1];
    if (last && name.startsWith(last)) parts[parts.length - 1] = name;
    else parts.push(name);
  }
  return parts.join('/');
}

const idsOf = (path: string) => path.split('/').filter(Boolean).map(Number);

/** The label of each org path given (an org's `path`, "/1/5/9/"), with one query for all their ancestors. */
export async function orgLabels(db: Queryable, paths: string[]): Promise<Map<string, string>> {
  const ids = [...new Set(paths.flatMap(idsOf))];
  if (!ids.length) return new Map();
  const rows = await db
    .select({ id: orgs.id, name: orgs.name, kind: orgs.kind })
    .from(orgs)
    .where(inArray(orgs.id, ids));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const chain = (p: string) => idsOf(p).map((id) => byId.get(id) ?? { name: '', kind: '' });
  return new Map(paths.map((p) => [p, orgLabel(chain(p))]));
}
