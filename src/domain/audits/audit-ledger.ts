import { isoOf, parseRosterDate } from '../roster-date.js';
import { cellText, halfWidth } from '../sheet-cell.js';
import { storableCells, UNSTORABLE_CELL_MESSAGE } from '../storable-text.js';
import { AUDIT_KINDS, type AuditKind, SEVERITIES, type Severity } from './audit.js';
import { AMOUNT_PROBLEM, toFen } from './outcomes.js';
import { CONTINUE_REASONS, type ContinueReason, ITEM_STATUSES, type ItemStatus } from './rectification.js';

/**
 * The 审计台帐's columns: the thirteen the offices keep, in their order (问题摘要 … 销号), after the
 * row number; then the audit and the unit the row belongs to, and what the import needs to rebuild
 * the audit and its finding (the audit's type and period, the day the item was issued, the problem
 * type and severity). The export writes them all; the import reads them back by header.
 */
export const AUDIT_LEDGER_COLUMNS = [
  { key: 'no', header: '序号', width: 6 },
  { key: 'summary', header: '问题摘要', width: 22 },
  { key: 'description', header: '具体描述', width: 36 },
  { key: 'amount', header: '涉及金额', width: 12 },
  { key: 'basis', header: '定性依据', width: 24 },
  { key: 'recommendation', header: '整改建议', width: 28 },
  { key: 'measures', header: '整改措施', width: 28 },
  { key: 'responsibleUnit', header: '责任单位', width: 14 },
  { key: 'responsiblePerson', header: '责任人', width: 10 },
  { key: 'deadline', header: '整改时限', width: 12 },
  { key: 'progress', header: '整改进展', width: 28 },
  { key: 'evidence', header: '证明材料', width: 22 },
  { key: 'verdict', header: '认定', width: 16 },
  { key: 'closed', header: '销号', width: 12 },
  { key: 'audit', header: '审计项目', width: 28 },
  { key: 'unit', header: '整改单位', width: 14 },
  { key: 'auditKind', header: '审计类型', width: 10 },
  { key: 'period', header: '审计期间', width: 24 },
  { key: 'issuedOn', header: '下发日期', width: 12 },
  { key: 'problemType', header: '问题类型', width: 10 },
  { key: 'severity', header: '严重程度', width: 8 },
] as const;
export type AuditLedgerKey = (typeof AUDIT_LEDGER_COLUMNS)[number]['key'];
export type AuditLedgerCells = Partial<Record<AuditLedgerKey, unknown>>;
export const AUDIT_LEDGER_SHEET = '审计台帐';

const HEADER = new Map<AuditLedgerKey, string>(AUDIT_LEDGER_COLUMNS.map((c) => [c.key, c.header]));
const KEY_OF = new Map([...HEADER].map(([k, h]) => [h, k]));
export const auditLedgerKeyOf = (header: string): AuditLedgerKey | undefined =>
  KEY_OF.get(halfWidth(header).replace(/\s+/g, ''));
export const AUDIT_LEDGER_HEADERS: Record<string, string> = Object.fromEntries(HEADER);

/** 审计期间 as the export writes it. */
export const periodText = (from: string, to: string) => `${from}至${to}`;
/** 认定 of an item 持续整改, as the export writes it. */
export const continuingText = (reason: string, checkpoint: string | null) =>
  `持续整改（${reason}，下一检查节点 ${checkpoint ?? ''}）`;
/** 销号 of a closed item, as the export writes it. */
export const closedText = (on: string | null) => `已销号 ${on ?? ''}`;

/** One row read: its audit (by title, type and period), its finding and the item's state as it was. */
export interface AuditLedgerRecord {
  audit: string;
  unit: string;
  auditKind: AuditKind;
  periodFrom: string | null;
  periodTo: string | null;
  issuedOn: string;
  summary: string;
  description: string;
  amountFen: number | null;
  basis: string;
  recommendation: string;
  /** A label or a code of the finding_category dictionary; the caller resolves it. */
  problemType: string | null;
  severity: Severity;
  status: ItemStatus;
  measures: string | null;
  responsibleUnit: string | null;
  responsiblePerson: string | null;
  deadline: string | null;
  progress: string | null;
  evidence: string | null;
  verdict: string | null;
  continueReason: ContinueReason | null;
  nextCheckpoint: string | null;
  closedOn: string | null;
}

