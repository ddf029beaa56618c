import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Queryable } from '../../../platform/db/client.js';
import type { CurrentPost } from '../cadre-out.js';
import { cadres, tenures } from '../schema.js';

/**
 * What each cadre holds now: their open tenures, the principal post first, then the latest; without
 * one, the 现任职务 text as recorded (imports bring it before any tenure exists).
 */
export async function currentPosts(
  db: Queryable,
  rows: { id: number; currentPosition: string | null }[],
): Promise<Map<number, CurrentPost>> {
  const out = new Map<number, CurrentPost>();
  if (rows.length === 0) return out;
  const open = await db
    .select({ cadreId: tenures.cadreId, title: tenures.title, level: tenures.level })
    .from(tenures)
    .where(
      and(
        inArray(
          tenures.cadreId,
          rows.map((r) => r.id),
        ),
        isNull(tenures.endDate),
      ),
    )
    .orderBy(desc(tenures.isPrincipal), desc(tenures.startDate), asc(tenures.id));
  for (const t of open) if (!out.has(t.cadreId)) out.set(t.cadreId, { title: t.title, level: t.level });
  for (const r of rows) if (!out.has(r.id)) out.set(r.id, { title: r.currentPosition, level: null });
  return out;
}

/**
 * Keeps 现任职务 in step with the open tenures after a post is taken up or left (the .lrmx and the
 * roster read it): the open posts' titles, principal first; none left → empty. Bumps the version.
 */
export async function syncCurrentPosition(db: Queryable, cadreId: number, now: Date): Promise<void> {
  const open = await db
    .select({ title: tenures.title })
    .from(tenures)
    .where(and(eq(tenures.cadreId, cadreId), isNull(tenures.endDate)))
    .orderBy(desc(tenures.isPrincipal), desc(tenures.startDate), asc(tenures.id));
  await db
    .update(cadres)
    .set({
      currentPosition: open.length ? [...new Set(open.map((t) => t.title))].join('、') : null,
      version: sql`${cadres.version} + 1`,
      updatedAt: now,
    })
    .where(eq(cadres.id, cadreId));
}
