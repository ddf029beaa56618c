import type ExcelJS from 'exceljs';
import {
  CASE_LEDGER_HEADERS,
  CASE_LEDGER_SHEET,
  type CaseLedgerKey,
  caseLedgerKeyOf,
} from '../../../../domain/appointments/case-ledger.js';
import type { Actor } from '../../../platform/access/actor.js';
import { recordAudit } from '../../../platform/audit/record.js';
import type { AppContext } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/client.js';
import { type ImportJob, startImportJob } from '../../../platform/imports/jobs.js';
import { runSheetImport } from '../../../platform/imports/run-sheet-import.js';
import { type ImportSheet, readImportSheet } from '../../../platform/imports/sheet.js';
import { openWorkbook } from '../../../platform/imports/xlsx-file.js';
import { addEvent } from '../access.js';
import { appointmentCandidates, appointmentCases, appointmentResponsibles } from '../schema.js';
import { checkCaseRows, type GoodCaseRow, takenCodes } from './check-rows.js';

export const CASE_LEDGER_JOB = 'appointment_ledger';
const MAX_ROWS = 2000;

function readCaseLedger(wb: ExcelJS.Workbook): ImportSheet<CaseLedgerKey> {
  return readImportSheet<CaseLedgerKey>(wb, {
    sheetName: CASE_LEDGER_SHEET,
    keyOf: caseLedgerKeyOf,
    headers: CASE_LEDGER_HEADERS,
    anchor: 'code',
    required: ['code', 'org', 'title', 'method', 'proposedOn', 'name', 'post', 'body', 'status', 'step'],
    ignoreBlank: ['no', 'total'],
    maxRows: MAX_ROWS,
    noun: '选拔任用人选',
  });
}

/**
 * Writes one case of the ledger (its rows grouped by 编号) as it was: its number, dates, notice and
 * dispatch, each candidate's votes, scores, rank, vote and result, the people responsible (by name;
 * linked to the registry where a cadre of that name is a candidate's colleague is not guessed), and
 * one timeline entry for the import. Nothing is asked of anyone: the case is over.
 */
async function writeCase(tx: Queryable, ctx: AppContext, actor: Actor, rows: GoodCaseRow[], jobId: number) {
  const r = rows[0].record;
  const now = ctx.clock.now();
  const [saved] = await tx
    .insert(appointmentCases)
    .values({
      orgId: rows[0].orgId,
      code: r.code,
      year: r.year,
      seq: r.seq,
      title: r.title,
      method: r.method,
      step: r.step,
      decidingBody: r.body,
      positionIds: [...new Set(rows.map((g) => g.positionId))],
      proposedOn: r.proposedOn,
      noticeCode: r.notice?.code ?? null,
      noticeStartsOn: r.notice?.startsOn ?? null,
      noticeEndsOn: r.notice?.endsOn ?? null,
      dispatchCode: r.dispatch?.code ?? null,
      dispatchOn: r.dispatch?.on ?? null,
      stopReason: r.step === 'stopped' ? '（据台帐导入）' : null,
      subjectCadreIds: [...new Set(rows.map((g) => g.cadreId))],
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: appointmentCases.id });
  await tx.insert(appointmentCandidates).values(
    rows.map((g) => ({
      caseId: saved.id,
      cadreId: g.cadreId,
      positionId: g.positionId,
      status: g.record.status,
      recommendVotes: g.record.votes,
      examScore: g.record.exam,
      interviewScore: g.record.interview,
      rank: g.record.rank,
      approve: g.record.decision?.approve ?? null,
      oppose: g.record.decision?.oppose ?? null,
      abstain: g.record.decision?.abstain ?? null,
    })),
  );
  const people = new Map<string, { role: string; name: string }>();
  for (const g of rows) for (const p of g.record.responsible) people.set(`${p.role}/${p.name}`, p);
  if (people.size)
    await tx
      .insert(appointmentResponsibles)
      .values([...people.values()].map((p) => ({ caseId: saved.id, role: p.role, name: p.name })));
  await addEvent(tx, ctx, actor, saved.id, 'import', {
    occurredOn: r.proposedOn,
    detail: { imported: true, jobId, candidates: rows.length },
  });
  await recordAudit(tx, ctx.clock, actor, {
    action: 'appointment.import',
    objectType: 'appointment',
    objectId: saved.id,
    detail: { code: r.code, candidates: rows.length, jobId },
  });
}

/**
 * Takes an uploaded 选拔任用纪实台帐 of earlier years: a file that is not a readable .xlsx, or holds
 * no rows, is refused at once; otherwise a job checks every row and, only if all are good, writes
 * every case (rows grouped by 编号) with its historical dates in one transaction.
 */
export async function importCaseLedger(opts: {
  ctx: AppContext;
  actor: Actor;
  file: Buffer;
  fileName: string;
}): Promise<ImportJob> {
  const { ctx, actor } = opts;
  const wb = await openWorkbook(opts.file);
  const read = readCaseLedger(wb);
  const fileName = opts.fileName.slice(0, 200);
  const job = await startImportJob(ctx, actor, CASE_LEDGER_JOB, (handle) =>
    runSheetImport({
      ctx,
      actor,
      wb,
      read,
      fileName,
      job: handle,
      audit: { action: 'appointment.ledger_import', objectType: 'appointment' },
      unit: '名人选的选拔任用纪实',
      check: () => checkCaseRows(ctx, actor, read, handle),
      // re-checked under the transaction: a case numbered meanwhile undoes the import
      write: async (tx, good) => {
        const taken = await takenCodes(
          tx,
          good.map((g) => ({ orgId: g.orgId, year: g.record.year, seq: g.record.seq })),
        );
        if (good.some((g) => taken.has(`${g.orgId}/${g.record.year}/${g.record.seq}`)))
          throw new Error('导入期间已登记了表中的部分编号，未导入任何数据，请重新导入以查看错误清单');
        const cases = new Map<string, GoodCaseRow[]>();
        for (const g of good) cases.set(g.record.code, [...(cases.get(g.record.code) ?? []), g]);
        for (const rows of cases.values()) await writeCase(tx, ctx, actor, rows, handle.id);
      },
      writeOne: async () => {},
    }),
  );
  // the job records the outcome (imported, or refused with its bad rows), not the upload
  actor.audited = true;
  return { ...job, total: read.rows.length };
}
