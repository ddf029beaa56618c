import { asc, eq } from 'drizzle-orm';
import type { FinanceTable } from '../../../domain/openness/finance-table.js';
import { versionDiff } from '../../../domain/openness/version-diff.js';
import type { Actor } from '../../platform/access/actor.js';
import type { AppContext } from '../../platform/context.js';
import { users } from '../../platform/users/schema.js';
import { loadDisclosure } from './access.js';
import { disclosureVersions } from './schema.js';

/** The published versions of a disclosure, each with its diff against the one before. */
export async function listVersions(opts: { ctx: AppContext; actor: Actor; id: number }) {
  const { ctx, actor, id } = opts;
  await loadDisclosure(ctx.db, actor, id);
  const rows = await ctx.db
    .select({ v: disclosureVersions, userName: users.displayName })
    .from(disclosureVersions)
    .leftJoin(users, eq(users.id, disclosureVersions.userId))
    .where(eq(disclosureVersions.disclosureId, id))
    .orderBy(asc(disclosureVersions.no));
  const text = (v: typeof disclosureVersions.$inferSelect) => ({
    title: v.title,
    body: v.body,
    finance: (v.finance as FinanceTable | null) ?? null,
  });
  return {
    items: rows.map(({ v, userName }, i) => ({
      no: v.no,
      ...text(v),
      note: v.note,
      userName: userName ?? null,
      at: v.at.toISOString(),
      diff: i === 0 ? null : versionDiff(text(rows[i - 1].v), text(v)),
    })),
  };
}
