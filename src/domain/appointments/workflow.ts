/**
 * 选拔任用: the life of a selection case (选拔任用纪实) and of each candidate in it. Every step is a
 * guarded transition: 动议 → 民主推荐 → 考察 → 讨论决定 → 任前公示 → 任职, or 撤销 at any step with a reason.
 */
export const APPOINTMENT_METHODS = {
  open_selection: '公开选拔',
  competitive: '竞争上岗',
  public_recommendation: '公开推荐',
  org_recommendation: '组织推荐',
} as const;
export type AppointmentMethod = keyof typeof APPOINTMENT_METHODS;
export const METHOD_CODES = Object.keys(APPOINTMENT_METHODS) as AppointmentMethod[];

export const CASE_STEPS = {
  proposed: '动议',
  recommended: '民主推荐',
  inspected: '考察',
  decided: '讨论决定',
  noticed: '任前公示',
  appointed: '任职',
  stopped: '已撤销',
} as const;
export type CaseStep = keyof typeof CASE_STEPS;
export const STEP_CODES = Object.keys(CASE_STEPS) as CaseStep[];

export type CaseAction = 'recommend' | 'inspect' | 'decide' | 'publish_notice' | 'appoint' | 'stop';

const ACTION_TEXT: Record<CaseAction, string> = {
  recommend: '录入民主推荐结果',
  inspect: '录入考察情况',
  decide: '录入讨论决定',
  publish_notice: '发布任前公示',
  appoint: '办理任职',
  stop: '撤销',
};

export const CASE_TRANSITIONS = {
  proposed: { recommend: 'recommended', stop: 'stopped' },
  recommended: { inspect: 'inspected', stop: 'stopped' },
  inspected: { decide: 'decided', stop: 'stopped' },
  decided: { publish_notice: 'noticed', stop: 'stopped' },
  noticed: { appoint: 'appointed', stop: 'stopped' },
  appointed: {},
  stopped: {},
} satisfies Record<CaseStep, Partial<Record<CaseAction, CaseStep>>>;

/** The step after the action, or the Chinese refusal naming the current step. */
export function nextStep(from: CaseStep, action: CaseAction): { to: CaseStep } | { problem: string } {
  const to = (CASE_TRANSITIONS[from] as Partial<Record<CaseAction, CaseStep>>)[action];
  if (to) return { to };
  return { problem: `该选拔任用事项当前为“${CASE_STEPS[from]}”，不能${ACTION_TEXT[action]}` };
}

/** A candidate's standing in the case. */
export const CANDIDATE_STATUSES = {
  recommended: '推荐人选',
  inspected: '考察对象',
  passed: '讨论通过',
  rejected: '未通过',
  stopped: '终止任用',
  appointed: '已任职',
  revoked: '任免决定已撤销',
} as const;
export type CandidateStatus = keyof typeof CANDIDATE_STATUSES;

/** Steps that are done: nothing more happens to the case (a revocation acts on its decisions). */
export const isFinalStep = (s: CaseStep) => s === 'appointed' || s === 'stopped';