const labelled = <T extends string>(map: Record<T, string>) =>
  new Map(Object.entries(map).map(([code, label]) => [label as string, code as T]));
const KIND_OF = labelled(AUDIT_KINDS);
const SEVERITY_OF = labelled(SEVERITIES);
const REASON_OF = labelled(CONTINUE_REASONS);
const STATUS_OF = labelled(ITEM_STATUSES);
const DAY = String.raw`(\d{4}-\d{2}-\d{2})`;
const CONTINUING = new RegExp(
  String.raw`^持续整改[（(]\s*([^，,]+?)\s*[，,]\s*下一检查节点\s*${DAY}\s*[）)]$`,
);
const EARLIER_CONTINUING = new RegExp(`^持续整改[（(](${Object.values(CONTINUE_REASONS).join('|')})[）)]$`);
const CLOSED = new RegExp(String.raw`^已销号\s*${DAY}$`);
const PERIOD = new RegExp(String.raw`^${DAY}\s*(?:至|—|-{1,2}|~)\s*${DAY}$`);

/**
 * Reads one row of a 审计台帐: the texts within their limits, the amount in yuan, each date to the
 * day and not after `today` (but 整改时限 and the next checkpoint, which may lie ahead), and the
 * item's state from 认定 and 销号 as the export writes them — 已销号 with its date and 证明材料; 持续整改
 * with its reason and checkpoint; 申请销号 with 证明材料; any state past 已下发 with its plan (整改措施,
 * 责任单位, 责任人, 整改时限). Problems are “列名：原因”. The units, the dictionary and repeats are the
 * caller's.
 */
