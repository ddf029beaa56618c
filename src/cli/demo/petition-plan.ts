import { addDays } from '../../domain/calendar.js';
import { type PetitionAction, type PetitionStatus, transition } from '../../domain/petition-workflow.js';
import { DECLINE_REASON, OPINION_TEXTS, REPLY_TEXT, REPORT_TEXT } from './petition-texts.js';

/** A seeded random source (mulberry32): the same seed gives the same demo and benchmark data. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface PlannedStep {
  action: PetitionAction | 'opinion';
  on: string;
  disposal?: 'talk_inquiry' | 'preliminary_check';
  text?: string;
}

export interface PlanOptions {
  /** The chance that a case stops at any step (so some are overdue). */
  stallRate?: number;
  /** Force the way: declined, 予以了结, held first, or investigated. */
  way?: 'decline' | 'close' | 'hold' | 'investigate';
  /** Force a review after the conclusion: still open, or answered; or none at all. */
  review?: 'open' | 'answered' | 'none';
  /** Whether an investigated case gets a second opinion (by chance when not said). */
  extraOpinion?: boolean;
  /** Stop once the petition reaches this status. */
  stopAt?: PetitionStatus;
}

/**
 * The life a petition received on `receivedOn` has had by `today`: the steps taken, each on its
 * day, in the workflow's order (accept or decline; investigate, hold or close; report; opinions;
 * submit; approve; reply; conclude; now and then a review). A few cases stall along the way, so
 * some are overdue; none has a step after today.
 */
export function planPetition(
  rng: () => number,
  receivedOn: string,
  today: string,
  opts: PlanOptions = {},
): PlannedStep[] {
  const stallRate = opts.stallRate ?? 0.012;
  const steps: PlannedStep[] = [];
  let status: PetitionStatus = 'registered';
  let day = receivedOn;
  let stopped = opts.stopAt === 'registered';
  const next = (
    action: PlannedStep['action'],
    minDays: number,
    maxDays: number,
    extra: Partial<PlannedStep> = {},
  ) => {
    if (stopped || (!opts.stopAt && rng() < stallRate)) return false;
    const on = addDays(day, minDays + Math.floor(rng() * (maxDays - minDays + 1)));
    if (on > today) return false;
    day = on;
    steps.push({ action, on, ...extra });
    if (action !== 'opinion') {
      const step = transition(status, action);
      if ('to' in step) status = step.to;
      stopped = status === opts.stopAt;
    }
    return true;
  };
  const r = rng();
  const way = opts.way ?? (r < 0.08 ? 'decline' : r < 0.26 ? 'close' : r < 0.33 ? 'hold' : 'investigate');
  if (way === 'decline') {
    next('decline', 1, 12, { text: DECLINE_REASON });
    return steps;
  }
  if (!next('accept', 1, 12)) return steps;
  if (way === 'close') {
    if (!next('close', 3, 20, { text: OPINION_TEXTS[2] })) return steps;
  } else {
    if (way === 'hold' && !next('hold', 2, 10)) return steps;
    const disposal = rng() < 0.4 ? 'talk_inquiry' : 'preliminary_check';
    if (!next('investigate', 1, 10, { disposal })) return steps;
    if (!next('report', 10, 40, { text: REPORT_TEXT })) return steps;
    if (!next('opinion', 0, 3, { text: OPINION_TEXTS[Math.floor(rng() * 2)] })) return steps;
    if (opts.extraOpinion ?? rng() < 0.3) steps.push({ action: 'opinion', on: day, text: OPINION_TEXTS[3] });
    if (!next('submit', 0, 3)) return steps;
  }
  if (!next('approve', 1, 7)) return steps;
  if (!next('reply', 1, 10, { text: REPLY_TEXT })) return steps;
  if (!next('conclude', 0, 3)) return steps;
  const review = opts.review === 'none' ? null : (opts.review ?? (rng() < 0.04 ? 'answered' : null));
  if (review && next('request_review', 3, 25) && review === 'answered')
    next('answer_review', 5, 25, { text: REPLY_TEXT });
  return steps;
}
