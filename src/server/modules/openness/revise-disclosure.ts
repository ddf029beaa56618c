import { and, desc, eq } from 'drizzle-orm';
import type { FinanceTable } from '../../../domain/openness/finance-table.js';
import { sameVersion } from '../../../domain/openness/version-diff.js';
import { searchTokens } from '../../../domain/search-tokens.js';
import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import { conflict, unprocessable } from '../../platform/http/errors.js';
import { loadDisclosure } from './access.js';
import type { ReviseDisclosureInput } from './contract.js';
import { checkFinance } from './disclosure-input.js';
import { disclosureEvent } from './events.js';
import { getDisclosure } from './get-disclosure.js';
import { disclosures, disclosureVersions } from './schema.js';

/**
 * 修订: a published item's title, text or finance table changed. The item stays published; the
 * change is a new version with who, when and the reason (修订说明), so the diff against the version
 * before is visible. A table that does not add up, or a revision that changes nothing, is refused.
 */
export async function reviseDisclosure(opts: {
  ctx: AppContext;
  actor: Actor;
  id: number;
  input: ReviseDisclosureInput;
}) {
  const { ctx, actor, id, input } = opts;
  await ctx.db.transaction(async (tx) => {
    const row = await loadDisclosure(tx, actor, id, true);
    if (row.status !== 'published') {
      const m = '只有已公开的事项才能修订；未公开的请直接修改';
      throw unprocessable(m, { status: m });
    }
    checkFinance(input.finance);
    const [last] = await tx
      .select()
      .from(disclosureVersions)
      .where(eq(disclosureVersions.disclosureId, id))
      .orderBy(desc(disclosureVersions.no))
      .limit(1);
    const next = {
      title: input.title,
      body: input.body,
      finance: (input.finance ?? null) as FinanceTable | null,
    };
    const current = { title: row.title, body: row.body, finance: row.finance as FinanceTable | null };
    if (sameVersion(current, next)) {
      const m = '修订内容与现行版本相同';
      throw unprocessable(m, { body: m });
    }
    const [saved] = await tx
      .update(disclosures)
      .set({
        ...next,
        // the portal's search finds the item by its words as revised
        searchTokens: searchTokens(next.title, next.body),
        version: input.version + 1,
        updatedAt: ctx.clock.now(),
      })
      .where(and(eq(disclosures.id, id), eq(disclosures.version, input.version)))
      .returning({ id: disclosures.id });
    if (!saved) throw conflict();
    const no = (last?.no ?? 1) + 1;
    if (!last)
      // published before versions were kept: the text as it was is version 1
      await tx.insert(disclosureVersions).values({ disclosureId: id, no: 1, ...current, at: row.updatedAt });
    await tx
      .insert(disclosureVersions)
      .values({ disclosureId: id, no, ...next, note: input.note, userId: actor.userId, at: ctx.clock.now() });
    await disclosureEvent(tx, ctx, {
      disclosureId: id,
      action: 'revise',
      fromStatus: row.status,
      toStatus: row.status,
      note: `第 ${no} 版：${input.note}`,
      userId: actor.userId,
    });
    await recordAudit(tx, ctx.clock, actor, {
      action: 'disclosure.revise',
      objectType: 'disclosure',
      objectId: id,
      detail: { title: input.title, versionNo: no, note: input.note },
    });
  });
  return getDisclosure({ ctx, actor, id });
}
