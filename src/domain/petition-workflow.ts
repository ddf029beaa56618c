import { addDays, addWorkingDays, type WorkCalendar } from './calendar.js';

/**
 * The life of a petition (domain.md §3) as guarded transitions, and the statutory clock that runs
 * in each status. Pure: the use cases load, check here, write the change and its audit record.
 */
export const PETITION_STATUSES = {
  registered: '已登记',
  accepted: '已受理',
  declined: '不予受理',
  held: '暂存待查',
  investigating: '调查核实中',
  reported: '已形成调查报告',
  awaiting_approval: '处理意见待审批',
  approved: '已审批待回复',
  replied: '已回复反映人',
  concluded: '已办结',
  reviewing: '复查（复核）中',
} as const;
export type PetitionStatus = keyof typeof PETITION_STATUSES;

export const PETITION_ACTIONS = {
  accept: '受理',
  decline: '不予受理',
  investigate: '转调查核实',
  hold: '暂存待查',
  close: '予以了结',
  report: '录入调查报告',
  submit: '提交处理意见',
  approve: '审批通过',
  return: '退回',
  reply: '回复反映人',
  conclude: '办结',
  request_review: '申请复查（复核）',
  answer_review: '复查（复核）答复',
} as const;
export type PetitionAction = keyof typeof PETITION_ACTIONS;

/**
 * What each step reads besides `version` (and `on` for history). A field another step reads is
 * refused rather than dropped: 提交处理意见 with an `opinion` would otherwise lose the opinion.
 */
export const ACTION_FIELDS = {
  accept: ['note'],
  decline: ['declineReason', 'notice'],
  investigate: ['disposal', 'investigatorUserId', 'assignedUnitOrgId', 'note'],
  hold: ['note'],
  close: ['opinion'],
  report: ['report'],
  submit: ['note'],
  approve: ['note'],
  return: ['note'],
  reply: ['reply'],
  conclude: ['note'],
  request_review: ['note'],
  answer_review: ['reply'],
} as const satisfies Record<PetitionAction, readonly string[]>;

const FIELD_LABELS: Record<string, string> = {
  note: '说明',
  declineReason: '不予受理理由',
  notice: '告知内容',
  disposal: '处置方式',
  investigatorUserId: '调查人',
  assignedUnitOrgId: '承办单位',
  opinion: '处理意见',
  report: '调查报告',
  reply: '答复内容',
};

/** The fields given (not null) that the step does not read, each with its Chinese reason. */
export function foreignFields(
  action: PetitionAction,
  given: Record<string, unknown>,
): Record<string, string> {
  const out: Record<string, string> = {};
  const own: readonly string[] = ACTION_FIELDS[action];
  for (const [key, value] of Object.entries(given)) {
    if (key === 'version' || key === 'on' || value === undefined || value === null || own.includes(key))
      continue;
    out[key] =
      action === 'submit' && key === 'opinion'
        ? '提交审批时不接收处理意见：请先“添加处理意见”，再提交审批'
        : `“${PETITION_ACTIONS[action]}”不接收${FIELD_LABELS[key] ?? key}`;
  }
  return out;
}

/** Which action may move a petition from which status, and where it goes. */
export const TRANSITIONS = {
  registered: { accept: 'accepted', decline: 'declined' },
  accepted: { investigate: 'investigating', hold: 'held', close: 'awaiting_approval' },
  held: { investigate: 'investigating', close: 'awaiting_approval' },
  investigating: { report: 'reported' },
  reported: { submit: 'awaiting_approval' },
  awaiting_approval: { approve: 'approved', return: 'reported' },
  approved: { reply: 'replied' },
  replied: { conclude: 'concluded' },
  concluded: { request_review: 'reviewing' },
  reviewing: { answer_review: 'concluded' },
  declined: {},
} satisfies Record<PetitionStatus, Partial<Record<PetitionAction, PetitionStatus>>>;

/** The status an action leads to, or a Chinese reason why it may not be taken now. */
export function transition(
  from: PetitionStatus,
  action: PetitionAction,
): { to: PetitionStatus } | { error: string } {
  const to = (TRANSITIONS[from] as Partial<Record<PetitionAction, PetitionStatus>>)[action];
  if (!to) return { error: `当前状态为“${PETITION_STATUSES[from]}”，不能${PETITION_ACTIONS[action]}` };
  return { to };
}

export const availableActions = (from: PetitionStatus) => Object.keys(TRANSITIONS[from]) as PetitionAction[];

/** The rule values the clocks read (rules are data: pass the versions in force). */
export interface PetitionClockRules {
  acceptanceDays: number; // petition.acceptance
  handlingDays: number; // petition.handling
  extensionMaxDays: number; // petition.extension_max
  reviewRequestDays: number; // petition.review_request
  reviewAnswerDays: number; // petition.review_answer
  realNameResultWorkingDays: number; // petition.realname_result_feedback
}

export interface ClockFacts {
  status: PetitionStatus;
  realName: boolean;
  receivedOn: string;
  acceptedOn: string | null;
  approvedOn: string | null;
  assignedDueOn: string | null;
  extensionDays: number;
  reviewRequestedOn: string | null;
}

