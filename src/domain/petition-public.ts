import { addDays } from './calendar.js';
import type { PetitionStatus } from './petition-workflow.js';

/**
 * How a petition's progress reads to the reporter on the portal: a handful of plain stages, never
 * the internal steps (disposal, investigation, approval) nor who handles it.
 */
export type PublicStage = 'received' | 'handling' | 'declined' | 'replied' | 'concluded' | 'reviewing';

export function publicStage(
  status: PetitionStatus,
  reviewLevel: number,
): { stage: PublicStage; label: string } {
  switch (status) {
    case 'registered':
      return { stage: 'received', label: '已收到，等待受理' };
    case 'declined':
      return { stage: 'declined', label: '不予受理' };
    case 'replied':
      return { stage: 'replied', label: '已答复' };
    case 'concluded':
      return { stage: 'concluded', label: '已办结' };
    case 'reviewing':
      return { stage: 'reviewing', label: reviewLevel >= 2 ? '复核办理中' : '复查办理中' };
    default:
      return { stage: 'handling', label: '已受理，正在办理' };
  }
}

/** The reporter may add material until the case is concluded or declined, and again while it is reviewed. */
export const materialProblem = (status: PetitionStatus): string | null =>
  status === 'concluded' || status === 'declined'
    ? '该信访件已办结，不能再补充材料；如对处理结果不满意，可在期限内申请复查（复核）'
    : null;

/** A rating once the reporter has had the reply, and only once. */
export function ratingProblem(p: { repliedOn: string | null; rating: number | null }): string | null {
  if (!p.repliedOn) return '收到答复后才能评价';
  if (p.rating !== null) return '您已经评价过，不能重复评价';
  return null;
}

/** What the next review is called (复查 first, then 复核) and the last day to ask for it. */
export function nextReview(p: { reviewLevel: number; repliedOn: string | null }, requestDays: number) {
  return {
    label: p.reviewLevel === 0 ? '复查' : '复核',
    until: p.repliedOn ? addDays(p.repliedOn, requestDays) : null,
  };
}
