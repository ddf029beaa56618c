import type { RecordStatus, SanctionStatus } from './kinds.js';

/**
 * The life of an accountability record: a draft (a proposal from another module, or one an officer
 * is writing) is confirmed — it then takes effect — or dismissed with a reason. A record in force
 * is not edited: a sanction on it is changed or lifted on 申诉 / 复查, keeping the old one as history.
 */
export type RecordAction = 'edit' | 'confirm' | 'dismiss';

export const TRANSITIONS = {
  draft: { edit: 'draft', confirm: 'in_force', dismiss: 'dismissed' },
  in_force: {},
  dismissed: {},
} satisfies Record<RecordStatus, Partial<Record<RecordAction, RecordStatus>>>;

const ACTION_TEXT: Record<RecordAction, string> = { edit: '修改', confirm: '确认', dismiss: '不予追究' };
const STATUS_TEXT: Record<RecordStatus, string> = {
  draft: '待确认',
  in_force: '已生效',
  dismissed: '不予追究',
};

/** The status after the action, or the Chinese refusal. */
export function nextStatus(
  from: RecordStatus,
  action: RecordAction,
): { to: RecordStatus } | { problem: string } {
  const to = (TRANSITIONS[from] as Partial<Record<RecordAction, RecordStatus>>)[action];
  if (to) return { to };
  return { problem: `该追究事项${STATUS_TEXT[from]}，不能${ACTION_TEXT[action]}` };
}

/** Grounds on which a sanction in force is changed or lifted. */
export const REVIEW_GROUNDS = { appeal: '申诉', review: '复查', other: '其他' } as const;
export type ReviewGround = keyof typeof REVIEW_GROUNDS;

/**
 * Whether a sanction may be changed or lifted on the date: only one in force, of a record in force,
 * on or after the day it took effect and not after today. Returns a problem keyed by field, or null.
 */
export function sanctionReviewProblem(opts: {
  recordStatus: RecordStatus;
  sanctionStatus: SanctionStatus;
  effectiveFrom: string;
  on: string;
  today: string;
}): { field: string; message: string } | null {
  if (opts.recordStatus !== 'in_force')
    return { field: 'sanctionId', message: '只有已生效的追究事项中的处理才能变更或撤销' };
  if (opts.sanctionStatus !== 'in_force')
    return { field: 'sanctionId', message: '该处理已变更或撤销，不能再次办理' };
  if (opts.on > opts.today) return { field: 'on', message: '变更（撤销）日期不能晚于今天' };
  if (opts.on < opts.effectiveFrom)
    return { field: 'on', message: `变更（撤销）日期不能早于处理生效日期 ${opts.effectiveFrom}` };
  return null;
}

/** Dates of a record and its sanctions: none in the future, none before the decision. */
export function recordDatesProblem(opts: {
  decidedOn: string | null;
  sanctions: { effectiveFrom: string }[];
  today: string;
  /** Confirming needs the decision date. */
  confirming: boolean;
}): { field: string; message: string } | null {
  const { decidedOn, today } = opts;
  if (opts.confirming && !decidedOn) return { field: 'decidedOn', message: '确认追究须填写决定日期' };
  if (decidedOn && decidedOn > today) return { field: 'decidedOn', message: '决定日期不能晚于今天' };
  for (const [i, s] of opts.sanctions.entries()) {
    if (s.effectiveFrom > today)
      return { field: `sanctions.${i}.effectiveFrom`, message: '处理生效日期不能晚于今天' };
    if (decidedOn && s.effectiveFrom < decidedOn)
      return { field: `sanctions.${i}.effectiveFrom`, message: '处理生效日期不能早于决定日期' };
  }
  return null;
}
