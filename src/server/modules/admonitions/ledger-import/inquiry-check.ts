import { and, eq, inArray, sql } from 'drizzle-orm';
import {
  type InquiryLedgerKey,
  type InquiryLedgerRecord,
  parseInquiryLedgerRow,
} from '../../../../domain/admonitions/inquiry-ledger.js';
import type { Actor } from '../../../platform/access/actor.js';
import type { AppContext } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/client.js';
import type { JobHandle } from '../../../platform/imports/jobs.js';
import type { ImportSheet } from '../../../platform/imports/sheet.js';
import { orgs } from '../../../platform/orgs/schema.js';
import { users } from '../../../platform/users/schema.js';
import { type LedgerCadre, ledgerCadreLookup } from '../../cadres/ledger-cadre.js';
import { petitions } from '../../petitions/schema.js';
import { inquiries } from '../schema.js';
import { todayOf } from '../tracking.js';

export interface GoodInquiryRow {
  rowNumber: number;
  record: InquiryLedgerRecord;
  cadre: LedgerCadre;
  petitionId: number | null;
  /** The endorser's account when one of that name is in the importer's org or below, else null. */
  endorserId: number | null;
  dueOn: string;
}

/** What makes a row without 编号 the same inquiry as another: the cadre, the day sent, the 函询事项. */
export const sameInquiryKey = (cadreId: number, r: { sentOn: string; question: string }) =>
  JSON.stringify([cadreId, r.sentOn, r.question.trim()]);

/** The inquiries already registered that these rows repeat: by number, or by cadre, day and 事项. */
export async function registeredInquiries(db: Queryable, rows: GoodInquiryRow[]) {
  const codes = rows.flatMap((g) => (g.record.code ? [g.record.code] : []));
  const taken = new Set<string>();
  for (let i = 0; i < codes.length; i += 500)
    for (const f of await db
      .select({ code: inquiries.code })
      .from(inquiries)
      .where(inArray(inquiries.code, codes.slice(i, i + 500))))
      taken.add(f.code);
  const same = new Map<string, string>();
  const cadreIds = [...new Set(rows.filter((g) => !g.record.code).map((g) => g.cadre.id))];
  for (let i = 0; i < cadreIds.length; i += 500)
    for (const f of await db
      .select({
        code: inquiries.code,
        cadreId: inquiries.cadreId,
        sentOn: inquiries.sentOn,
        question: inquiries.question,
      })
      .from(inquiries)
      .where(inArray(inquiries.cadreId, cadreIds.slice(i, i + 500))))
      same.set(sameInquiryKey(f.cadreId, f), f.code);
  return { taken, same };
}

/**
 * Checks every row of a 函询台帐: the row (parseInquiryLedgerRow), the cadre as for the 诫勉台帐, the
 * petition by its number among the importer's (it must be registered, or imported from its own
 * ledger, first), and repeats in the file or already registered. The reply period is the rule's
 * on the day sent.
 */
export async function checkInquiryRows(
  ctx: AppContext,
  actor: Actor,
  read: ImportSheet<InquiryLedgerKey>,
  job: JobHandle,
) {
  const today = todayOf(ctx);
  const findCadre = await ledgerCadreLookup(ctx, actor);
  const inSubtree = sql`${orgs.path} like ${`${actor.orgPath}%`}`;
  const people = await ctx.db
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .innerJoin(orgs, eq(orgs.id, users.orgId))
    .where(inSubtree);
  const userOf = new Map<string, number | null>();
  for (const u of people) userOf.set(u.name, userOf.has(u.name) ? null : u.id);
  const good: GoodInquiryRow[] = [];
  const bad = new Map<number, string[]>();
  const firstCode = new Map<string, number>();
  const firstSame = new Map<string, number>();
  for (const [i, { rowNumber, cells }] of read.rows.entries()) {
    const parsed = parseInquiryLedgerRow(cells, today);
    if ('errors' in parsed) {
      bad.set(rowNumber, parsed.errors);
      continue;
    }
    const r = parsed.record;
    const errors: string[] = [];
    const found = findCadre(r);
    if ('error' in found) errors.push(found.error);
    let petitionId: number | null = null;
    if (r.petitionCode) {
      const [p] = await ctx.db
        .select({ id: petitions.id })
        .from(petitions)
        .innerJoin(orgs, eq(orgs.id, petitions.orgId))
        .where(and(eq(petitions.code, r.petitionCode), inSubtree));
      if (p) petitionId = p.id;
      else errors.push(`信访件编号：未找到信访件 ${r.petitionCode}，请先导入信访台帐，或留空`);
    }
    if (r.code) {
      const first = firstCode.get(r.code);
      if (first !== undefined) errors.push(`编号：与第 ${first} 行重复`);
      else firstCode.set(r.code, rowNumber);
    } else if ('cadre' in found) {
      const key = sameInquiryKey(found.cadre.id, r);
      const first = firstSame.get(key);
      if (first !== undefined)
        errors.push(`函询事项：与第 ${first} 行的干部、发函日期和事项均相同，疑为同一件`);
      else firstSame.set(key, rowNumber);
    }
    if (errors.length || !('cadre' in found)) bad.set(rowNumber, errors);
    else {
      const days = await ctx.rules.value<number>('inquiry.reply', r.sentOn);
      good.push({
        rowNumber,
        record: r,
        cadre: found.cadre,
        petitionId,
        endorserId: r.endorser ? (userOf.get(r.endorser) ?? null) : null,
        dueOn: await ctx.calendar.addWorkingDays(r.sentOn, days),
      });
    }
    if (i % 200 === 0) await job.progress(i, read.rows.length);
  }
  const { taken, same } = await registeredInquiries(ctx.db, good);
  for (const g of good) {
    if (g.record.code && taken.has(g.record.code))
      bad.set(g.rowNumber, [`编号：${g.record.code} 已登记，疑为重复导入`]);
    const repeat = g.record.code ? undefined : same.get(sameInquiryKey(g.cadre.id, g.record));
    if (repeat)
      bad.set(g.rowNumber, [`函询事项：与已登记的 ${repeat} 干部、发函日期和事项均相同，疑为重复导入`]);
  }
  return { good: good.filter((g) => !bad.has(g.rowNumber)), bad };
}
