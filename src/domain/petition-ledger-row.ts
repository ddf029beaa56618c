import type { PetitionChannel } from './petition-intake.js';
import {
  LEDGER_COLUMNS,
  type LedgerCells,
  type LedgerKey,
  listCell,
  NO_UNIT,
  REPORTER_KINDS,
} from './petition-ledger.js';
import { ledgerOutcome } from './petition-ledger-outcome.js';
import { isoOf, parseRosterDate } from './roster-date.js';
import type { Choices } from './roster-row.js';
import { cellText, cellValue } from './sheet-cell.js';
import { storableCells, UNSTORABLE_CELL_MESSAGE } from './storable-text.js';

export interface LedgerLookups {
  today: string;
  extensionMaxDays: number;
  channel: Choices;
  category: Choices;
  disposal: Choices;
}

/** What a ledger row registers: the intake, before its outcome (see petition-ledger-outcome). */
export interface LedgerIntake {
  code: string | null;
  receivedOn: string;
  channel: PetitionChannel;
  visitors: number | null;
  assignedBy: string | null;
  assignedRef: string | null;
  assignedDueOn: string | null;
  transferredFrom: string | null;
  realName: boolean;
  subjects: { name: string; unitText: string | null }[];
  category: string | null;
  title: string;
  content: string;
}
export type LedgerRecord = LedgerIntake & ReturnType<typeof ledgerOutcome>['outcome'];

const HEADER = new Map(LEDGER_COLUMNS.map((c) => [c.key, c.header]));

/** A row's reader: text, dates and choices, each problem noted against its column. */
export function rowReader(raw: LedgerCells) {
  const errors: string[] = [];
  const fail = (key: LedgerKey, message: string) => {
    errors.push(`${HEADER.get(key)}：${message}`);
    return null;
  };
  const { cells, bad } = storableCells(raw);
  for (const key of bad) fail(key, UNSTORABLE_CELL_MESSAGE);
  const text = (key: LedgerKey, max = 20000) => {
    const t = cellText(cells[key]);
    if (t.length > max) return fail(key, `不超过 ${max} 字`);
    return t || null;
  };
  const date = (key: LedgerKey, raw: unknown = cells[key]): string | null => {
    const p = parseRosterDate(raw);
    if (p === null) return null;
    if ('error' in p) return fail(key, p.error);
    if (p.date.day === undefined) return fail(key, '应写到日，如 2026-01-15');
    return isoOf(p.date);
  };
  const choice = (key: LedgerKey, c: Choices) => {
    const t = text(key, 40);
    if (!t) return null;
    return c.code(t) ?? fail(key, `“${t}”不是可选值（${c.labels.join('、')}）`);
  };
  const count = (key: LedgerKey, max: number) => {
    const v = cellValue(cells[key]);
    if (v === null || v === undefined || v === '') return null;
    const n = typeof v === 'number' ? v : Number(String(v).replace(/[人天日\s]/g, ''));
    if (!Number.isInteger(n) || n < 1 || n > max) return fail(key, `应为 1 至 ${max} 的整数`);
    return n;
  };
  return { errors, fail, text, date, choice, count };
}

/**
 * Reads and checks one row of a 信访台帐: every date, every label against its list, what each
 * channel needs, and that the outcome is consistent (see ledgerOutcome). Returns the record (with
 * notes on how it was read) or the row's Chinese problems.
 */
export function parseLedgerRow(
  cells: LedgerCells,
  l: LedgerLookups,
): { record: LedgerRecord; notes: string[] } | { errors: string[] } {
  const r = rowReader(cells);
  const receivedOn = r.date('receivedOn');
  if (!receivedOn && !r.errors.length) r.fail('receivedOn', '必填');
  if (receivedOn && receivedOn > l.today) r.fail('receivedOn', '不能晚于今天');
  const channel = r.choice('channel', l.channel) as PetitionChannel | null;
  if (!channel && !cellText(cells.channel)) r.fail('channel', '必填');
  const visitors = r.count('visitors', 9999);
  if (channel === 'visit' && !visitors && !cellText(cells.visitors)) r.fail('visitors', '来访须填写来访人数');
  const assignedBy = r.text('assignedBy', 60);
  const assignedRef = r.text('assignedRef', 60);
  const assignedDueOn = r.date('assignedDueOn');
  if (channel === 'assigned') {
    if (!assignedBy) r.fail('assignedBy', '上级交办件须填写交办机关');
    if (!assignedRef) r.fail('assignedRef', '上级交办件须填写交办文号');
    if (!assignedDueOn && !cellText(cells.assignedDueOn)) r.fail('assignedDueOn', '上级交办件须填写交办期限');
    if (assignedDueOn && receivedOn && assignedDueOn < receivedOn)
      r.fail('assignedDueOn', '不能早于收件日期');
  }
  if (channel === 'transferred' && !assignedBy) r.fail('assignedBy', '转办件须填写转办单位');
  const kind = r.text('reporterKind', 10);
  const realName = kind === REPORTER_KINDS.real;
  if (!kind) r.fail('reporterKind', '必填：实名或匿名');
  else if (!realName && kind !== REPORTER_KINDS.anonymous) r.fail('reporterKind', '应为“实名”或“匿名”');
  const names = listCell(r.text('subjects', 600) ?? '');
  const units = listCell(r.text('subjectUnits', 1200) ?? '');
  if (units.length > 1 && units.length !== names.length)
    r.fail('subjectUnits', '单位个数应与被反映人个数一致，或只填一个');
  if (names.length > 20) r.fail('subjects', '不超过 20 人');
  if (names.some((n) => n.length > 30)) r.fail('subjects', '每个姓名不超过 30 字');
  if (units.some((u) => u.length > 60)) r.fail('subjectUnits', '每个单位不超过 60 字');
  if (units.length && !names.length) r.fail('subjects', '填写了被反映人单位，请填写被反映人');
  const category = r.choice('category', l.category);
  const title = r.text('title', 100);
  if (!title && !cellText(cells.title)) r.fail('title', '必填');
  const content = r.text('content') ?? title;
  const code = r.text('code', 30);
  const outcome = ledgerOutcome(cells, r, { receivedOn, ...l });
  if (r.errors.length || !receivedOn || !channel || !title || !content) return { errors: r.errors };
  const unitOf = (i: number) => {
    const unit = units.length === 1 ? units[0] : units[i];
    return unit && unit !== NO_UNIT ? unit : null;
  };
  return {
    notes: outcome.notes,
    record: {
      code,
      receivedOn,
      channel,
      visitors: channel === 'visit' ? visitors : null,
      assignedBy: channel === 'assigned' ? assignedBy : null,
      assignedRef: channel === 'assigned' ? assignedRef : null,
      assignedDueOn: channel === 'assigned' ? assignedDueOn : null,
      transferredFrom: channel === 'transferred' ? assignedBy : null,
      realName,
      subjects: names.map((name, i) => ({ name, unitText: unitOf(i) })),
      category,
      title,
      content,
      ...outcome.outcome,
    },
  };
}
