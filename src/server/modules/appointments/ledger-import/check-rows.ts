import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import {
  type CaseLedgerKey,
  type CaseLedgerRecord,
  caseFacts,
  parseCaseLedgerRow,
} from '../../../../domain/appointments/case-ledger.js';
import type { Actor } from '../../../platform/access/actor.js';
import type { AppContext } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/client.js';
import type { JobHandle } from '../../../platform/imports/jobs.js';
import type { ImportSheet } from '../../../platform/imports/sheet.js';
import { orgs } from '../../../platform/orgs/schema.js';
import { ledgerCadreLookup } from '../../cadres/ledger-cadre.js';
import { positions } from '../../cadres/schema.js';
import { appointmentCases } from '../schema.js';

export interface GoodCaseRow {
  rowNumber: number;
  record: CaseLedgerRecord;
  orgId: number;
  cadreId: number;
  positionId: number;
}

/** The cases (org, year, number) already registered: a ledger uploaded again, or a number taken. */
export async function takenCodes(db: Queryable, rows: { orgId: number; year: number; seq: number }[]) {
  const taken = new Set<string>();
  const orgIds = [...new Set(rows.map((r) => r.orgId))];
  if (!orgIds.length) return taken;
  const found = await db
    .select({ orgId: appointmentCases.orgId, year: appointmentCases.year, seq: appointmentCases.seq })
    .from(appointmentCases)
    .where(inArray(appointmentCases.orgId, orgIds));
  for (const f of found) taken.add(`${f.orgId}/${f.year}/${f.seq}`);
  return taken;
}

/**
 * Checks every row of a 选拔任用纪实台帐: the row itself (parseCaseLedgerRow), the org by name among
 * the importer's orgs, the person among the registry cadres they may act on, the post by title among
 * the posts of their orgs, that the rows of one 编号 agree on the case's facts, that no person and
 * post is in a case twice, and that the case's number is not registered already.
 */
export async function checkCaseRows(
  ctx: AppContext,
  actor: Actor,
  read: ImportSheet<CaseLedgerKey>,
  job: JobHandle,
) {
  const inScope = sql`${orgs.path} like ${`${actor.orgPath}%`}`;
  const units = await ctx.db.select({ id: orgs.id, name: orgs.name }).from(orgs).where(inScope);
  const unitOf = new Map<string, number | null>();
  for (const u of units) unitOf.set(u.name, unitOf.has(u.name) ? null : u.id);
  const posts = await ctx.db
    .select({ id: positions.id, title: positions.title })
    .from(positions)
    .innerJoin(orgs, eq(orgs.id, positions.orgId))
    .where(and(inScope, isNull(positions.deletedAt)));
  const postOf = new Map<string, number | null>();
  for (const p of posts) postOf.set(p.title, postOf.has(p.title) ? null : p.id);
  const findCadre = await ledgerCadreLookup(ctx, actor);

  const good: GoodCaseRow[] = [];
  const bad = new Map<number, string[]>();
  const firstOfCase = new Map<string, { rowNumber: number; facts: string }>();
  const seen = new Map<string, number>();
  for (const [i, { rowNumber, cells }] of read.rows.entries()) {
    const parsed = parseCaseLedgerRow(cells);
    if ('errors' in parsed) {
      bad.set(rowNumber, parsed.errors);
      continue;
    }
    const r = parsed.record;
    const errors: string[] = [];
    const orgId = unitOf.get(r.org);
    if (orgId === null) errors.push(`单位：您的管理范围内有多个“${r.org}”，请改用能区分的单位名称`);
    else if (orgId === undefined) errors.push(`单位：“${r.org}”不存在或不在您的管理范围内`);
    const found = findCadre({ name: r.name, unit: null, idNumber: null });
    if ('error' in found) errors.push(found.error.replace(/^姓名：/, '人选：'));
    const positionId = postOf.get(r.post);
    if (positionId === null) errors.push(`拟任职务：您的管理范围内有多个“${r.post}”，请先在职务名录中区分`);
    else if (positionId === undefined) errors.push(`拟任职务：职务名录中没有“${r.post}”，请先录入该职务`);
    const first = firstOfCase.get(r.code);
    if (!first) firstOfCase.set(r.code, { rowNumber, facts: caseFacts(r) });
    else if (first.facts !== caseFacts(r))
      errors.push(`编号：与同一编号的第 ${first.rowNumber} 行的单位、事项、方式、日期、公示、文件或进度不同`);
    if ('cadre' in found && positionId) {
      const key = `${r.code}/${found.cadre.id}/${positionId}`;
      const same = seen.get(key);
      if (same !== undefined) errors.push(`人选：与第 ${same} 行为同一事项的同一人选、同一职务`);
      else seen.set(key, rowNumber);
    }
    if (errors.length || !orgId || !positionId || !('cadre' in found)) bad.set(rowNumber, errors);
    else good.push({ rowNumber, record: r, orgId, cadreId: found.cadre.id, positionId });
    if (i % 200 === 0) await job.progress(i, read.rows.length);
  }
  const taken = await takenCodes(
    ctx.db,
    good.map((g) => ({ orgId: g.orgId, year: g.record.year, seq: g.record.seq })),
  );
  for (const g of good)
    if (taken.has(`${g.orgId}/${g.record.year}/${g.record.seq}`))
      bad.set(g.rowNumber, [`编号：“${g.record.code}”已登记，疑为重复导入`]);
  return { good: good.filter((g) => !bad.has(g.rowNumber)), bad };
}
