import {
  ACCEPTANCE,
  APPROVED,
  datedCell,
  LEDGER_COLUMNS,
  type LedgerKey,
  NO_UNIT,
  REPORTER_KINDS,
} from '../../../../domain/petition-ledger.js';
import { isOverdue, PETITION_STATUSES, type PetitionStatus } from '../../../../domain/petition-workflow.js';
import type { LedgerLabels } from './labels.js';
import type { LedgerEntry } from './ledger-rows.js';

function unitsCell(units: (string | null)[]): string {
  if (units.every((u) => !u)) return '';
  if (units.every((u) => u === units[0])) return units[0] ?? '';
  return units.map((u) => u || NO_UNIT).join('、');
}

const label = (m: Map<string, string>, code: string | null) => (code ? (m.get(code) ?? code) : '');

/**
 * One row of the 信访台帐. The reporter appears only as 实名 or 匿名: the sealed identity is never
 * read here. Reports and opinions are one paragraph each, dated (【2026-02-01】…), and the approval
 * of the opinions a paragraph of its own, so an import gets every date back.
 */
export function ledgerCells(e: LedgerEntry, seq: number, labels: LedgerLabels, today: string) {
  const p = e.petition;
  const running = p.status !== 'concluded' && p.status !== 'declined';
  const opinions = [...e.opinions, ...(p.approvedOn ? [{ on: p.approvedOn, content: APPROVED }] : [])];
  const cells: Record<LedgerKey, string | number> = {
    seq,
    code: p.code,
    receivedOn: p.receivedOn,
    channel: label(labels.channel, p.channel),
    visitors: p.channel === 'visit' ? (p.visitors ?? '') : '',
    assignedBy: (p.channel === 'transferred' ? p.transferredFrom : p.assignedBy) ?? '',
    assignedRef: p.assignedRef ?? '',
    assignedDueOn: p.assignedDueOn ?? '',
    reporterKind: p.realName ? REPORTER_KINDS.real : REPORTER_KINDS.anonymous,
    subjects: e.subjects.map((s) => s.name).join('、'),
    subjectUnits: unitsCell(e.subjects.map((s) => s.unitText)),
    category: label(labels.category, p.category),
    title: p.title,
    content: p.content,
    acceptance: p.acceptedOn ? ACCEPTANCE.accepted : p.status === 'declined' ? ACCEPTANCE.declined : '',
    acceptedOn: p.acceptedOn ?? p.declinedOn ?? '',
    declineReason: p.declineReason ?? '',
    disposal: label(labels.disposal, p.disposal),
    reports: datedCell(e.reports),
    opinions: datedCell(opinions),
    extensionDays: p.extensionDays || '',
    extensionReason: p.extensionReason ?? '',
    repliedOn: p.repliedOn ?? '',
    reply: p.reply ?? '',
    concludedOn: p.concludedOn ?? '',
    status: PETITION_STATUSES[p.status as PetitionStatus] ?? p.status,
    overdue: running && isOverdue(p.dueOn, today) ? '是' : '否',
  };
  return LEDGER_COLUMNS.map((c) => cells[c.key]);
}
