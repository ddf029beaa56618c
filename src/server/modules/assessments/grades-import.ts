import { inArray } from 'drizzle-orm';
import {
  GRADES_LEDGER_COLUMNS,
  GRADES_LEDGER_SHEET,
  type GradesLedgerKey,
  type GradesLedgerRecord,
  gradesLedgerKeyOf,
  parseGradesLedgerRow,
} from '../../../domain/assessments/grades-ledger.js';
import { chinaDate } from '../../../domain/calendar.js';
import type { Actor } from '../../platform/access/actor.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/client.js';
import { type ImportJob, startImportJob } from '../../platform/imports/jobs.js';
import { runSheetImport } from '../../platform/imports/run-sheet-import.js';
import { readImportSheet } from '../../platform/imports/sheet.js';
import { ledgerTemplate } from '../../platform/imports/template.js';
import { openWorkbook } from '../../platform/imports/xlsx-file.js';
import { type LedgerCadre, ledgerCadreLookup } from '../cadres/ledger-cadre.js';
import { annualGrades } from './schema.js';
import { setGradeIn } from './set-grade.js';

export const GRADES_LEDGER_JOB = 'assessment_grades_ledger';

const HEADERS: Record<string, string> = {
  ...Object.fromEntries(GRADES_LEDGER_COLUMNS.map((c) => [c.key, c.header])),
  idNumber: '身份证号码',
};
const HELP: Record<string, string> = {
  name: '必填；在您管理范围内同名多人时，请填写“单位”或在最后加一列“身份证号码”',
  unit: '干部所在单位（同名时用于区分）',
  year: '必填，往年，如 2024',
  grade: '优秀 / 称职 / 基本称职 / 不称职 / 不定等次',
  source: '动态考核 / 民主测评 / 党委（领导班子）研究决定，不填为党委（领导班子）研究决定',
  decidedOn: '如 2025-01-20；不填为次年 1 月 31 日',
};
export const gradesLedgerTemplate = () => ledgerTemplate(GRADES_LEDGER_SHEET, GRADES_LEDGER_COLUMNS, HELP);

interface GoodRow {
  rowNumber: number;
  record: GradesLedgerRecord;
  cadre: LedgerCadre;
}

const key = (cadreId: number, year: number) => `${cadreId}:${year}`;

/** The (cadre, year) pairs of these rows that already have a grade. */
async function graded(db: Queryable, rows: GoodRow[]) {
  const ids = [...new Set(rows.map((g) => g.cadre.id))];
  const have = new Set<string>();
  for (let i = 0; i < ids.length; i += 500) {
    const found = await db
      .select({ cadreId: annualGrades.cadreId, year: annualGrades.year })
      .from(annualGrades)
      .where(inArray(annualGrades.cadreId, ids.slice(i, i + 500)));
    for (const f of found) have.add(key(f.cadreId, f.year));
  }
  return have;
}

/**
 * Takes an uploaded 考核结果台帐 of earlier years: every row checked (the row, the cadre, the same
 * cadre and year twice, a year already graded); all good → each written through 评定年度考核等次
 * itself, so the 末位 cap and the 优秀 cap hold and two 不称职 years open dismissal, all in one
 * transaction; any problem → nothing written and the error sheet.
 */
export async function importGradesLedger(opts: {
  ctx: AppContext;
  actor: Actor;
  file: Buffer;
  fileName: string;
}): Promise<ImportJob> {
  const { ctx, actor } = opts;
  const wb = await openWorkbook(opts.file);
  const read = readImportSheet<GradesLedgerKey>(wb, {
    sheetName: GRADES_LEDGER_SHEET,
    keyOf: gradesLedgerKeyOf,
    headers: HEADERS,
    anchor: 'name',
    required: ['name', 'year', 'grade'],
    ignoreBlank: ['seq'],
    maxRows: 5000,
    noun: '考核结果',
  });
  const check = async () => {
    const today = chinaDate(ctx.clock.now());
    const findCadre = await ledgerCadreLookup(ctx, actor);
    const good: GoodRow[] = [];
    const bad = new Map<number, string[]>();
    const first = new Map<string, number>();
    for (const { rowNumber, cells } of read.rows) {
      const parsed = parseGradesLedgerRow(cells, today);
      if ('errors' in parsed) {
        bad.set(rowNumber, parsed.errors);
        continue;
      }
      const found = findCadre(parsed.record);
      if ('error' in found) {
        bad.set(rowNumber, [found.error]);
        continue;
      }
      const k = key(found.cadre.id, parsed.record.year);
      const seen = first.get(k);
      if (seen !== undefined) bad.set(rowNumber, [`年度：与第 ${seen} 行为同一干部同一年度`]);
      else {
        first.set(k, rowNumber);
        good.push({ rowNumber, record: parsed.record, cadre: found.cadre });
      }
    }
    const have = await graded(ctx.db, good);
    for (const g of good)
      if (have.has(key(g.cadre.id, g.record.year)))
        bad.set(g.rowNumber, [`年度：${g.cadre.name} ${g.record.year} 年度已评定等次，疑为重复导入`]);
    return { good: good.filter((g) => !bad.has(g.rowNumber)), bad };
  };
  const job = await startImportJob(ctx, actor, GRADES_LEDGER_JOB, (handle) =>
    runSheetImport({
      ctx,
      actor,
      wb,
      read,
      fileName: opts.fileName.slice(0, 200),
      job: handle,
      audit: { action: 'assessment.grades_import', objectType: 'annual_grade' },
      unit: '条考核结果',
      check,
      // re-checked under the transaction: a grade given meanwhile undoes the import
      write: async (tx, good) => {
        const have = await graded(tx, good);
        if (good.some((g) => have.has(key(g.cadre.id, g.record.year))))
          throw new Error('导入期间已评定了表中部分干部的等次，未导入任何数据，请重新导入以查看错误清单');
      },
      writeOne: async (tx, g) => {
        await setGradeIn(tx, ctx, actor, {
          cadreId: g.cadre.id,
          year: g.record.year,
          grade: g.record.grade,
          source: g.record.source,
          note: g.record.note ?? '台帐导入',
          decidedOn: g.record.decidedOn,
        });
      },
    }),
  );
  actor.audited = true;
  return { ...job, total: read.rows.length };
}
