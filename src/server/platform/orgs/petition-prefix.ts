import { and, eq, isNotNull, ne, sql } from 'drizzle-orm';
import { pinyin } from 'pinyin-pro';
import { freePrefix, suggestedPrefix } from '../../../domain/petition-code.js';
import type { Queryable } from '../db/client.js';
import { unprocessable } from '../http/errors.js';
import { orgs } from './schema.js';

const initials = (text: string) => pinyin(text, { pattern: 'first', toneType: 'none', type: 'array' });

/** The prefix an org's name suggests (大兴镇 → DX), before any check against other orgs. */
export const prefixFromName = (name: string) => suggestedPrefix(name, initials);

/** The prefixes held by orgs other than `orgId`. */
export async function takenPrefixes(db: Queryable, orgId: number): Promise<Set<string>> {
  const rows = await db
    .select({ prefix: orgs.petitionPrefix })
    .from(orgs)
    .where(and(isNotNull(orgs.petitionPrefix), ne(orgs.id, orgId)));
  return new Set(rows.map((r) => r.prefix!));
}

/**
 * The prefix of an org's petition numbers, inside the caller's transaction: its own, or — the
 * first time one is needed — the one its name suggests, made unique (DX2 when another org holds
 * DX) and kept on the org. Serialised across orgs by an advisory lock, so two townships that
 * suggest the same letters never both take them.
 */
export async function petitionPrefixOf(
  tx: Queryable,
  org: { id: number; name: string; petitionPrefix: string | null },
): Promise<string> {
  if (org.petitionPrefix) return org.petitionPrefix;
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('jiandu.petition_prefix'))`);
  const [fresh] = await tx.select({ prefix: orgs.petitionPrefix }).from(orgs).where(eq(orgs.id, org.id));
  if (fresh?.prefix) return fresh.prefix;
  const prefix = freePrefix(prefixFromName(org.name), await takenPrefixes(tx, org.id));
  await tx.update(orgs).set({ petitionPrefix: prefix }).where(eq(orgs.id, org.id));
  return prefix;
}

/**
 * Refuses a prefix another org holds (422, naming it). The unique index stands behind this check
 * for a prefix taken at the same moment by a first petition number.
 */
export async function requireFreePrefix(db: Queryable, orgId: number, prefix: string | null | undefined) {
  if (!prefix) return;
  const [holder] = await db
    .select({ name: orgs.name })
    .from(orgs)
    .where(and(eq(orgs.petitionPrefix, prefix), ne(orgs.id, orgId)));
  if (holder) {
    const message = `信访编号前缀 ${prefix} 已由“${holder.name}”使用，请换一个`;
    throw unprocessable(message, { petitionPrefix: message });
  }
}
