import { isoOf, parseRosterDate } from '../roster-date.js';
import { cellText, halfWidth } from '../sheet-cell.js';
import { storableCells, UNSTORABLE_CELL_MESSAGE } from '../storable-text.js';
import { RECORD_KINDS, RECORD_STATUSES, type RecordKind } from './kinds.js';

/** The 责任追究台帐's columns, in the order the offices keep it: one row per person held accountable. */
export const ACCOUNTABILITY_LEDGER_COLUMNS = [
  { key: 'no', header: '序号', width: 6 },
  { key: 'org', header: '单位', width: 14 },
  { key: 'kind', header: '追究类型', width: 12 },
  { key: 'category', header: '工作失误类别', width: 18 },
  { key: 'title', header: '事由', width: 24 },
  { key: 'facts', header: '基本事实', width: 40 },
  { key: 'basis', header: '追究依据', width: 28 },
  { key: 'person', header: '被追究人', width: 10 },
  { key: 'post', header: '单位及职务', width: 18 },
  { key: 'role', header: '责任类别', width: 10 },
  { key: 'sanctions', header: '处理结果', width: 28 },
  { key: 'effectiveFrom', header: '处理生效日期', width: 12 },
  { key: 'effectEnds', header: '影响期至', width: 12 },
  { key: 'decidingBody', header: '决定机关', width: 16 },
  { key: 'decidedOn', header: '决定日期', width: 12 },
  { key: 'status', header: '状态', width: 10 },
  { key: 'review', header: '申诉复查情况', width: 30 },
] as const;
export type AccountabilityLedgerKey = (typeof ACCOUNTABILITY_LEDGER_COLUMNS)[number]['key'];
export const ACCOUNTABILITY_LEDGER_SHEET = '责任追究台帐';
export const ACCOUNTABILITY_LEDGER_HEADERS = Object.fromEntries(
  ACCOUNTABILITY_LEDGER_COLUMNS.map((c) => [c.key, c.header]),
) as Record<AccountabilityLedgerKey, string>;
const KEY_OF = new Map(ACCOUNTABILITY_LEDGER_COLUMNS.map((c) => [c.header as string, c.key]));
export const accountabilityLedgerKeyOf = (header: string) =>
  KEY_OF.get(halfWidth(header).replace(/\s+/g, ''));

/** One person's row: the record's fields (repeated on each of its rows) and the person's sanctions. */
export interface AccountabilityLedgerRow {
  org: string | null;
  kind: RecordKind;
  /** The 工作失误 category's label, as written (its code is the dictionary's). */
  category: string | null;
  title: string;
  facts: string;
  basis: string;
  person: string;
  post: string | null;
  role: string | null;
  /** Sanction labels, each with its date (the decision's when the row gives none). */
  sanctions: { label: string; effectiveFrom: string }[];
  decidingBody: string | null;
  decidedOn: string;
}

const KIND_OF = new Map(Object.entries(RECORD_KINDS).map(([c, l]) => [l as string, c as RecordKind]));
const split = (s: string) =>
  s
    .split(/[、，,；;]+/)
    .map((x) => x.trim())
    .filter(Boolean);

/**
 * Reads one row of a 责任追究台帐: only records in force are imported (a draft or a dismissal belongs
 * in the system), with their decision date, the person and at least one sanction; the 处理生效日期
 * is one date for all the sanctions or one per sanction, none before the decision nor after
 * `today`. A row with 申诉复查情况 is refused: a changed or lifted sanction is recorded in the
 * system, where its history is kept. Problems are “列名：原因”.
 */
export function parseAccountabilityLedgerRow(
  raw: Partial<Record<AccountabilityLedgerKey, unknown>>,
  today: string,
): { row: AccountabilityLedgerRow } | { errors: string[] } {
  const errors: string[] = [];
  const fail = (key: AccountabilityLedgerKey, message: string) => {
    errors.push(`${ACCOUNTABILITY_LEDGER_HEADERS[key]}：${message}`);
    return null;
  };
  const { cells, bad } = storableCells(raw);
  for (const key of bad) fail(key, UNSTORABLE_CELL_MESSAGE);
  const text = (key: AccountabilityLedgerKey, max: number, missing?: string) => {
    const t = cellText(cells[key]);
    if (t.length > max) return fail(key, `不超过 ${max} 字`);
    if (!t && missing && !bad.includes(key)) return fail(key, missing);
    return t || null;
  };
  const date = (key: AccountabilityLedgerKey, value: unknown) => {
    const p = parseRosterDate(value);
    if (p === null) return null;
    if ('error' in p) return fail(key, p.error);
    if (p.date.day === undefined) return fail(key, '应写到日，如 2025-03-15');
    const iso = isoOf(p.date);
    if (iso > today) return fail(key, `不能晚于今天（${today}）`);
    return iso;
  };
  const kindText = text('kind', 20, '请填写追究类型');
  const kind = kindText
    ? (KIND_OF.get(kindText) ?? fail('kind', `“${kindText}”不是可选值（${[...KIND_OF.keys()].join('、')}）`))
    : null;
  const category = text('category', 60);
  const title = text('title', 100, '请填写事由');
  const facts = text('facts', 5000, '请填写基本事实');
  const basis = text('basis', 500, '请填写追究依据');
  const person = text('person', 40, '请填写被追究人');
  const post = text('post', 100);
  const role = text('role', 30);
  const decidingBody = text('decidingBody', 60);
  const decidedOn = date('decidedOn', cells.decidedOn);
  if (!decidedOn && !cellText(cells.decidedOn) && !bad.includes('decidedOn'))
    fail('decidedOn', '请填写决定日期');
  const status = text('status', 20);
  if (status && status !== RECORD_STATUSES.in_force)
    fail('status', `只能导入已生效的追究；“${status}”的请在系统中登记`);
  if (text('review', 2000)) fail('review', '有申诉、复查变更或撤销的处理，请在系统中登记，以保留其经过');
  const labels = split(text('sanctions', 200, '请填写处理结果') ?? '');
  const dates = split(halfWidth(cellText(cells.effectiveFrom))).map((d) => date('effectiveFrom', d));
  if (dates.length > 1 && dates.length !== labels.length)
    fail('effectiveFrom', `应填写一个日期，或每项处理一个日期（共 ${labels.length} 项）`);
  for (const d of dates)
    if (d && decidedOn && d < decidedOn) fail('effectiveFrom', `不能早于决定日期（${decidedOn}）`);
  if (errors.length || !kind || !title || !facts || !basis || !person || !decidedOn) return { errors };
  return {
    row: {
      org: text('org', 100),
      kind,
      category,
      title,
      facts,
      basis,
      person,
      post,
      role,
      sanctions: labels.map((label, i) => ({
        label,
        effectiveFrom: (dates.length > 1 ? dates[i] : dates[0]) ?? decidedOn,
      })),
      decidingBody,
      decidedOn,
    },
  };
}

/** Rows of the same record: everything the register keeps on the record itself. */
export const recordKeyOf = (r: AccountabilityLedgerRow) =>
  JSON.stringify([r.org, r.kind, r.category, r.title, r.facts, r.basis, r.decidingBody, r.decidedOn]);