export function parseAuditLedgerRow(
  raw: AuditLedgerCells,
  today: string,
): { record: AuditLedgerRecord } | { errors: string[] } {
  const errors: string[] = [];
  const fail = (key: AuditLedgerKey, message: string) => {
    errors.push(`${HEADER.get(key)}：${message}`);
    return null;
  };
  const { cells, bad } = storableCells(raw);
  for (const key of bad) fail(key, UNSTORABLE_CELL_MESSAGE);
  const text = (key: AuditLedgerKey, max: number) => {
    const t = cellText(cells[key]);
    if (t.length > max) return fail(key, `不超过 ${max} 字`);
    return t || null;
  };
  const required = (key: AuditLedgerKey, max: number, what: string) => {
    const t = text(key, max);
    if (!t && !bad.includes(key) && !cellText(cells[key])) fail(key, `请填写${what}`);
    return t ?? '';
  };
  const date = (key: AuditLedgerKey, opts: { future?: boolean } = {}) => {
    const p = parseRosterDate(cells[key]);
    if (p === null) return null;
    if ('error' in p) return fail(key, p.error);
    if (p.date.day === undefined) return fail(key, '应写到日，如 2025-03-15');
    const iso = isoOf(p.date);
    if (!opts.future && iso > today) return fail(key, `不能晚于今天（${today}）`);
    return iso;
  };
  const choice = <T extends string>(key: AuditLedgerKey, map: Map<string, T>) => {
    const t = text(key, 40);
    if (!t) return null;
    return map.get(t) ?? fail(key, `“${t}”不是可选值（${[...map.keys()].join('、')}）`);
  };

  const summary = required('summary', 200, '问题摘要');
  const description = required('description', 4000, '具体描述');
  const basis = required('basis', 2000, '定性依据');
  const recommendation = required('recommendation', 4000, '整改建议');
  const audit = required('audit', 200, '审计项目（同一审计项目的各行填写相同的名称）');
  const unit = required('unit', 100, '整改单位');
  const amountText = text('amount', 20);
  let amountFen: number | null = null;
  if (amountText) {
    amountFen = toFen(amountText.replace(/[,，]/g, ''));
    if (amountFen === null) fail('amount', AMOUNT_PROBLEM);
  }
  const auditKind = choice('auditKind', KIND_OF) ?? 'periodic';
  const severity = choice('severity', SEVERITY_OF) ?? 'minor';
  const problemType = text('problemType', 40);
  const issuedOn = date('issuedOn');
  if (!issuedOn && !cellText(cells.issuedOn) && !bad.includes('issuedOn'))
    fail('issuedOn', '请填写整改事项的下发日期，如 2024-05-10');
  let periodFrom: string | null = null;
  let periodTo: string | null = null;
  const periodCell = text('period', 40);
  if (periodCell) {
    const m = PERIOD.exec(halfWidth(periodCell));
    if (!m) fail('period', '应写作“2022-01-01至2023-12-31”');
    else if (m[2] < m[1]) fail('period', '截止日期不能早于起始日期');
    else if (m[2] > today) fail('period', `不能晚于今天（${today}）`);
    else [periodFrom, periodTo] = [m[1], m[2]];
  }
  const measures = text('measures', 4000);
  const responsibleUnit = text('responsibleUnit', 100);
  const responsiblePerson = text('responsiblePerson', 50);
  const deadline = date('deadline', { future: true });
  const progress = text('progress', 4000);
  const evidence = text('evidence', 4000);
  const verdictCell = text('verdict', 200);
  const closedCell = text('closed', 40);

  let status: ItemStatus = measures ? 'rectifying' : 'issued';
  let verdict: string | null = verdictCell;
  let continueReason: ContinueReason | null = null;
  let nextCheckpoint: string | null = null;
  let closedOn: string | null = null;
  if (closedCell) {
    const m = CLOSED.exec(halfWidth(closedCell));
    if (!m) fail('closed', '应写作“已销号 2025-06-30”，未销号的留空');
    else if (m[1] > today) fail('closed', `销号日期不能晚于今天（${today}）`);
    else if (issuedOn && m[1] < issuedOn) fail('closed', '销号日期不能早于下发日期');
    else closedOn = m[1];
    status = 'closed';
    if (verdictCell && STATUS_OF.has(verdictCell)) verdict = verdictCell === '已销号' ? null : verdictCell;
    if (!verdict) verdict = '已整改';
  } else if (verdictCell?.startsWith('持续整改')) {
    const m = CONTINUING.exec(halfWidth(verdictCell));
    const reason = m ? REASON_OF.get(m[1]) : undefined;
    // an earlier 持续整改 kept as the 认定 of an item the unit has since applied for again
    if (!m && EARLIER_CONTINUING.test(halfWidth(verdictCell))) verdict = verdictCell;
    else if (!m || !reason)
      fail(
        'verdict',
        `持续整改应写作“持续整改（${Object.values(CONTINUE_REASONS).join('/')}，下一检查节点 2026-06-30）”`,
      );
    else {
      status = 'continuing';
      continueReason = reason;
      nextCheckpoint = m[2];
      verdict = `持续整改（${CONTINUE_REASONS[reason]}）`;
    }
  } else if (verdictCell && STATUS_OF.has(verdictCell)) {
    const s = STATUS_OF.get(verdictCell) as ItemStatus;
    if (s === 'closed') fail('closed', '认定为已销号的须在“销号”列填写销号日期');
    else status = s;
    verdict = null;
  } else if (verdictCell === '已整改') fail('closed', '认定为已整改的须在“销号”列填写销号日期');

  if (status !== 'issued') {
    if (!measures) fail('measures', '已制定方案的整改事项须填写整改措施');
    if (!responsibleUnit) fail('responsibleUnit', '已制定方案的整改事项须填写责任单位');
    if (!responsiblePerson) fail('responsiblePerson', '已制定方案的整改事项须填写责任人');
    if (!deadline && !cellText(cells.deadline)) fail('deadline', '已制定方案的整改事项须填写整改时限');
  }
  if ((status === 'applied' || status === 'closed') && !evidence)
    fail('evidence', status === 'closed' ? '已销号的整改事项须填写证明材料' : '申请销号须填写证明材料');
  if (errors.length || !issuedOn) return { errors };
  return {
    record: {
      audit,
      unit,
      auditKind,
      periodFrom,
      periodTo,
      issuedOn,
      summary,
      description,
      amountFen,
      basis,
      recommendation,
      problemType,
      severity,
      status,
      measures,
      responsibleUnit,
      responsiblePerson,
      deadline,
      progress,
      evidence,
      verdict,
      continueReason,
      nextCheckpoint,
      closedOn,
    },
  };
}
