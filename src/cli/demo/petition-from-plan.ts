import { type PetitionStatus, transition } from '../../domain/petition-workflow.js';
import type { PlannedStep } from './petition-plan.js';

export interface PlannedColumns {
  disposal: string | null;
  assignedUnitOrgId: number | null;
  acceptedOn: string | null;
  declinedOn: string | null;
  declineReason: string | null;
  reportedOn: string | null;
  approvedOn: string | null;
  repliedOn: string | null;
  reply: string | null;
  concludedOn: string | null;
  reviewLevel: number;
  reviewRequestedOn: string | null;
}

/**
 * What a planned life leaves in the tables, written the way the workflow's use cases write it
 * (for bulk data that cannot go through them one by one): the status, the columns each action
 * sets, one event per step and the documents (notice, report, opinions, reply, review answer).
 */
export function petitionFromPlan(plan: PlannedStep[], opts: { unitOrgId: number | null }) {
  let status: PetitionStatus = 'registered';
  const c: PlannedColumns = {
    disposal: null,
    assignedUnitOrgId: null,
    acceptedOn: null,
    declinedOn: null,
    declineReason: null,
    reportedOn: null,
    approvedOn: null,
    repliedOn: null,
    reply: null,
    concludedOn: null,
    reviewLevel: 0,
    reviewRequestedOn: null,
  };
  const events: { action: string; from: string; to: string; on: string; note: string | null }[] = [];
  const documents: { kind: string; content: string; on: string }[] = [];
  for (const s of plan) {
    if (s.action === 'opinion') {
      documents.push({ kind: 'opinion', content: s.text ?? '', on: s.on });
      events.push({ action: 'opinion', from: status, to: status, on: s.on, note: null });
      continue;
    }
    const step = transition(status, s.action);
    if ('error' in step) throw new Error(`${s.action} from ${status}: ${step.error}`);
    let note: string | null = null;
    switch (s.action) {
      case 'accept':
        c.acceptedOn = s.on;
        break;
      case 'decline':
        c.declinedOn = s.on;
        c.declineReason = s.text ?? '';
        note = c.declineReason;
        documents.push({
          kind: 'notice',
          content: `经审查，您反映的问题依规不予受理。理由：${note}。`,
          on: s.on,
        });
        break;
      case 'investigate':
        c.disposal = s.disposal ?? 'preliminary_check';
        c.assignedUnitOrgId = opts.unitOrgId;
        break;
      case 'hold':
        c.disposal = 'hold';
        break;
      case 'close':
        c.disposal = 'close';
        documents.push({ kind: 'opinion', content: s.text ?? '', on: s.on });
        break;
      case 'report':
        c.reportedOn = s.on;
        documents.push({ kind: 'report', content: s.text ?? '', on: s.on });
        break;
      case 'approve':
        c.approvedOn = s.on;
        break;
      case 'reply':
        c.reply = s.text ?? '';
        c.repliedOn = s.on;
        documents.push({ kind: 'reply', content: c.reply, on: s.on });
        break;
      case 'conclude':
        c.concludedOn = s.on;
        break;
      case 'request_review':
        c.reviewLevel += 1;
        c.reviewRequestedOn = s.on;
        break;
      case 'answer_review':
        c.reply = s.text ?? '';
        c.repliedOn = s.on;
        c.concludedOn = s.on;
        documents.push({ kind: 'review_answer', content: c.reply, on: s.on });
        break;
    }
    events.push({ action: s.action, from: status, to: step.to, on: s.on, note });
    status = step.to;
  }
  return { status, columns: c, events, documents };
}
