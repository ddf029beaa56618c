import type { LedgerRecord } from '../../../../domain/petition-ledger-row.js';
import type { PetitionStatus } from '../../../../domain/petition-workflow.js';

export interface HistoryStep {
  action: string;
  to: PetitionStatus | null;
  on: string;
  note?: string;
}

const IMPORTED = '台帐导入';

/**
 * The workflow steps a ledger row's outcome stands for, in order and with their recorded dates, as
 * the events a case handled day by day would have. A date the ledger does not hold (the disposal,
 * the extension) takes the acceptance date. A 暂存待查 case later closed holds, then closes.
 */
export function outcomeSteps(r: LedgerRecord): HistoryStep[] {
  const steps: HistoryStep[] = [];
  if (r.declinedOn)
    return [{ action: 'decline', to: 'declined', on: r.declinedOn, note: r.declineReason ?? undefined }];
  if (!r.acceptedOn) return steps;
  const accepted = r.acceptedOn;
  steps.push({ action: 'accept', to: 'accepted', on: accepted });
  if (r.extensionDays)
    steps.push({
      action: 'extend',
      to: null,
      on: accepted,
      note: `延期 ${r.extensionDays} 天：${r.extensionReason ?? ''}`,
    });
  const opinions = [...r.opinions];
  if (r.disposal === 'hold' || r.heldBefore)
    steps.push({ action: 'hold', to: 'held', on: accepted, note: IMPORTED });
  if (r.disposal === 'close') {
    // the step's own opinion when the ledger holds one; 予以了结 without one writes none
    const first = opinions.shift();
    steps.push({ action: 'close', to: 'awaiting_approval', on: first?.on ?? accepted, note: IMPORTED });
  }
  if (r.disposal === 'talk_inquiry' || r.disposal === 'preliminary_check') {
    steps.push({ action: 'investigate', to: 'investigating', on: accepted, note: IMPORTED });
    for (const rep of r.reports) steps.push({ action: 'report', to: 'reported', on: rep.on });
    for (const o of opinions) steps.push({ action: 'opinion', to: null, on: o.on });
    const beyondReported = !['investigating', 'reported'].includes(r.status);
    if (opinions.length && beyondReported)
      steps.push({ action: 'submit', to: 'awaiting_approval', on: opinions.at(-1)!.on });
  } else {
    for (const o of opinions) steps.push({ action: 'opinion', to: null, on: o.on });
  }
  if (r.approvedOn) steps.push({ action: 'approve', to: 'approved', on: r.approvedOn });
  if (r.repliedOn) steps.push({ action: 'reply', to: 'replied', on: r.repliedOn });
  if (r.concludedOn) steps.push({ action: 'conclude', to: 'concluded', on: r.concludedOn });
  return steps;
}
