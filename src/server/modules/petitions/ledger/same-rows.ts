import { and, eq, inArray } from 'drizzle-orm';
import type { LedgerRecord } from '../../../../domain/petition-ledger-row.js';
import type { Queryable } from '../../../platform/db/client.js';
import { petitions } from '../schema.js';

/**
 * What makes a ledger row without 登记编号 the same case as another: the org (the import's), the
 * channel, the day received, the 反映事由 and the reporter as the ledger knows them — 实名 or 匿名,
 * since a ledger carries no identity. A row with its own number is known by the number instead.
 */
export const sameCaseKey = (r: Pick<LedgerRecord, 'channel' | 'receivedOn' | 'title' | 'realName'>) =>
  JSON.stringify([r.channel, r.receivedOn, r.title.trim(), r.realName]);

export const SAME_FIELDS = '收件日期、来源渠道、反映事由、反映人类别均相同';

/** The cases of an org already registered that rows without a number repeat: key → its 登记编号. */
export async function registeredSameCases(
  db: Queryable,
  orgId: number,
  records: LedgerRecord[],
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const unnumbered = records.filter((r) => !r.code);
  if (!unnumbered.length) return out;
  const titles = [...new Set(unnumbered.map((r) => r.title.trim()))];
  const dates = [...new Set(unnumbered.map((r) => r.receivedOn))];
  const wanted = new Set(unnumbered.map(sameCaseKey));
  for (let i = 0; i < titles.length; i += 500) {
    const rows = await db
      .select({
        code: petitions.code,
        channel: petitions.channel,
        receivedOn: petitions.receivedOn,
        title: petitions.title,
        realName: petitions.realName,
      })
      .from(petitions)
      .where(
        and(
          eq(petitions.orgId, orgId),
          inArray(petitions.title, titles.slice(i, i + 500)),
          inArray(petitions.receivedOn, dates),
        ),
      );
    for (const p of rows) {
      const key = sameCaseKey(p as Parameters<typeof sameCaseKey>[0]);
      if (wanted.has(key) && !out.has(key)) out.set(key, p.code);
    }
  }
  return out;
}
