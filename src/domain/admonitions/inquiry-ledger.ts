import { isoOf, parseRosterDate } from '../roster-date.js';
import { cellText, halfWidth } from '../sheet-cell.js';
import { storableCells, UNSTORABLE_CELL_MESSAGE } from '../storable-text.js';
import { ID_NUMBER_HEADER } from './admonition-ledger.js';
import {
  INQUIRY_CONCLUSIONS,
  INQUIRY_SOURCES,
  INQUIRY_STATUSES,
  type InquiryConclusion,
  type InquirySource,
} from './inquiry-workflow.js';

/**
 * The 函询台帐's columns, in the office's order: the export writes them, the import reads them back
 * (by header, in any order; 回复期限 and 是否按期 are computed, never read). 身份证号码 is read when a
 * sheet has it, to tell cadres of the same name apart.
 */
export const INQUIRY_LEDGER_COLUMNS = [
  { key: 'seq', header: '序号', width: 6 },
  { key: 'code', header: '编号', width: 18 },
  { key: 'name', header: '姓名', width: 10 },
  { key: 'unit', header: '单位', width: 16 },
  { key: 'source', header: '来源', width: 10 },
  { key: 'petitionCode', header: '信访件编号', width: 18 },
  { key: 'question', header: '函询事项', width: 36 },
  { key: 'sentOn', header: '发函日期', width: 12 },
  { key: 'dueOn', header: '回复期限', width: 12 },
  { key: 'repliedOn', header: '回复日期', width: 12 },
  { key: 'onTime', header: '是否按期', width: 8 },
  { key: 'endorser', header: '背书人', width: 10 },
  { key: 'endorsedOn', header: '背书日期', width: 12 },
  { key: 'status', header: '状态', width: 14 },
  { key: 'conclusion', header: '结论', width: 10 },
  { key: 'concludedOn', header: '了结日期', width: 12 },
  { key: 'conclusionNote', header: '结论意见', width: 30 },
] as const;
export type InquiryLedgerKey = (typeof INQUIRY_LEDGER_COLUMNS)[number]['key'] | 'idNumber';
export type InquiryLedgerCells = Partial<Record<InquiryLedgerKey, unknown>>;
export const INQUIRY_LEDGER_SHEET = '函询台帐';

const HEADER = new Map<InquiryLedgerKey, string>([
  ...INQUIRY_LEDGER_COLUMNS.map((c) => [c.key, c.header] as [InquiryLedgerKey, string]),
  ['idNumber', ID_NUMBER_HEADER],
]);
export const INQUIRY_LEDGER_HEADERS = Object.fromEntries(HEADER) as Record<InquiryLedgerKey, string>;
const KEY_OF = new Map([...HEADER].map(([k, h]) => [h, k]));
export const inquiryLedgerKeyOf = (header: string): InquiryLedgerKey | undefined =>
  KEY_OF.get(halfWidth(header).replace(/\s+/g, ''));

/** A concluded inquiry as the row gives it; the cadre, the petition and the endorser are found by the caller. */
export interface InquiryLedgerRecord {
  code: string | null;
  name: string;
  unit: string | null;
  idNumber: string | null;
  source: InquirySource;
  petitionCode: string | null;
  question: string;
  sentOn: string;
  repliedOn: string;
  endorser: string | null;
  endorsedOn: string | null;
  conclusion: InquiryConclusion;
  concludedOn: string;
  conclusionNote: string | null;
}

const CONCLUSION_OF = new Map(
  Object.entries(INQUIRY_CONCLUSIONS).map(([c, l]) => [l as string, c as InquiryConclusion]),
);

/**
 * Reads one row of a 函询台帐: only inquiries already concluded are imported (one still running
 * belongs in the system, with its reply clock); the dates written to the day, none after `today`,
 * in the workflow's order — 发函, 回复, 背书, 了结 — and the conclusion from its list. Problems are
 * “列名：原因”.
 */
