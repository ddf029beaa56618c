import { addDays } from '../../domain/calendar.js';
import type { PetitionChannel } from '../../domain/petition-intake.js';
import type { PlanOptions } from './petition-plan.js';

/**
 * The demo year (last calendar year) of 大兴镇, made to give the figures of the township's own
 * annual summary (the seed): 群众来信44件，来访28人次，按期完成上级交办的信访7件，办结率100%，
 * 上报调查报告20余份（24），提出处理意见30余条（36）, as of 31 December.
 *
 * 64 cases received between January and mid-December: 44 letters, 8 visits of 28 people in all,
 * 7 cases assigned by 区纪委 (each 予以了结 well within its 60-day 交办期限), 3 calls and 2 online
 * reports. 24 are investigated (one report and one opinion each), 12 closed with an opinion
 * (the 7 assigned among them), and 28 declined (不予受理: repeats, matters outside the remit).
 * No case stalls and every accepted one is concluded by the end of November, so none is open at
 * the year's end; none asks for a review.
 */
export interface DemoYearCase {
  channel: PetitionChannel;
  receivedOn: string;
  visitors: number | null;
  /** Days from receipt to the 交办期限 (assigned cases). */
  assignedDueDays: number | null;
  plan: PlanOptions;
}

export const DEMO_YEAR_VISITORS = [4, 4, 4, 4, 3, 3, 3, 3];
export const DEMO_YEAR = { letters: 44, visitors: 28, assigned: 7, reports: 24, opinions: 36 };

export function demoYearCases(year: number, rng: () => number): DemoYearCase[] {
  const channels: PetitionChannel[] = [
    ...Array<PetitionChannel>(44).fill('letter'),
    ...Array<PetitionChannel>(DEMO_YEAR_VISITORS.length).fill('visit'),
    ...Array<PetitionChannel>(7).fill('assigned'),
    'phone',
    'phone',
    'phone',
    'online',
    'online',
  ];
  // the ways, in the order of the non-assigned cases: 24 investigated, 5 closed, 28 declined
  const ways: NonNullable<PlanOptions['way']>[] = [
    ...Array<'investigate'>(24).fill('investigate'),
    ...Array<'close'>(5).fill('close'),
    ...Array<'decline'>(28).fill('decline'),
  ];
  // shuffled the same way each time, so letters, visits and calls each meet every way
  for (let i = ways.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [ways[i], ways[j]] = [ways[j], ways[i]];
  }
  let visit = 0;
  let other = 0;
  const start = `${year}-01-02`;
  return channels.map((channel, i): DemoYearCase => {
    const assigned = channel === 'assigned';
    const way = assigned ? 'close' : ways[other++];
    // a declined case may come in until mid-December; the others by early September (the longest
    // investigation takes under ninety days), spread over the year in the order of the list
    const span = way === 'decline' ? 340 : 245;
    const receivedOn = addDays(start, Math.floor(((i * 37) % channels.length) * (span / channels.length)));
    return {
      channel,
      receivedOn,
      visitors: channel === 'visit' ? DEMO_YEAR_VISITORS[visit++] : null,
      assignedDueDays: assigned ? 60 : null,
      plan: { way, stallRate: 0, review: 'none', extraOpinion: false },
    };
  });
}
