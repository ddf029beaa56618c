import { and, inArray, isNull, sql } from 'drizzle-orm';
import type { Queryable } from '../../../platform/db/client.js';
import { badRequest } from '../../../platform/http/errors.js';
import { orgs } from '../../../platform/orgs/schema.js';
import { cadres } from '../../cadres/schema.js';
import type { RegisterBody } from './register-contract.js';

export interface NamedCadre {
  cadreId: number | null;
  name: string;
  unitText: string | null;
}

/**
 * The cadres a petition names. A registry link must be a cadre of the handling org or below (its
 * name comes from the registry); otherwise the free-text name and unit are kept as given.
 */
export async function resolveNamedCadres(
  db: Queryable,
  org: { id: number; path: string },
  subjects: NonNullable<RegisterBody['subjects']>,
): Promise<NamedCadre[]> {
  const ids = [...new Set(subjects.map((s) => s.cadreId).filter((id): id is number => !!id))];
  const found = ids.length
    ? await db
        .select({ id: cadres.id, name: cadres.name, unit: orgs.name })
        .from(cadres)
        .innerJoin(orgs, sql`${orgs.id} = ${cadres.orgId}`)
        .where(
          and(inArray(cadres.id, ids), isNull(cadres.deletedAt), sql`${orgs.path} like ${`${org.path}%`}`),
        )
    : [];
  const byId = new Map(found.map((c) => [c.id, c]));
  const out: NamedCadre[] = [];
  const seen = new Set<number>();
  for (const s of subjects) {
    if (s.cadreId) {
      const c = byId.get(s.cadreId);
      if (!c) throw badRequest('被反映人不在本单位干部名册中', { subjects: '被反映人不在本单位干部名册中' });
      if (seen.has(c.id)) continue;
      seen.add(c.id);
      out.push({ cadreId: c.id, name: c.name, unitText: s.unitText?.trim() || c.unit });
    } else if (s.name?.trim()) {
      out.push({ cadreId: null, name: s.name.trim(), unitText: s.unitText?.trim() || null });
    }
  }
  return out;
}