export type DueKind = 'acceptance' | 'handling' | 'reply' | 'review_answer';
export const DUE_KINDS: Record<DueKind, string> = {
  acceptance: '受理告知期限',
  handling: '办理期限',
  reply: '实名反馈期限',
  review_answer: '复查（复核）答复期限',
};

const earlier = (a: string, b: string | null) => (b && b < a ? b : a);

/**
 * The clock running in a status: what is due and the last day for it. Acceptance within 15 days
 * of receipt; handling within 60 days of acceptance plus an approved extension; a real-name
 * reporter hears the result within 15 working days of approval; a review is answered within 30
 * days. A case assigned from above is due no later than the date the assigning body set.
 */
export function clockFor(
  f: ClockFacts,
  rules: PetitionClockRules,
  cal: WorkCalendar,
): { kind: DueKind; dueOn: string } | null {
  switch (f.status) {
    case 'registered':
      return {
        kind: 'acceptance',
        dueOn: earlier(addDays(f.receivedOn, rules.acceptanceDays), f.assignedDueOn),
      };
    case 'accepted':
    case 'held':
    case 'investigating':
    case 'reported':
    case 'awaiting_approval':
      return { kind: 'handling', dueOn: handlingDue(f, rules) };
    case 'approved': {
      const handling = handlingDue(f, rules);
      if (!f.realName || !f.approvedOn) return { kind: 'handling', dueOn: handling };
      return { kind: 'reply', dueOn: addWorkingDays(f.approvedOn, rules.realNameResultWorkingDays, cal) };
    }
    case 'reviewing':
      return f.reviewRequestedOn
        ? { kind: 'review_answer', dueOn: addDays(f.reviewRequestedOn, rules.reviewAnswerDays) }
        : null;
    default:
      return null;
  }
}

function handlingDue(f: ClockFacts, rules: PetitionClockRules): string {
  const from = f.acceptedOn ?? f.receivedOn;
  return earlier(addDays(from, rules.handlingDays + f.extensionDays), f.assignedDueOn);
}

/** An extension: once, at most the rule's days, with a reason; null when allowed, else why not. */
export function extensionProblem(
  f: { status: PetitionStatus; extensionDays: number },
  days: number,
  rules: PetitionClockRules,
): string | null {
  if (!['accepted', 'held', 'investigating', 'reported', 'awaiting_approval'].includes(f.status))
    return '只有办理中的信访件可以申请延期';
  if (f.extensionDays > 0) return '该信访件已延期，不能再次延期';
  if (!Number.isInteger(days) || days < 1 || days > rules.extensionMaxDays)
    return `延期天数应为 1 至 ${rules.extensionMaxDays} 天`;
  return null;
}

/**
 * Whether the reporter may ask for a review now: within the rule's days of the reply, and never
 * after a 复核 (reviewLevel 2). Returns null when allowed, else the Chinese reason.
 */
export function reviewRequestProblem(
  f: { status: PetitionStatus; repliedOn: string | null; reviewLevel: number },
  today: string,
  rules: PetitionClockRules,
): string | null {
  if (f.reviewLevel >= 2) return '已经复核，不再受理复查（复核）申请';
  if (f.status !== 'concluded' || !f.repliedOn) return '信访件尚未办结，暂不能申请复查（复核）';
  const last = addDays(f.repliedOn, rules.reviewRequestDays);
  if (today > last)
    return `申请期限已过：应在收到答复之日起 ${rules.reviewRequestDays} 日内（${last} 前）提出`;
  return null;
}

export const isOverdue = (dueOn: string | null, today: string) => dueOn !== null && dueOn < today;

/**
 * 四眼原则 (rule petition.four_eyes): the handling opinions are approved by someone other than the
 * one who submitted them for approval (提交处理意见, or 予以了结 which submits its own opinion) and
 * other than those who wrote them. Null when the approver may approve, else the Chinese reason.
 */
export function approvalProblem(f: {
  approverId: number;
  submitterId: number | null;
  authorIds: (number | null)[];
  fourEyes: boolean;
}): string | null {
  if (!f.fourEyes) return null;
  if (f.submitterId === f.approverId)
    return '处理意见须由提交人以外的人员审批：该件由您提交审批，请由党委书记或其他有审批权限的人员审批';
  if (f.authorIds.includes(f.approverId))
    return '处理意见须由撰写人以外的人员审批：该件的处理意见由您撰写，请由党委书记或其他有审批权限的人员审批';
  return null;
}

/**
 * An extension is granted within the handling period: past its due date the period has run out
 * and the case is overdue (信访工作条例: extended “in the handling period”, at most 30 days). Null
 * when it is still running on `today`, else the reason.
 */
export function extensionTooLate(dueOn: string | null, today: string): string | null {
  if (!dueOn || dueOn >= today) return null;
  return `办理期限已于 ${dueOn} 届满，逾期后不能再延期，请尽快办理；延期须在办理期限内申请`;
}
