import { and, inArray, isNull } from 'drizzle-orm';
import type ExcelJS from 'exceljs';
import { z } from 'zod';
import {
  parseTallyRow,
  TALLY_HEADERS,
  TALLY_SHEET,
  type TallyKey,
  type TallyRecord,
  tallyKeyOf,
} from '../../../../domain/appointments/tally-sheet.js';
import { nextStep } from '../../../../domain/appointments/workflow.js';
import type { Actor } from '../../../platform/access/actor.js';
import type { AppContext } from '../../../platform/context.js';
import { badRequest, unprocessable } from '../../../platform/http/errors.js';
import { type ImportJob, startImportJob } from '../../../platform/imports/jobs.js';
import { runSheetImport } from '../../../platform/imports/run-sheet-import.js';
import { type ImportSheet, readImportSheet } from '../../../platform/imports/sheet.js';
import { openWorkbook } from '../../../platform/imports/xlsx-file.js';
import { ledgerCadreLookup } from '../../cadres/ledger-cadre.js';
import { positions } from '../../cadres/schema.js';
import { type CaseRow, loadCase } from '../access.js';
import { recommendIn } from '../contract.js';
import { recordRecommendation } from '../recommend.js';

export const TALLY_JOB = 'appointment_tally';
const MAX_TALLY_ROWS = 200;

/** What the upload carries besides the sheet: the case, and the recommendation's form as JSON. */
const tallyForm = recommendIn.omit({ candidates: true });
export type TallyForm = z.infer<typeof tallyForm>;
const caseField = z.coerce.number({ message: '请选择选拔任用事项' }).int().positive('请选择选拔任用事项');

/** The upload's fields, checked as the recommendation's own form is: a 400 naming the field. */
export function tallyFields(fields: Record<string, string>): { caseId: number; form: TallyForm } {
  const caseId = caseField.safeParse(fields.caseId);
  if (!caseId.success) throw badRequest('请选择选拔任用事项', { caseId: '请选择选拔任用事项' });
  let json: unknown;
  try {
    json = JSON.parse(fields.form ?? '');
  } catch {
    throw badRequest('请填写推荐日期、推荐方式和参加人数', { form: '请填写推荐日期、推荐方式和参加人数' });
  }
  const form = tallyForm.safeParse(json);
  if (!form.success) {
    const issue = form.error.issues[0];
    const field = issue.path.join('.') || 'form';
    throw badRequest(issue.message, { [field]: issue.message });
  }
  return { caseId: caseId.data, form: form.data };
}

function readTally(wb: ExcelJS.Workbook): ImportSheet<TallyKey> {
  return readImportSheet<TallyKey>(wb, {
    sheetName: TALLY_SHEET,
    keyOf: tallyKeyOf,
    headers: TALLY_HEADERS,
    anchor: 'name',
    required: ['name', 'votes'],
    ignoreBlank: ['no'],
    maxRows: MAX_TALLY_ROWS,
    noun: '推荐人选',
  });
}

interface GoodTallyRow {
  rowNumber: number;
  record: TallyRecord;
  cadreId: number;
  positionId: number;
}

/**
 * Every row: votes a whole number up to those present, the person a registry cadre the importer may
 * act on (not recused), the post one of the case's (blank when it has one), each person and post once.
 */
async function checkTallyRows(
  ctx: AppContext,
  actor: Actor,
  row: CaseRow,
  form: TallyForm,
  read: ImportSheet<TallyKey>,
) {
  const findCadre = await ledgerCadreLookup(ctx, actor);
  const posts = await ctx.db
    .select({ id: positions.id, title: positions.title })
    .from(positions)
    .where(and(inArray(positions.id, row.positionIds), isNull(positions.deletedAt)));
  const titles = posts.map((p) => p.title).join('、');
  const good: GoodTallyRow[] = [];
  const bad = new Map<number, string[]>();
  const first = new Map<string, number>();
  for (const { rowNumber, cells } of read.rows) {
    const parsed = parseTallyRow(cells, form.present);
    if ('errors' in parsed) {
      bad.set(rowNumber, parsed.errors);
      continue;
    }
    const r = parsed.record;
    const errors: string[] = [];
    const found = findCadre({ name: r.name, unit: r.unit, idNumber: r.idNumber });
    if ('error' in found) errors.push(found.error);
    const post = r.post ? posts.filter((p) => p.title === r.post) : posts.length === 1 ? posts : [];
    if (post.length !== 1)
      errors.push(
        r.post
          ? `拟任职务：“${r.post}”不是本次动议的职务（${titles}）`
          : `拟任职务：本次动议有多个职务（${titles}），请填写`,
      );
    if ('cadre' in found && post.length === 1) {
      const key = `${found.cadre.id}/${post[0].id}`;
      const same = first.get(key);
      if (same !== undefined) errors.push(`姓名：与第 ${same} 行为同一人选、同一职务`);
      else first.set(key, rowNumber);
    }
    if (errors.length || !('cadre' in found)) bad.set(rowNumber, errors);
    else good.push({ rowNumber, record: r, cadreId: found.cadre.id, positionId: post[0].id });
  }
  return { good, bad };
}

/**
 * 民主推荐 votes from the counting sheet: the upload names the case and carries the
 * recommendation's form (date, kind, due and present, recommenders); the sheet holds the candidates
 * and their votes. A case not at 动议, a bad form or an unreadable file is refused at once; otherwise
 * a job checks every row and, only if all are good, records the recommendation as the form would
 * (the same use case, in one transaction) — or nothing, with the error sheet.
 */
export async function importTally(opts: {
  ctx: AppContext;
  actor: Actor;
  file: Buffer;
  fileName: string;
  fields: Record<string, string>;
}): Promise<ImportJob> {
  const { ctx, actor } = opts;
  const { caseId, form } = tallyFields(opts.fields);
  const row = await loadCase(ctx.db, actor, caseId);
  const step = nextStep(row.step as 'proposed', 'recommend');
  if ('problem' in step) throw unprocessable(step.problem);
  const wb = await openWorkbook(opts.file);
  const read = readTally(wb);
  const fileName = opts.fileName.slice(0, 200);
  const job = await startImportJob(
    ctx,
    actor,
    TALLY_JOB,
    (handle) =>
      runSheetImport<TallyKey, GoodTallyRow>({
        ctx,
        actor,
        wb,
        read,
        fileName,
        job: handle,
        audit: { action: 'appointment.tally_import', objectType: 'appointment' },
        unit: '名推荐人选的得票',
        check: () => checkTallyRows(ctx, actor, row, form, read),
        write: (tx, good) =>
          recordRecommendation(tx, ctx, actor, caseId, {
            ...form,
            candidates: good.map((g) => ({
              cadreId: g.cadreId,
              positionId: g.positionId,
              votes: g.record.votes,
            })),
          }),
        writeOne: async () => {},
      }),
    row.orgId,
  );
  // the job records the outcome (imported, or refused with its bad rows), not the upload
  actor.audited = true;
  return { ...job, total: read.rows.length };
}
