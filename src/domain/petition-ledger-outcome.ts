import {
  ACCEPTANCE,
  APPROVED,
  type DatedEntry,
  type LedgerCells,
  splitDatedCell,
} from './petition-ledger.js';
import type { rowReader } from './petition-ledger-row.js';
import { PETITION_STATUSES, type PetitionStatus } from './petition-workflow.js';
import type { Choices } from './roster-row.js';
import { cellText } from './sheet-cell.js';

type Reader = ReturnType<typeof rowReader>;
const INVESTIGATION = ['talk_inquiry', 'preliminary_check'];
const STATUS_BY_LABEL = new Map<string, string>(
  Object.entries(PETITION_STATUSES).map(([code, label]) => [label, code]),
);

/** The status the recorded facts put a case in (ambiguous only between 已形成调查报告 and 待审批). */
function derivedStatus(o: {
  accepted: boolean;
  declined: boolean;
  disposal: string | null;
  reports: number;
  opinions: number;
  approvedOn: string | null;
  repliedOn: string | null;
  concludedOn: string | null;
}): PetitionStatus {
  if (o.concludedOn) return 'concluded';
  if (o.repliedOn) return 'replied';
  if (o.approvedOn) return 'approved';
  if (o.opinions) return 'awaiting_approval';
  if (o.reports) return 'reported';
  if (o.disposal === 'close') return 'awaiting_approval';
  if (o.disposal === 'hold') return 'held';
  if (o.disposal && INVESTIGATION.includes(o.disposal)) return 'investigating';
  if (o.accepted) return 'accepted';
  return o.declined ? 'declined' : 'registered';
}

/**
 * The outcome a ledger row records — acceptance or refusal, disposal, reports, opinions and their
 * approval, extension, reply, conclusion, status — checked for consistency: nothing after an
 * acceptance that did not happen, each date on or after the step before it and not after today,
 * a status that agrees with the dates. What the workflow allows is allowed: 予以了结 needs no
 * 处理意见 in a ledger (the step's opinion is often not copied into it), and a 暂存待查 case that
 * went on is 暂存待查 → 予以了结 (its disposal becomes 予以了结, as the workflow's 予以了结 sets it).
 * Undated opinion paragraphs count one opinion each; `notes` says so.
 */
