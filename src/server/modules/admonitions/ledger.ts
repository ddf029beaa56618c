import { asc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import ExcelJS from 'exceljs';
import { ADMONITION_LEDGER_COLUMNS } from '../../../domain/admonitions/admonition-ledger.js';
import {
  ADMONITION_KINDS,
  ADMONITION_STATUSES,
  ORG_MEASURES,
} from '../../../domain/admonitions/admonition-workflow.js';
import { INQUIRY_LEDGER_COLUMNS } from '../../../domain/admonitions/inquiry-ledger.js';
import {
  answeredOnTime,
  INQUIRY_CONCLUSIONS,
  INQUIRY_STATUSES,
} from '../../../domain/admonitions/inquiry-workflow.js';
import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import { orgs } from '../../platform/orgs/schema.js';
import { users } from '../../platform/users/schema.js';
import { BORDER, styleHeader } from '../cadres/excel/sheet-style.js';
import { cadres } from '../cadres/schema.js';
import { petitions } from '../petitions/schema.js';
import { admonitionWhere } from './list-admonitions.js';
import { inquiryWhere } from './list-inquiries.js';
import { admonitions, inquiries } from './schema.js';
import { todayOf } from './tracking.js';

const label = <T extends Record<string, string>>(map: T, key: string | null) =>
  key ? (map[key as keyof T] ?? key) : '';

const ADMONITION_COLUMNS: [string, number][] = ADMONITION_LEDGER_COLUMNS.map((c) => [c.header, c.width]);
const INQUIRY_COLUMNS: [string, number][] = INQUIRY_LEDGER_COLUMNS.map((c) => [c.header, c.width]);

/**
 * 诫勉台帐 / 函询台帐 of a year (this year by default), in the office's column order, with the list's
 * scope and recusal; every cell is text. Audited with the number of rows.
 */
export async function exportLedger(opts: {
  ctx: AppContext;
  actor: Actor;
  kind: 'admonitions' | 'inquiries';
  year?: number;
}): Promise<{ bytes: Buffer; filename: string; rows: number }> {
  const { ctx, actor, kind } = opts;
  const today = todayOf(ctx);
  const year = opts.year ?? Number(today.slice(0, 4));
  const [org] = await ctx.db.select({ name: orgs.name }).from(orgs).where(eq(orgs.id, actor.orgId));
  const rows =
    kind === 'admonitions'
      ? await admonitionRows(ctx, actor, year, today)
      : await inquiryRows(ctx, actor, year, today);
  const title = `${kind === 'admonitions' ? '诫勉台帐' : '函询台帐'}（${org?.name ?? ''} ${year} 年）`;
  const columns = kind === 'admonitions' ? ADMONITION_COLUMNS : INQUIRY_COLUMNS;
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(kind === 'admonitions' ? '诫勉台帐' : '函询台帐', {
    views: [{ state: 'frozen', ySplit: 2 }],
  });
  ws.columns = columns.map(([, width]) => ({
    width,
    style: { numFmt: '@', alignment: { vertical: 'top', wrapText: true } },
  }));
  ws.getRow(1).getCell(1).value = title;
  ws.getRow(1).font = { bold: true, size: 14 };
  ws.mergeCells(1, 1, 1, columns.length);
  const header = ws.getRow(2);
  header.values = columns.map(([h]) => h);
  styleHeader(header);
  rows.forEach((cells, n) => {
    const row = ws.addRow([String(n + 1), ...cells.map((c) => c ?? '')]);
    row.eachCell((cell) => {
      cell.border = BORDER;
    });
  });
  await recordAudit(ctx.db, ctx.clock, actor, {
    action: kind === 'admonitions' ? 'admonition.ledger_export' : 'inquiry.ledger_export',
    objectType: kind === 'admonitions' ? 'admonition' : 'inquiry',
    detail: { year, rows: rows.length },
  });
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  return { bytes, filename: `${title.replace(/[（）\s]+/g, '-').replace(/-$/, '')}.xlsx`, rows: rows.length };
}

async function admonitionRows(ctx: AppContext, actor: Actor, year: number, today: string) {
  const rows = await ctx.db
    .select({ a: admonitions, cadreName: cadres.name, orgName: orgs.name })
    .from(admonitions)
    .innerJoin(cadres, eq(cadres.id, admonitions.cadreId))
    .innerJoin(orgs, eq(orgs.id, admonitions.orgId))
    .where(admonitionWhere(actor, { year }, today))
    .orderBy(asc(admonitions.openedOn), asc(admonitions.id));
  return rows.map(({ a, cadreName, orgName }) => [
    a.code,
    cadreName,
    orgName,
    label(ADMONITION_KINDS, a.kind),
    a.sourceKind,
    a.reason,
    a.talkOn,
    a.talkers.join('、'),
    a.talkPlace,
    a.trackingEndsOn,
    a.checkInDates.length ? `${a.checkInsDone}/${a.checkInDates.length}` : '',
    label(ADMONITION_STATUSES, a.status),
    a.releasedOn,
    label(ORG_MEASURES, a.measureKind),
    a.measureOn,
    a.endNote,
    a.openedOn,
  ]);
}

async function inquiryRows(ctx: AppContext, actor: Actor, year: number, today: string) {
  const endorser = alias(users, 'endorser');
  const rows = await ctx.db
    .select({
      i: inquiries,
      cadreName: cadres.name,
      orgName: orgs.name,
      petitionCode: petitions.code,
      endorserName: endorser.displayName,
    })
    .from(inquiries)
    .innerJoin(cadres, eq(cadres.id, inquiries.cadreId))
    .innerJoin(orgs, eq(orgs.id, inquiries.orgId))
    .leftJoin(petitions, eq(petitions.id, inquiries.petitionId))
    .leftJoin(endorser, eq(endorser.id, inquiries.endorsedBy))
    .where(inquiryWhere(actor, { year }, today))
    .orderBy(asc(inquiries.sentOn), asc(inquiries.id));
  return rows.map(({ i, cadreName, orgName, petitionCode, endorserName }) => [
    i.code,
    cadreName,
    orgName,
    i.sourceKind,
    petitionCode,
    i.question,
    i.sentOn,
    i.dueOn,
    i.repliedOn,
    i.repliedOn ? (answeredOnTime(i.repliedOn, i.dueOn) ? '是' : '否') : '',
    // an imported endorsement names a principal who has no account here in its note
    endorserName ?? /^背书人：(.+)$/.exec(i.endorseNote ?? '')?.[1] ?? '',
    i.endorsedAt ? todayOfDate(i.endorsedAt) : '',
    label(INQUIRY_STATUSES, i.status),
    label(INQUIRY_CONCLUSIONS, i.conclusion),
    i.concludedOn,
    i.conclusionNote,
  ]);
}

const todayOfDate = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
