import { isoOf, parseRosterDate } from '../roster-date.js';
import { cellText, halfWidth } from '../sheet-cell.js';
import { storableCells, UNSTORABLE_CELL_MESSAGE } from '../storable-text.js';
import { GRADE_SOURCES, GRADES, type Grade, type GradeSource } from './grades.js';

/**
 * The 考核结果台帐's columns: the export writes them, the import of earlier years' grades reads them
 * back (by header, in any order). 身份证号码 is read when a sheet has it, to tell cadres of the same
 * name apart.
 */
export const GRADES_LEDGER_COLUMNS = [
  { key: 'seq', header: '序号', width: 6 },
  { key: 'unit', header: '单位', width: 16 },
  { key: 'name', header: '姓名', width: 10 },
  { key: 'year', header: '年度', width: 8 },
  { key: 'grade', header: '考核等次', width: 12 },
  { key: 'source', header: '等次依据', width: 22 },
  { key: 'decidedOn', header: '评定日期', width: 12 },
  { key: 'note', header: '备注', width: 36 },
] as const;
export type GradesLedgerKey = (typeof GRADES_LEDGER_COLUMNS)[number]['key'] | 'idNumber';
export type GradesLedgerCells = Partial<Record<GradesLedgerKey, unknown>>;
export const GRADES_LEDGER_SHEET = '考核结果台帐';

const HEADER = new Map<GradesLedgerKey, string>([
  ...GRADES_LEDGER_COLUMNS.map((c) => [c.key, c.header] as [GradesLedgerKey, string]),
  ['idNumber', '身份证号码'],
]);
const KEY_OF = new Map([...HEADER].map(([k, h]) => [h, k]));
export const gradesLedgerKeyOf = (header: string): GradesLedgerKey | undefined =>
  KEY_OF.get(halfWidth(header).replace(/\s+/g, ''));

export interface GradesLedgerRecord {
  name: string;
  unit: string | null;
  idNumber: string | null;
  year: number;
  grade: Grade;
  source: GradeSource;
  decidedOn: string;
  note: string | null;
}

const SOURCE_OF = new Map(
  Object.entries(GRADE_SOURCES).map(([k, label]) => [label as string, k as GradeSource]),
);

/**
 * Reads one row of a 考核结果台帐: the year (a past year, 2000 on), the grade among 优秀 / 称职 /
 * 基本称职 / 不称职 / 不定等次, the 依据 (不填为党委研究决定), the day it was decided (to the day,
 * not before the year and not after today; 不填为次年 1 月 31 日 or today if earlier). The cadre, the
 * 末位 and 优秀 caps are checked by the caller. Problems are “列名：原因”.
 */
export function parseGradesLedgerRow(
  raw: GradesLedgerCells,
  today: string,
): { record: GradesLedgerRecord } | { errors: string[] } {
  const errors: string[] = [];
  const fail = (key: GradesLedgerKey, message: string) => {
    errors.push(`${HEADER.get(key)}：${message}`);
    return null;
  };
  const { cells, bad } = storableCells(raw);
  for (const key of bad) fail(key, UNSTORABLE_CELL_MESSAGE);
  const text = (key: GradesLedgerKey, max: number) => {
    const t = cellText(cells[key]);
    if (t.length > max) return fail(key, `不超过 ${max} 字`);
    return t || null;
  };
  const name = text('name', 50);
  if (!name && !bad.includes('name')) fail('name', '请填写干部姓名');
  const unit = text('unit', 100);
  const idNumber = text('idNumber', 18);
  const yearText = text('year', 10)?.replace(/年(度)?$/, '') ?? null;
  const thisYear = Number(today.slice(0, 4));
  let year: number | null = null;
  if (!yearText) fail('year', '请填写年度，如 2024');
  else if (!/^\d{4}$/.test(yearText) || Number(yearText) < 2000)
    fail('year', `“${yearText}”不是年度，应如 2024`);
  else if (Number(yearText) >= thisYear) fail('year', `只能导入往年（${thisYear - 1} 年及以前）的考核结果`);
  else year = Number(yearText);
  const gradeText = text('grade', 10);
  const grade = GRADES.find((g) => g === gradeText) ?? null;
  if (!gradeText) fail('grade', '请填写考核等次');
  else if (!grade) fail('grade', `“${gradeText}”不是可选值（${GRADES.join('、')}）`);
  const sourceText = text('source', 30);
  const source = sourceText ? (SOURCE_OF.get(sourceText) ?? null) : 'decision';
  if (!source) fail('source', `“${sourceText}”不是可选值（${Object.values(GRADE_SOURCES).join('、')}）`);
  let decidedOn: string | null = null;
  const p = parseRosterDate(cells.decidedOn);
  if (p && 'error' in p) fail('decidedOn', p.error);
  else if (p && p.date.day === undefined) fail('decidedOn', '应写到日，如 2025-01-20');
  else if (p) {
    decidedOn = isoOf(p.date);
    if (decidedOn > today) fail('decidedOn', `不能晚于今天（${today}）`);
    else if (year !== null && decidedOn < `${year}-01-01`) fail('decidedOn', `不能早于考核年度 ${year} 年`);
  } else if (year !== null) {
    const usual = `${year + 1}-01-31`;
    decidedOn = usual < today ? usual : today;
  }
  const note = text('note', 500);
  if (errors.length || !name || year === null || !grade || !source || !decidedOn) return { errors };
  return { record: { name, unit, idNumber, year, grade, source, decidedOn, note } };
}
