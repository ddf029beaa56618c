import {
  availableActions,
  extensionTooLate,
  type PetitionAction,
  type PetitionStatus,
} from '../../../../domain/petition-workflow.js';
import type { Actor } from '../../../platform/access/actor.js';
import { orgInScope } from '../../../platform/access/scope.js';
import type { Queryable } from '../../../platform/db/client.js';
import { forbidden } from '../../../platform/http/errors.js';
import { petitionOrgInScope } from '../load-petition.js';
import type { Petition } from './petition-clock.js';

/**
 * How the caller reaches a petition: through its org's scope (or the org recusal raised it to), or
 * as head of the unit it is assigned to.
 */
export interface Reach {
  byOrg: boolean;
  byUnit: boolean;
}

export async function reachOf(db: Queryable, actor: Actor, p: Petition): Promise<Reach> {
  return {
    byOrg: await petitionOrgInScope(db, actor, p),
    byUnit:
      actor.permissions.has('petition.assigned') &&
      p.assignedUnitOrgId !== null &&
      (await orgInScope(db, actor, p.assignedUnitOrgId)),
  };
}

const has = (a: Actor, perm: string) => a.permissions.has(perm);
const handles = (a: Actor, r: Reach) => has(a, 'petition.handle') && r.byOrg;
/** The unit a case is handed to records its investigation report and handling opinions. */
const unitWorks = (a: Actor, r: Reach) => has(a, 'petition.assigned') && r.byUnit;

/**
 * Who may take a step: approval and return need petition.approve; the report may also be recorded
 * by the head of the unit the case is assigned to; every other step needs petition.handle.
 */
export function mayTake(a: Actor, r: Reach, action: PetitionAction): boolean {
  if (action === 'approve' || action === 'return') return has(a, 'petition.approve') && r.byOrg;
  if (action === 'report') return handles(a, r) || unitWorks(a, r);
  return handles(a, r);
}

export const takeableActions = (a: Actor, r: Reach, p: Petition) =>
  availableActions(p.status as PetitionStatus).filter((x) => mayTake(a, r, x));

export const mayAddOpinion = (a: Actor, r: Reach, p: Petition) =>
  p.status === 'reported' && (handles(a, r) || unitWorks(a, r));

/**
 * Extensions are granted by an approver directly (one step: reason, days, approval), within the
 * handling period (see extensionTooLate).
 */
/** An approver of the case's org, a case in hand not extended before: what an extension needs besides time. */
const extensionOpenTo = (a: Actor, r: Reach, p: Petition) =>
  has(a, 'petition.approve') &&
  r.byOrg &&
  p.extensionDays === 0 &&
  ['accepted', 'held', 'investigating', 'reported', 'awaiting_approval'].includes(p.status);

export const mayExtend = (a: Actor, r: Reach, p: Petition, today: string) =>
  extensionOpenTo(a, r, p) && extensionTooLate(p.dueOn, today) === null;

/** Why an approver who could otherwise extend the case may not now (its period has run out), or null. */
export const extensionNote = (a: Actor, r: Reach, p: Petition, today: string) =>
  extensionOpenTo(a, r, p) ? extensionTooLate(p.dueOn, today) : null;

export const mayUpload = (a: Actor, r: Reach) =>
  ((has(a, 'petition.register') || has(a, 'petition.handle')) && r.byOrg) || unitWorks(a, r);

export function requireMay(ok: boolean): void {
  if (!ok) throw forbidden();
}
