import { and, inArray, isNull, sql } from 'drizzle-orm';
import { sanctionFamily } from '../../../../domain/accountability/kinds.js';
import {
  type AccountabilityLedgerKey,
  type AccountabilityLedgerRow,
  parseAccountabilityLedgerRow,
  recordKeyOf,
} from '../../../../domain/accountability/ledger.js';
import { chinaDate } from '../../../../domain/calendar.js';
import type { Actor } from '../../../platform/access/actor.js';
import type { AppContext } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/client.js';
import { AppError } from '../../../platform/http/errors.js';
import type { JobHandle } from '../../../platform/imports/jobs.js';
import type { ImportSheet } from '../../../platform/imports/sheet.js';
import { orgs } from '../../../platform/orgs/schema.js';
import { dictLabels } from '../../cadres/dict-code.js';
import { ledgerCadreLookup } from '../../cadres/ledger-cadre.js';
import { checkRecordInput, requireEffectRule } from '../check-input.js';
import type { CreateRecordInput } from '../contract.js';
import { accountabilityRecords } from '../schema.js';

/** One record of the ledger: its rows (one per person) and the draft input they make. */
export interface GoodRecord {
  rowNumber: number;
  rows: number[];
  input: CreateRecordInput;
}

/** What makes a record the same as one registered: the org, the kind, the 事由 and the decision date. */
export const sameRecordKey = (r: { orgId: number; kind: string; title: string; decidedOn?: string | null }) =>
  JSON.stringify([r.orgId, r.kind, r.title.trim(), r.decidedOn ?? null]);

/** The records already in the register that these repeat. */
export async function registeredRecords(db: Queryable, good: GoodRecord[]): Promise<Set<string>> {
  const out = new Set<string>();
  const titles = [...new Set(good.map((g) => g.input.title))];
  for (let i = 0; i < titles.length; i += 500)
    for (const r of await db
      .select({
        orgId: accountabilityRecords.orgId,
        kind: accountabilityRecords.kind,
        title: accountabilityRecords.title,
        decidedOn: accountabilityRecords.decidedOn,
      })
      .from(accountabilityRecords)
      .where(inArray(accountabilityRecords.title, titles.slice(i, i + 500))))
      out.add(sameRecordKey(r));
  return out;
}

const reverse = (m: Map<string, string>) => new Map([...m].map(([code, label]) => [label, code]));

/**
 * Checks a 责任追究台帐: each row (parseAccountabilityLedgerRow), then the rows of each record
 * together — its org among the importer's, the 工作失误 category and each sanction from their
 * dictionaries with an effect rule on its date (诫勉 comes through the 诫勉台帐), each person a cadre
 * of the importer's (by name) or, when no such cadre is found, a person outside the registry, and
 * the record as the register checks a draft. A record already registered is refused.
 */
export async function checkAccountabilityRows(
  ctx: AppContext,
  actor: Actor,
  read: ImportSheet<AccountabilityLedgerKey>,
  job: JobHandle,
) {
  const today = chinaDate(ctx.clock.now());
  const bad = new Map<number, string[]>();
  const groups = new Map<string, { rowNumber: number; row: AccountabilityLedgerRow }[]>();
  for (const [i, { rowNumber, cells }] of read.rows.entries()) {
    const parsed = parseAccountabilityLedgerRow(cells, today);
    if ('errors' in parsed) bad.set(rowNumber, parsed.errors);
    else {
      const key = recordKeyOf(parsed.row);
      groups.set(key, [...(groups.get(key) ?? []), { rowNumber, row: parsed.row }]);
    }
    if (i % 200 === 0) await job.progress(i, read.rows.length);
  }
  const findCadre = await ledgerCadreLookup(ctx, actor);
  const categoryOf = reverse(await dictLabels(ctx.db, 'work_error_category'));
  const sanctionOf = reverse(await dictLabels(ctx.db, 'accountability_sanction'));
  const myOrgs = await ctx.db
    .select({ id: orgs.id, name: orgs.name })
    .from(orgs)
    .where(and(isNull(orgs.deletedAt), sql`${orgs.path} like ${`${actor.orgPath}%`}`));
  const good: GoodRecord[] = [];
  for (const rows of groups.values()) {
    const first = rows[0].row;
    const problems = new Map<number, string[]>();
    const note = (n: number, m: string) => problems.set(n, [...(problems.get(n) ?? []), m]);
    const org = first.org
      ? myOrgs.filter((o) => o.name === first.org)
      : myOrgs.filter((o) => o.id === actor.orgId);
    if (org.length !== 1) note(rows[0].rowNumber, `单位：未找到“${first.org}”，或不在您的管理范围内`);
    const category = first.category ? categoryOf.get(first.category) : null;
    if (first.category && !category) note(rows[0].rowNumber, `工作失误类别：“${first.category}”不是可选值`);
    const seen = new Map<string, number>();
    const persons: CreateRecordInput['persons'] = [];
    for (const { rowNumber, row } of rows) {
      const again = seen.get(row.person);
      if (again !== undefined) note(rowNumber, `被追究人：与第 ${again} 行同一事项重复`);
      seen.set(row.person, rowNumber);
      const found = findCadre({ name: row.person, unit: null, idNumber: null });
      if ('error' in found && found.error.includes('同名'))
        note(rowNumber, found.error.replace('姓名', '被追究人'));
      const sanctions: CreateRecordInput['persons'][number]['sanctions'] = [];
      for (const s of row.sanctions) {
        const kind = sanctionOf.get(s.label);
        if (!kind) note(rowNumber, `处理结果：“${s.label}”不是可选值`);
        else if (sanctionFamily(kind) === 'admonition')
          note(rowNumber, '处理结果：“诫勉”请经诫勉台帐导入（导入时来源填“责任追究”），此处不能导入');
        else {
          try {
            await requireEffectRule(ctx, kind, s.label, s.effectiveFrom, 'sanctions');
            sanctions.push({ kind, effectiveFrom: s.effectiveFrom, tenureIds: [] });
          } catch (e) {
            note(rowNumber, `处理结果：${(e as Error).message}`);
          }
        }
      }
      persons.push({
        cadreId: 'cadre' in found ? found.cadre.id : null,
        name: row.person,
        post: row.post,
        role: row.role,
        sanctions,
      });
    }
    const input: CreateRecordInput = {
      orgId: org[0]?.id ?? actor.orgId,
      kind: first.kind,
      category: category ?? null,
      title: first.title,
      facts: first.facts,
      basis: first.basis,
      decidingBody: first.decidingBody,
      decidedOn: first.decidedOn,
      persons,
    };
    if (!problems.size)
      try {
        await checkRecordInput(ctx.db, ctx, actor, input);
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        note(rows[0].rowNumber, e.message);
      }
    for (const [n, list] of problems) bad.set(n, list);
    if (!problems.size)
      good.push({ rowNumber: rows[0].rowNumber, rows: rows.map((r) => r.rowNumber), input });
  }
  const registered = await registeredRecords(ctx.db, good);
  for (const g of good)
    if (registered.has(sameRecordKey(g.input)))
      for (const n of g.rows)
        bad.set(n, ['事由：与已登记的追究事项单位、类型、事由和决定日期均相同，疑为重复导入']);
  // a record whose other rows are bad is not imported either: all or nothing
  return { good: good.filter((g) => g.rows.every((n) => !bad.has(n))), bad };
}
