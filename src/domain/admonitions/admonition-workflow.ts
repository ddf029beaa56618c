import { addDays, addWorkingDays, isWorkingDay, type WorkCalendar } from '../calendar.js';
import { periodClearsOn } from '../effect-period.js';

/**
 * The life of an admonition talk (谈话诫勉, and the lighter 提醒谈话) as guarded transitions, and its
 * tracking schedule on the working-day calendar. Pure: the use cases load, check here, write.
 */
export const ADMONITION_KINDS = { admonition: '诫勉谈话', reminder: '提醒谈话' } as const;
export type AdmonitionKind = keyof typeof ADMONITION_KINDS;

/** Where an admonition comes from (the list); the accountability register calls it 责任追究. */
export const ADMONITION_SOURCES = [
  '组织考察',
  '民主测评',
  '民主生活会',
  '动态考核',
  '信访',
  '审计',
  '函询',
  '责任追究',
  '个人有关事项',
  '其他',
] as const;
export type AdmonitionSource = (typeof ADMONITION_SOURCES)[number];

export const ADMONITION_STATUSES = {
  pending_talk: '待谈话',
  tracking: '跟踪考察中',
  talked: '已谈话',
  released: '已解除诫勉',
  measures: '已采取组织措施',
} as const;
export type AdmonitionStatus = keyof typeof ADMONITION_STATUSES;

export const ADMONITION_ACTIONS = {
  talk: '谈话',
  check_in: '跟踪谈心',
  report: '书面报告',
  release: '解除诫勉',
  measure: '采取组织措施',
} as const;
export type AdmonitionAction = keyof typeof ADMONITION_ACTIONS;

export const RATINGS = ['好', '一般', '差'] as const;
export type Rating = (typeof RATINGS)[number];

/** 组织措施, with the org_measure rule key suffix of each (its effect period is rule data). */
export const ORG_MEASURES = {
  transfer: '调离岗位',
  removal: '免职',
  removal_higher: '免职（较重情形）',
  demotion: '降职',
} as const;
export type OrgMeasure = keyof typeof ORG_MEASURES;

export const TRANSITIONS = {
  pending_talk: { talk: 'tracking' },
  tracking: { check_in: 'tracking', report: 'tracking', release: 'released', measure: 'measures' },
  talked: {},
  released: {},
  measures: {},
} satisfies Record<AdmonitionStatus, Partial<Record<AdmonitionAction, AdmonitionStatus>>>;

/** The status an action leads to, or a Chinese reason why it may not be taken now. */
export function admonitionTransition(
  kind: AdmonitionKind,
  from: AdmonitionStatus,
  action: AdmonitionAction,
): { to: AdmonitionStatus } | { error: string } {
  const to = (TRANSITIONS[from] as Partial<Record<AdmonitionAction, AdmonitionStatus>>)[action];
  if (!to) return { error: `当前状态为“${ADMONITION_STATUSES[from]}”，不能${ADMONITION_ACTIONS[action]}` };
  // 提醒谈话 has no tracking: the talk ends it.
  if (kind === 'reminder' && action === 'talk') return { to: 'talked' };
  return { to };
}

/** The first working day on or after `day`. */
export function onOrNextWorkingDay(day: string, cal: WorkCalendar): string {
  let d = day;
  while (!isWorkingDay(d, cal)) d = addDays(d, 1);
  return d;
}

export interface TrackingRules {
  /** admonition.tracking_period, months. */
  months: number;
  /** admonition.checkin_interval, months. */
  intervalMonths: number;
  /** admonition.quarterly_report: the cadre hands in a written report every 3 months. */
  quarterlyReport: boolean;
  /** admonition.decision_window, working days after the tracking ends. */
  decisionDays: number;
}

export interface TrackingPlan {
  /** The day tracking is over: release may be decided from this day. */
  endsOn: string;
  /** The check-ins' due days, each a working day (a holiday moves it to the next working day). */
  checkIns: string[];
  /** The written reports' due days (empty when the rule does not ask for them). */
  reports: string[];
  /** The last day to decide (release or measures); past it the admonition escalates. */
  decideBy: string;
}

/**
 * The tracking of an admonition talked on `talkOn`: over after `months` (the period counts its
 * first day, as the effect periods do), a check-in every `intervalMonths` on the same day of the
 * month (or the next working day), a written report every quarter where the rule asks for it, and
 * a decision within `decisionDays` working days after the tracking ends (or after the last check-in).
 */
export function trackingPlan(talkOn: string, rules: TrackingRules, cal: WorkCalendar): TrackingPlan {
  const endsOn = periodClearsOn(talkOn, rules.months, 'months');
  const every = (step: number) => {
    const out: string[] = [];
    if (step <= 0) return out;
    for (let m = step; m <= rules.months; m += step)
      out.push(onOrNextWorkingDay(periodClearsOn(talkOn, m, 'months'), cal));
    return out;
  };
  const checkIns = every(rules.intervalMonths);
  const reports = rules.quarterlyReport ? every(3) : [];
  const last = [endsOn, ...checkIns].sort().at(-1)!;
  return { endsOn, checkIns, reports, decideBy: addWorkingDays(last, rules.decisionDays, cal) };
}

/** Why a release may not be decided on `today`, or null: the tracking must be over and every check-in held. */
export function releaseRefusal(plan: TrackingPlan, checkInsDone: number, today: string): string | null {
  if (today < plan.endsOn) return `跟踪考察期至 ${addDays(plan.endsOn, -1)}，期满后方可解除诫勉`;
  if (checkInsDone < plan.checkIns.length)
    return `跟踪考察期内应进行 ${plan.checkIns.length} 次谈心谈话，已进行 ${checkInsDone} 次，请先补记`;
  return null;
}

/** The next check-in due, or null when all are held. */
export const nextCheckIn = (plan: TrackingPlan, done: number) => plan.checkIns[done] ?? null;