export function parseInquiryLedgerRow(
  raw: InquiryLedgerCells,
  today: string,
): { record: InquiryLedgerRecord } | { errors: string[] } {
  const errors: string[] = [];
  const fail = (key: InquiryLedgerKey, message: string) => {
    errors.push(`${HEADER.get(key)}：${message}`);
    return null;
  };
  const { cells, bad } = storableCells(raw);
  for (const key of bad) fail(key, UNSTORABLE_CELL_MESSAGE);
  const text = (key: InquiryLedgerKey, max: number) => {
    const t = cellText(cells[key]);
    if (t.length > max) return fail(key, `不超过 ${max} 字`);
    return t || null;
  };
  const required = <T>(key: InquiryLedgerKey, v: T | null, message: string) => {
    if (v === null && !bad.includes(key) && !errors.some((e) => e.startsWith(`${HEADER.get(key)}：`)))
      fail(key, message);
    return v;
  };
  const date = (key: InquiryLedgerKey) => {
    const p = parseRosterDate(cells[key]);
    if (p === null) return null;
    if ('error' in p) return fail(key, p.error);
    if (p.date.day === undefined) return fail(key, '应写到日，如 2025-03-15');
    const iso = isoOf(p.date);
    if (iso > today) return fail(key, `不能晚于今天（${today}）`);
    return iso;
  };
  const code = text('code', 40);
  const name = required('name', text('name', 50), '请填写函询对象的姓名');
  const idNumber = text('idNumber', 18);
  const unit = text('unit', 100);
  const sourceText = text('source', 20);
  const source = (sourceText ?? '其他') as InquirySource;
  if (sourceText && !INQUIRY_SOURCES.includes(source))
    fail('source', `“${sourceText}”不是可选值（${INQUIRY_SOURCES.join('、')}）`);
  const petitionCode = text('petitionCode', 40);
  const question = required('question', text('question', 2000), '请填写函询事项');
  const statusText = text('status', 20);
  if (statusText && statusText !== INQUIRY_STATUSES.concluded)
    fail('status', `只能导入已了结的函询；“${statusText}”的函询请在系统中发出，以便按期回复`);
  const sentOn = required('sentOn', date('sentOn'), '请填写发函日期');
  const repliedOn = required('repliedOn', date('repliedOn'), '已了结的函询须填写回复日期');
  const endorser = text('endorser', 50);
  const endorsedOn = date('endorsedOn');
  if (endorser && !endorsedOn && !bad.includes('endorsedOn'))
    fail('endorsedOn', '填写了背书人的须填写背书日期');
  const conclusionText = text('conclusion', 20);
  const conclusion = conclusionText
    ? (CONCLUSION_OF.get(conclusionText) ??
      fail('conclusion', `“${conclusionText}”不是可选值（${Object.values(INQUIRY_CONCLUSIONS).join('、')}）`))
    : required('conclusion', null, '已了结的函询须填写结论');
  const concludedOn = required('concludedOn', date('concludedOn'), '已了结的函询须填写了结日期');
  const conclusionNote = text('conclusionNote', 2000);
  if (sentOn && repliedOn && repliedOn < sentOn) fail('repliedOn', `不能早于发函日期（${sentOn}）`);
  if (repliedOn && endorsedOn && endorsedOn < repliedOn)
    fail('endorsedOn', `不能早于回复日期（${repliedOn}）`);
  const last = endorsedOn ?? repliedOn;
  if (last && concludedOn && concludedOn < last)
    fail('concludedOn', `不能早于${endorsedOn ? '背书' : '回复'}日期（${last}）`);
  if (errors.length || !name || !question || !sentOn || !repliedOn || !conclusion || !concludedOn)
    return { errors };
  return {
    record: {
      code,
      name,
      unit,
      idNumber,
      source,
      petitionCode,
      question,
      sentOn,
      repliedOn,
      endorser,
      endorsedOn,
      conclusion,
      concludedOn,
      conclusionNote,
    },
  };
}
