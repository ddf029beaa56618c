import { and, eq, isNull, ne, type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../db/client.js';
import { AppError } from '../http/errors.js';
import { orgs } from './schema.js';

/** Two live orgs of one name under one parent could not be told apart (the roster import addresses units by name). */
export const orgNameTaken = (name: string) =>
  new AppError(409, 'org_name_taken', `同一上级下已有名为「${name}」的组织，请换一个名称`, {
    name: '同一上级下已有同名组织',
  });

/** Refuses a name a live sibling already has (top level: the other top-level orgs). */
export async function assertOrgNameFree(
  db: Queryable,
  parentId: number | null,
  name: string,
  exceptId?: number,
): Promise<void> {
  const conditions: (SQL | undefined)[] = [
    sql`coalesce(${orgs.parentId}, 0) = ${parentId ?? 0}`,
    eq(orgs.name, name),
    isNull(orgs.deletedAt),
    exceptId ? ne(orgs.id, exceptId) : undefined,
  ];
  const [twin] = await db
    .select({ id: orgs.id })
    .from(orgs)
    .where(and(...conditions))
    .limit(1);
  if (twin) throw orgNameTaken(name);
}

/** The unique index caught a race the check above lost: the same answer. */
export function rethrowNameTaken(e: unknown, name: string): never {
  const err = e as { code?: string; constraint?: string; cause?: { code?: string; constraint?: string } };
  const code = err.cause?.code ?? err.code;
  const constraint = err.cause?.constraint ?? err.constraint;
  if (code === '23505' && (!constraint || constraint === 'orgs_parent_name_uq')) throw orgNameTaken(name);
  throw e;
}

/**
 * The rename of duplicate live names that migration 0010 (login_throttling_org_names) runs before it
 * creates the unique index: in each group, the oldest keeps the name, later ones get "（2）", "（3）"….
 * Restore runs it too, for a backup made before the index. Keep the two texts the same.
 */
export const RENAME_DUPLICATE_ORG_NAMES_SQL = `DO $$
DECLARE
  r record;
  n integer;
  candidate text;
BEGIN
  FOR r IN
    SELECT o.id, o.parent_id, o.name
    FROM orgs o
    WHERE o.deleted_at IS NULL
      AND EXISTS (
        SELECT 1 FROM orgs d
        WHERE d.deleted_at IS NULL
          AND coalesce(d.parent_id, 0) = coalesce(o.parent_id, 0)
          AND d.name = o.name
          AND d.id < o.id)
    ORDER BY o.id
  LOOP
    n := 2;
    LOOP
      candidate := r.name || '（' || n || '）';
      EXIT WHEN NOT EXISTS (
        SELECT 1 FROM orgs d
        WHERE d.deleted_at IS NULL
          AND coalesce(d.parent_id, 0) = coalesce(r.parent_id, 0)
          AND d.name = candidate);
      n := n + 1;
    END LOOP;
    UPDATE orgs SET name = candidate, version = version + 1 WHERE id = r.id;
  END LOOP;
END $$;`;
export const RENAME_DUPLICATE_ORG_NAMES = sql.raw(RENAME_DUPLICATE_ORG_NAMES_SQL);

export const ORG_NAME_INDEX = sql.raw(
  'CREATE UNIQUE INDEX IF NOT EXISTS "orgs_parent_name_uq" ON "orgs" USING btree (coalesce("parent_id", 0),"name") WHERE "orgs"."deleted_at" is null',
);
