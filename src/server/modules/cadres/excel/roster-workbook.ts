import type { Writable } from 'node:stream';
import type { SQL } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { birthText, dottedDate, dottedMonthDate } from '../../../../domain/roster-date.js';
import type { RosterKey } from '../../../../domain/roster-row.js';
import type { Queryable } from '../../../platform/db/client.js';
import { ROSTER_COLUMNS } from './columns.js';
import {
  type Cursor,
  EXPORT_BATCH,
  type OpenPost,
  openPosts,
  type RosterRecord,
  rosterBatch,
} from './roster-rows.js';
import { BORDER, styleHeader } from './sheet-style.js';

/** How the export writes codes and ID numbers: labels from the dictionaries, IDs full or masked. */
export interface RosterLabels {
  org: Map<number, string>;
  education: Map<string, string>;
  politicalStatus: Map<string, string>;
  level: Map<string, string>;
  status: Map<string, string>;
  decrypt: (sealed: string) => string | null;
  /** Whether the caller may see full ID numbers; otherwise the masked copy is written. */
  fullIdNumbers: boolean;
}

const label = (m: Map<string, string>, code: string | null) => (code ? (m.get(code) ?? code) : '');

function rowOf(r: RosterRecord, seq: number, post: OpenPost | undefined, l: RosterLabels) {
  // the full number decides how 出生年月 is written even when only the masked copy is shown
  const idNumber = r.idNumberEnc ? l.decrypt(r.idNumberEnc) : null;
  const cells: Record<RosterKey, string | number> = {
    seq,
    name: r.name,
    gender: r.gender ?? '',
    ethnicity: r.ethnicity ?? '',
    birthDate: birthText(r.birthDate, idNumber),
    idNumber: ((l.fullIdNumbers && idNumber) || r.idNumberMasked) ?? '',
    nativePlace: r.nativePlace ?? '',
    politicalStatus: label(l.politicalStatus, r.politicalStatus),
    partyJoinDate: dottedDate(r.partyJoinDate),
    workStartDate: dottedDate(r.workStartDate),
    fullTimeEducation: r.fullTimeEducation ?? '',
    fullTimeDegree: r.fullTimeDegree ?? '',
    fullTimeSchool: r.fullTimeSchool ?? '',
    partTimeEducation: r.partTimeEducation ?? '',
    partTimeDegree: r.partTimeDegree ?? '',
    partTimeSchool: r.partTimeSchool ?? '',
    education: label(l.education, r.education),
    org: l.org.get(r.orgId) ?? '',
    currentPosition: r.currentPosition ?? post?.title ?? '',
    level: label(l.level, post?.level ?? null),
    isPrincipal: post ? (post.isPrincipal ? '是' : '否') : '',
    tenureStart: dottedMonthDate(post?.startDate),
    phone: r.phone ?? '',
    status: label(l.status, r.status),
    note: r.note ?? '',
  };
  return ROSTER_COLUMNS.map((c) => cells[c.key]);
}

/**
 * Streams the roster in the 花名册 layout onto `out`: a title row, the header, then the cadres in
 * batches. Every cell is text, so ID numbers and dates read back exactly as written.
 */
export async function writeRosterWorkbook(opts: {
  db: Queryable;
  where: SQL;
  out: Writable;
  title: string;
  labels: RosterLabels;
}): Promise<number> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: opts.out,
    useStyles: true,
    useSharedStrings: false,
  });
  const ws = wb.addWorksheet('干部花名册', { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.columns = ROSTER_COLUMNS.map((c) => ({ key: c.key, width: c.width, style: { numFmt: '@' } }));
  const title = ws.getRow(1);
  title.getCell(1).value = opts.title;
  title.font = { bold: true, size: 14 };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  title.height = 30;
  ws.mergeCells(1, 1, 1, ROSTER_COLUMNS.length);
  title.commit();
  const header = ws.getRow(2);
  header.values = ROSTER_COLUMNS.map((c) => c.header);
  styleHeader(header);
  header.commit();

  let written = 0;
  let cursor: Cursor = null;
  for (;;) {
    const batch = await rosterBatch(opts.db, opts.where, cursor);
    const posts = await openPosts(
      opts.db,
      batch.map((r) => r.id),
    );
    for (const r of batch) {
      const row = ws.addRow(rowOf(r, ++written, posts.get(r.id), opts.labels));
      row.eachCell((cell) => {
        cell.border = BORDER;
      });
      row.commit();
    }
    if (batch.length < EXPORT_BATCH) break;
    cursor = batch[batch.length - 1];
  }
  ws.commit();
  await wb.commit();
  return written;
}
