import { and, eq, inArray, sql } from 'drizzle-orm';
import {
  type AuditLedgerKey,
  type AuditLedgerRecord,
  parseAuditLedgerRow,
} from '../../../../domain/audits/audit-ledger.js';
import { chinaDate } from '../../../../domain/calendar.js';
import type { Actor } from '../../../platform/access/actor.js';
import type { AppContext } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/client.js';
import { dictItems } from '../../../platform/dictionaries/schema.js';
import type { JobHandle } from '../../../platform/imports/jobs.js';
import type { ImportSheet } from '../../../platform/imports/sheet.js';
import { orgs } from '../../../platform/orgs/schema.js';
import { econAudits } from '../schema.js';

export interface GoodAuditRow {
  rowNumber: number;
  record: AuditLedgerRecord;
  /** The rectifying unit, found by name in the importer's org or below. */
  unitOrgId: number;
  problemType: string;
}

/** The audits (by title) already registered in the importer's org or below: a ledger uploaded again. */
export async function registeredAudits(db: Queryable, actor: Actor, titles: string[]): Promise<Set<string>> {
  const taken = new Set<string>();
  const unique = [...new Set(titles)];
  for (let i = 0; i < unique.length; i += 500)
    for (const f of await db
      .select({ title: econAudits.title })
      .from(econAudits)
      .innerJoin(orgs, eq(orgs.id, econAudits.orgId))
      .where(
        and(
          inArray(econAudits.title, unique.slice(i, i + 500)),
          sql`${orgs.path} like ${`${actor.orgPath}%`}`,
        ),
      ))
      taken.add(f.title);
  return taken;
}

/**
 * Checks every row of a 审计台帐: the row itself (parseAuditLedgerRow), the rectifying unit by name
 * among the importer's orgs (scope), the problem type against the dictionary (label or code; blank
 * is 其他), that the rows of one audit agree on its type and period, that no finding is in the file
 * twice, and that the audit is not registered already. Returns the good rows and, by sheet row, the
 * Chinese reasons of the bad ones.
 */
export async function checkAuditRows(
  ctx: AppContext,
  actor: Actor,
  read: ImportSheet<AuditLedgerKey>,
  job: JobHandle,
) {
  const today = chinaDate(ctx.clock.now());
  const units = await ctx.db
    .select({ id: orgs.id, name: orgs.name })
    .from(orgs)
    .where(sql`${orgs.path} like ${`${actor.orgPath}%`}`);
  const unitOf = new Map<string, number | null>();
  for (const u of units) unitOf.set(u.name, unitOf.has(u.name) ? null : u.id);
  const types = await ctx.db
    .select({ code: dictItems.code, label: dictItems.label })
    .from(dictItems)
    .where(and(eq(dictItems.typeCode, 'finding_category'), eq(dictItems.enabled, true)));
  const typeOf = new Map<string, string>();
  for (const d of types) typeOf.set(d.code, d.code).set(d.label, d.code);

  const good: GoodAuditRow[] = [];
  const bad = new Map<number, string[]>();
  const firstOfAudit = new Map<string, { rowNumber: number; kind: string; period: string | null }>();
  const firstFinding = new Map<string, number>();
  for (const [i, { rowNumber, cells }] of read.rows.entries()) {
    const parsed = parseAuditLedgerRow(cells, today);
    if ('errors' in parsed) {
      bad.set(rowNumber, parsed.errors);
      continue;
    }
    const r = parsed.record;
    const errors: string[] = [];
    const unitOrgId = unitOf.get(r.unit);
    if (unitOrgId === null) errors.push(`整改单位：您的管理范围内有多个“${r.unit}”，请改用能区分的单位名称`);
    else if (unitOrgId === undefined) errors.push(`整改单位：“${r.unit}”不存在或不在您的管理范围内`);
    const problemType = r.problemType ? typeOf.get(r.problemType) : 'other';
    if (!problemType)
      errors.push(`问题类型：“${r.problemType}”不是可选值（${types.map((d) => d.label).join('、')}）`);
    const period = r.periodFrom ? `${r.periodFrom}/${r.periodTo}` : null;
    const first = firstOfAudit.get(r.audit);
    if (!first) firstOfAudit.set(r.audit, { rowNumber, kind: r.auditKind, period });
    else {
      if (first.kind !== r.auditKind) errors.push(`审计类型：与同一审计项目的第 ${first.rowNumber} 行不同`);
      if (period && first.period && first.period !== period)
        errors.push(`审计期间：与同一审计项目的第 ${first.rowNumber} 行不同`);
      if (period && !first.period) first.period = period;
    }
    const findingKey = JSON.stringify([r.audit, r.summary, r.description]);
    const same = firstFinding.get(findingKey);
    if (same !== undefined)
      errors.push(`问题摘要：与第 ${same} 行的审计项目、问题摘要和具体描述均相同，疑为同一问题`);
    else firstFinding.set(findingKey, rowNumber);
    if (errors.length || !unitOrgId || !problemType) bad.set(rowNumber, errors);
    else good.push({ rowNumber, record: r, unitOrgId, problemType });
    if (i % 200 === 0) await job.progress(i, read.rows.length);
  }
  const taken = await registeredAudits(
    ctx.db,
    actor,
    good.map((g) => g.record.audit),
  );
  for (const g of good)
    if (taken.has(g.record.audit))
      bad.set(g.rowNumber, [`审计项目：“${g.record.audit}”已登记，疑为重复导入`]);
  return { good: good.filter((g) => !bad.has(g.rowNumber)), bad };
}
