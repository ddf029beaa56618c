import { and, eq, inArray } from 'drizzle-orm';
import { chinaDate } from '../../../../domain/calendar.js';
import {
  type LedgerLookups,
  type LedgerRecord,
  parseLedgerRow,
} from '../../../../domain/petition-ledger-row.js';
import { cellText } from '../../../../domain/sheet-cell.js';
import { isStorableText } from '../../../../domain/storable-text.js';
import type { AppContext } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/client.js';
import type { JobHandle } from '../../../platform/imports/jobs.js';
import { petitionClockRules } from '../clock-rules.js';
import { petitions } from '../schema.js';
import { ledgerChoices, ledgerDictionaries } from './labels.js';
import type { LedgerSheet } from './ledger-sheet.js';
import { registeredSameCases, SAME_FIELDS, sameCaseKey } from './same-rows.js';

export interface GoodLedgerRow {
  rowNumber: number;
  record: LedgerRecord;
}

export async function ledgerLookups(ctx: AppContext): Promise<LedgerLookups> {
  const today = chinaDate(ctx.clock.now());
  const rules = await petitionClockRules(ctx.rules, today);
  return {
    today,
    extensionMaxDays: rules.extensionMaxDays,
    ...ledgerChoices(await ledgerDictionaries(ctx.db, true)),
  };
}

/** The registration numbers of an org already taken, among these. */
export async function takenCodes(db: Queryable, orgId: number, codes: string[]): Promise<Set<string>> {
  if (!codes.length) return new Set();
  const rows = await db
    .select({ code: petitions.code })
    .from(petitions)
    .where(and(eq(petitions.orgId, orgId), inArray(petitions.code, codes)));
  return new Set(rows.map((r) => r.code));
}

/** Why a row without a number repeats a case the org already has (a re-upload), or null. */
export const repeatedCase = (code: string) =>
  `反映事由：与已登记的信访件 ${code} ${SAME_FIELDS}，疑为重复导入；确为另一件的，请填写登记编号加以区分`;

/**
 * Checks every row (see parseLedgerRow), the registration numbers — not twice in the file, not
 * already used in the org — and, for rows without one, that the same case is not in the file twice
 * nor registered already (a ledger uploaded again). Returns the good records, by sheet row the
 * reasons of the bad ones, and the notes on how good rows were read.
 */
export async function checkLedgerRows(ctx: AppContext, orgId: number, ledger: LedgerSheet, job: JobHandle) {
  const lookups = await ledgerLookups(ctx);
  const good: GoodLedgerRow[] = [];
  const bad = new Map<number, string[]>();
  const notes: string[] = [];
  const firstRowOf = new Map<string, number>();
  const firstCaseOf = new Map<string, number>();
  for (const [i, { rowNumber, cells }] of ledger.rows.entries()) {
    const parsed = parseLedgerRow(cells, lookups);
    const errors = 'errors' in parsed ? [...parsed.errors] : [];
    const code = cellText(cells.code) || null;
    if (code && isStorableText(code)) {
      const first = firstRowOf.get(code);
      if (first !== undefined) errors.push(`登记编号：与第 ${first} 行重复`);
      else firstRowOf.set(code, rowNumber);
    } else if ('record' in parsed) {
      const key = sameCaseKey(parsed.record);
      const first = firstCaseOf.get(key);
      if (first !== undefined)
        errors.push(
          `反映事由：与第 ${first} 行${SAME_FIELDS}，疑为同一件；确为另一件的，请填写登记编号加以区分`,
        );
      else firstCaseOf.set(key, rowNumber);
    }
    if (errors.length) bad.set(rowNumber, errors);
    else if ('record' in parsed) {
      good.push({ rowNumber, record: parsed.record });
      for (const n of parsed.notes) notes.push(`第 ${rowNumber} 行：${n}`);
    }
    if (i % 200 === 0) await job.progress(i, ledger.rows.length);
  }
  const taken = await takenCodes(ctx.db, orgId, [...firstRowOf.keys()]);
  const repeated = await registeredSameCases(
    ctx.db,
    orgId,
    good.map((g) => g.record),
  );
  for (const g of good) {
    if (g.record.code && taken.has(g.record.code))
      bad.set(g.rowNumber, [`登记编号：${g.record.code} 已在本单位登记`]);
    const same = g.record.code ? undefined : repeated.get(sameCaseKey(g.record));
    if (same) bad.set(g.rowNumber, [repeatedCase(same)]);
  }
  return { good: good.filter((g) => !bad.has(g.rowNumber)), bad, lookups, notes };
}
