import type { Actor } from '../../platform/access/actor.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/client.js';
import type { CreateRecordInput } from './contract.js';
import { insertDraft } from './create-record.js';

export interface ProposalInput extends CreateRecordInput {
  /** Who proposes: the appointments module (a revoked appointment), the assessments' 末位, … */
  source: 'appointment' | 'last_place' | 'other';
  /** The proposing record, e.g. `appointment:12` or `ranking-round:7`, shown on the draft. */
  sourceRef?: string | null;
}

/**
 * 追究建议: another module puts a draft in the accountability register, inside its own transaction.
 * The draft waits on a to-do for the organisation officer (选人用人失察 / 考察失误) or the discipline
 * officer (the other kinds) of `orgId`, who confirms, changes or dismisses it with a reason. The
 * persons may come without sanctions: the officer decides them before confirming. The input is
 * checked as an officer's draft is (the caller's scope for the org and the cadres; sanction kinds
 * with their effect rules); a refusal throws the same 4xx. Returns the record's id.
 */
export async function proposeAccountability(
  tx: Queryable,
  ctx: AppContext,
  actor: Actor,
  input: ProposalInput,
): Promise<number> {
  const { source, sourceRef, ...record } = input;
  return insertDraft(tx, ctx, actor, record, { source, sourceRef });
}
