import { inArray } from 'drizzle-orm';
import {
  type AdmonitionLedgerKey,
  type AdmonitionLedgerRecord,
  checkAgainstPlan,
  parseAdmonitionLedgerRow,
} from '../../../../domain/admonitions/admonition-ledger.js';
import type { TrackingPlan } from '../../../../domain/admonitions/admonition-workflow.js';
import type { Actor } from '../../../platform/access/actor.js';
import type { AppContext } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/client.js';
import type { JobHandle } from '../../../platform/imports/jobs.js';
import type { ImportSheet } from '../../../platform/imports/sheet.js';
import { type LedgerCadre, ledgerCadreLookup } from '../../cadres/ledger-cadre.js';
import { admonitions } from '../schema.js';
import { planFor, todayOf } from '../tracking.js';

export interface GoodAdmonitionRow {
  rowNumber: number;
  record: AdmonitionLedgerRecord;
  cadre: LedgerCadre;
  plan: TrackingPlan | null;
  checkInsDone: number;
}

/** What makes a row without 编号 the same admonition as another: the cadre, the day, the 事由. */
export const sameKey = (cadreId: number, r: Pick<AdmonitionLedgerRecord, 'talkOn' | 'openedOn' | 'reason'>) =>
  JSON.stringify([cadreId, r.talkOn ?? r.openedOn, r.reason.trim()]);

/** The admonitions already registered that these rows repeat: by number, or by cadre, day and 事由. */
export async function registeredRepeats(db: Queryable, rows: GoodAdmonitionRow[]) {
  const codes = rows.flatMap((g) => (g.record.code ? [g.record.code] : []));
  const taken = new Set<string>();
  for (let i = 0; i < codes.length; i += 500) {
    const found = await db
      .select({ code: admonitions.code })
      .from(admonitions)
      .where(inArray(admonitions.code, codes.slice(i, i + 500)));
    for (const f of found) taken.add(f.code);
  }
  const same = new Map<string, string>();
  const cadreIds = [...new Set(rows.filter((g) => !g.record.code).map((g) => g.cadre.id))];
  for (let i = 0; i < cadreIds.length; i += 500) {
    const found = await db
      .select({
        code: admonitions.code,
        cadreId: admonitions.cadreId,
        talkOn: admonitions.talkOn,
        openedOn: admonitions.openedOn,
        reason: admonitions.reason,
      })
      .from(admonitions)
      .where(inArray(admonitions.cadreId, cadreIds.slice(i, i + 500)));
    for (const f of found) {
      same.set(sameKey(f.cadreId, f), f.code);
      same.set(sameKey(f.cadreId, { ...f, talkOn: null }), f.code);
    }
  }
  return { taken, same };
}

/**
 * Checks every row: the row itself (parseAdmonitionLedgerRow), the cadre (ledgerCadreLookup), the
 * rules on the talk's day (talkers, the tracking plan, the release), and that it is not in the file
 * twice nor registered already (a ledger uploaded again). Returns the good rows and, by sheet row,
 * the Chinese reasons of the bad ones.
 */
export async function checkAdmonitionRows(
  ctx: AppContext,
  actor: Actor,
  read: ImportSheet<AdmonitionLedgerKey>,
  job: JobHandle,
) {
  const today = todayOf(ctx);
  const findCadre = await ledgerCadreLookup(ctx, actor);
  const plans = new Map<string, Promise<TrackingPlan>>();
  const good: GoodAdmonitionRow[] = [];
  const bad = new Map<number, string[]>();
  const firstCode = new Map<string, number>();
  const firstSame = new Map<string, number>();
  for (const [i, { rowNumber, cells }] of read.rows.entries()) {
    const parsed = parseAdmonitionLedgerRow(cells, today);
    if ('errors' in parsed) {
      bad.set(rowNumber, parsed.errors);
      continue;
    }
    const r = parsed.record;
    const errors: string[] = [];
    const found = findCadre(r);
    if ('error' in found) errors.push(found.error);
    let plan: TrackingPlan | null = null;
    let checkInsDone = 0;
    if (r.talkOn) {
      if (r.kind === 'admonition') {
        if (!plans.has(r.talkOn)) plans.set(r.talkOn, planFor(ctx, r.talkOn));
        plan = await (plans.get(r.talkOn) as Promise<TrackingPlan>);
      }
      const min = await ctx.rules.inForce<number>('admonition.min_talkers', r.talkOn);
      const checked = checkAgainstPlan(r, plan, { value: min.value, name: min.name });
      if ('errors' in checked) errors.push(...checked.errors);
      else checkInsDone = checked.checkInsDone;
    }
    if (r.code) {
      const first = firstCode.get(r.code);
      if (first !== undefined) errors.push(`编号：与第 ${first} 行重复`);
      else firstCode.set(r.code, rowNumber);
    } else if ('cadre' in found) {
      const key = sameKey(found.cadre.id, r);
      const first = firstSame.get(key);
      if (first !== undefined) errors.push(`诫勉事由：与第 ${first} 行的干部、日期和事由均相同，疑为同一条`);
      else firstSame.set(key, rowNumber);
    }
    if (errors.length || !('cadre' in found)) bad.set(rowNumber, errors);
    else good.push({ rowNumber, record: r, cadre: found.cadre, plan, checkInsDone });
    if (i % 200 === 0) await job.progress(i, read.rows.length);
  }
  const { taken, same } = await registeredRepeats(ctx.db, good);
  for (const g of good) {
    if (g.record.code && taken.has(g.record.code))
      bad.set(g.rowNumber, [`编号：${g.record.code} 已登记，疑为重复导入`]);
    const repeat = g.record.code ? undefined : same.get(sameKey(g.cadre.id, g.record));
    if (repeat) bad.set(g.rowNumber, [`诫勉事由：与已登记的 ${repeat} 干部、日期和事由均相同，疑为重复导入`]);
  }
  return { good: good.filter((g) => !bad.has(g.rowNumber)), bad };
}