export function ledgerOutcome(
  cells: LedgerCells,
  r: Reader,
  l: { receivedOn: string | null; today: string; extensionMaxDays: number; disposal: Choices },
) {
  const acceptance = r.text('acceptance', 10);
  if (acceptance && acceptance !== ACCEPTANCE.accepted && acceptance !== ACCEPTANCE.declined)
    r.fail('acceptance', '应为“受理”或“不予受理”');
  const accepted = acceptance === ACCEPTANCE.accepted;
  const declined = acceptance === ACCEPTANCE.declined;
  const decidedOn = r.date('acceptedOn');
  if ((accepted || declined) && !decidedOn && !cellText(cells.acceptedOn))
    r.fail('acceptedOn', '受理或不予受理须填写日期');
  if (!acceptance && decidedOn) r.fail('acceptance', '填写了受理日期，请注明受理或不予受理');
  const declineReason = r.text('declineReason', 2000);
  if (declined && !declineReason) r.fail('declineReason', '不予受理须填写理由');
  if (!declined && declineReason) r.fail('declineReason', '只有不予受理的件填写不予受理理由');
  const disposal = r.choice('disposal', l.disposal);

  const notes: string[] = [];
  const entries = (key: 'reports' | 'opinions'): DatedEntry[] =>
    splitDatedCell(r.text(key) ?? '', { undated: key === 'opinions' ? 'each' : 'one' }).map((e) => ({
      on: e.on === null ? null : r.date(key, e.on),
      content: e.content,
    }));
  const reports = entries('reports');
  const opinionCell = entries('opinions');
  if (opinionCell.some((e) => e.content === APPROVED && !e.on))
    r.fail('opinions', '“审批通过”须注明日期，如 【2026-01-28】审批通过');
  const approvals = opinionCell.filter((e) => e.content === APPROVED && e.on);
  const opinions = opinionCell.filter((e) => e.content !== APPROVED && e.content);
  const approvedOn = approvals.at(-1)?.on ?? null;
  const extensionDays = r.count('extensionDays', l.extensionMaxDays);
  const extensionReason = r.text('extensionReason', 2000);
  if (extensionDays && !extensionReason) r.fail('extensionReason', '延期须填写理由');
  if (!extensionDays && extensionReason && !cellText(cells.extensionDays))
    r.fail('extensionDays', '填写了延期理由，请填写延期天数');
  const repliedOn = r.date('repliedOn');
  const reply = r.text('reply');
  if (repliedOn && !reply) r.fail('reply', '填写了回复日期，请填写答复意见');
  if (reply && !repliedOn && !cellText(cells.repliedOn))
    r.fail('repliedOn', '填写了答复意见，请填写回复日期');
  const concludedOn = r.date('concludedOn');

  const after = decidedOn ?? l.receivedOn;
  const dated: [Parameters<Reader['fail']>[0], string | null, string | null, string][] = [
    ['acceptedOn', decidedOn, l.receivedOn, '收件日期'],
    ...reports.map((e) => ['reports', e.on, after, '受理日期'] as (typeof dated)[number]),
    ...opinionCell.map((e) => ['opinions', e.on, after, '受理日期'] as (typeof dated)[number]),
    ['repliedOn', repliedOn, approvedOn ?? after, approvedOn ? '审批日期' : '受理日期'],
    ['concludedOn', concludedOn, repliedOn ?? after, repliedOn ? '回复日期' : '受理日期'],
  ];
  for (const [key, on, earliest, what] of dated) {
    if (on && earliest && on < earliest) r.fail(key, `${on} 早于${what}`);
    if (on && on > l.today) r.fail(key, `${on} 晚于今天`);
  }
  if (!accepted) {
    const later: [Parameters<Reader['fail']>[0], unknown][] = [
      ['disposal', disposal],
      ['reports', reports.length],
      ['opinions', opinionCell.length],
      ['extensionDays', extensionDays],
      ['repliedOn', repliedOn],
      ['concludedOn', concludedOn],
    ];
    for (const [key, v] of later)
      if (v) r.fail(key, key === 'concludedOn' ? '办结的件须已受理' : '未受理的件不能填写此项');
  } else {
    const investigated = disposal !== null && INVESTIGATION.includes(disposal);
    const beyond = reports.length || opinionCell.length || repliedOn || concludedOn;
    if (!disposal && beyond) r.fail('disposal', '已有调查报告、处理意见、回复或办结的件须填写处置方式');
    if (reports.length && disposal === 'hold')
      r.fail('reports', '暂存待查的件没有调查报告；暂存后转调查核实的，处置方式请填写谈话函询或初步核实');
    else if (reports.length && disposal && !investigated)
      r.fail('reports', '只有谈话函询或初步核实的件有调查报告');
    if (approvedOn && !opinions.length && investigated) r.fail('opinions', '审批通过前须有处理意见');
  }
  const fallback = approvedOn ?? repliedOn ?? concludedOn ?? decidedOn;
  // 暂存待查, then 予以了结: the workflow's held → close (the reports case is refused above)
  const heldThenClosed =
    accepted && disposal === 'hold' && !!(opinions.length || approvedOn || repliedOn || concludedOn);
  const undated = opinions.filter((e) => !e.on).length;
  if (undated > 1)
    notes.push(
      `处理意见有 ${undated} 段未注明日期，按 ${undated} 条处理意见计入（日期记为 ${fallback ?? l.receivedOn ?? l.today}）`,
    );
  const facts = {
    accepted,
    declined,
    disposal: heldThenClosed ? 'close' : disposal,
    reports: reports.length,
    opinions: opinions.length,
    approvedOn,
    repliedOn,
    concludedOn,
  };
  const derived = derivedStatus(facts);
  const statusText = r.text('status', 20);
  let status = derived;
  if (statusText) {
    const given = STATUS_BY_LABEL.get(
      statusText.replace(/\s+/g, '').replace(/\(/g, '（').replace(/\)/g, '）'),
    );
    const agrees =
      given === derived ||
      (given === 'reported' && derived === 'awaiting_approval' && reports.length > 0) ||
      (given === 'reviewing' && derived === 'concluded');
    if (!given)
      r.fail('status', `“${statusText}”不是可选值（${Object.values(PETITION_STATUSES).join('、')}）`);
    else if (!agrees)
      r.fail(
        'status',
        `“${statusText}”与所填日期和内容不一致（按所填内容应为“${PETITION_STATUSES[derived]}”）`,
      );
    else status = given as PetitionStatus;
  }
  const dateOr = (e: DatedEntry) => ({ on: e.on ?? fallback ?? l.receivedOn ?? l.today, content: e.content });
  return {
    notes,
    outcome: {
      status,
      acceptedOn: accepted ? decidedOn : null,
      declinedOn: declined ? decidedOn : null,
      declineReason: declined ? declineReason : null,
      disposal: accepted ? facts.disposal : null,
      /** 暂存待查 before 予以了结: the hold is a step of its own in the history. */
      heldBefore: heldThenClosed,
      reports: reports.map(dateOr),
      opinions: opinions.map(dateOr),
      approvedOn,
      extensionDays: extensionDays ?? 0,
      extensionReason,
      repliedOn,
      reply,
      concludedOn,
    },
  };
}
