import { and, asc, eq, inArray } from 'drizzle-orm';
import { PETITION_CHANNELS } from '../../../../domain/petition-intake.js';
import { type Choices, choices } from '../../../../domain/roster-row.js';
import type { Queryable } from '../../../platform/db/client.js';
import { dictItems } from '../../../platform/dictionaries/schema.js';

const TYPES = ['petition_channel', 'petition_category', 'disposal'] as const;
const DISPOSALS = ['talk_inquiry', 'preliminary_check', 'hold', 'close'];
type Items = { code: string; label: string }[];
export type LedgerDictionaries = Record<(typeof TYPES)[number], Items>;

/** The ledger's dictionaries in their order: all items for the export, enabled ones for the import. */
export async function ledgerDictionaries(db: Queryable, enabledOnly: boolean): Promise<LedgerDictionaries> {
  const rows = await db
    .select({ type: dictItems.typeCode, code: dictItems.code, label: dictItems.label })
    .from(dictItems)
    .where(
      and(inArray(dictItems.typeCode, [...TYPES]), enabledOnly ? eq(dictItems.enabled, true) : undefined),
    )
    .orderBy(asc(dictItems.sort), asc(dictItems.id));
  const out: LedgerDictionaries = { petition_channel: [], petition_category: [], disposal: [] };
  for (const r of rows) out[r.type as (typeof TYPES)[number]].push({ code: r.code, label: r.label });
  return out;
}

/** How the export writes codes: the dictionary's label, else the code itself. */
export const labelMaps = (d: LedgerDictionaries) => ({
  channel: new Map(d.petition_channel.map((i) => [i.code, i.label])),
  category: new Map(d.petition_category.map((i) => [i.code, i.label])),
  disposal: new Map(d.disposal.map((i) => [i.code, i.label])),
});
export type LedgerLabels = ReturnType<typeof labelMaps>;

/**
 * What the import accepts: the channels by their dictionary label or their built-in name (the
 * codes are fixed by the workflow), the enabled categories, the four disposals.
 */
export function ledgerChoices(d: LedgerDictionaries): {
  channel: Choices;
  category: Choices;
  disposal: Choices;
} {
  const known = d.petition_channel.filter((i) => i.code in PETITION_CHANNELS);
  const builtin = Object.entries(PETITION_CHANNELS).map(([code, label]) => ({ code, label }));
  const channel = choices([...known, ...builtin.filter((b) => !known.some((i) => i.label === b.label))]);
  return {
    channel: { ...channel, labels: known.map((i) => i.label) },
    category: choices(d.petition_category),
    disposal: choices(d.disposal.filter((i) => DISPOSALS.includes(i.code))),
  };
}
