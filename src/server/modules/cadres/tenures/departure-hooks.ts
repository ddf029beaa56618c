import type { Actor } from '../../../platform/access/actor.js';
import type { AppContext } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/client.js';

/** A principal leader left their post: the event row and the tenure it ends. */
export interface Departure {
  eventId: number;
  cadreId: number;
  tenureId: number;
  orgId: number;
  title: string;
  startDate: string;
  leftOn: string;
  reason: string;
}

/** A departure's day corrected (the tenure's end date changed). */
export interface DepartureCorrection {
  tenureId: number;
  leftOn: string;
}

export interface DepartureHandler {
  departed(tx: Queryable, ctx: AppContext, actor: Actor, departure: Departure): Promise<void>;
  corrected?(tx: Queryable, ctx: AppContext, actor: Actor, correction: DepartureCorrection): Promise<void>;
}
const handlers: DepartureHandler[] = [];

/**
 * A module that acts on a principal's departure (the audits module drafts a 离任审计) registers here;
 * handlers run inside the transaction that ends the tenure (or corrects its end) and use only `tx`.
 */
export function registerDepartureHandler(handler: DepartureHandler): void {
  if (!handlers.includes(handler)) handlers.push(handler);
}

export async function runDepartureHandlers(tx: Queryable, ctx: AppContext, actor: Actor, d: Departure) {
  for (const h of handlers) await h.departed(tx, ctx, actor, d);
}

export async function runDepartureCorrections(
  tx: Queryable,
  ctx: AppContext,
  actor: Actor,
  c: DepartureCorrection,
) {
  for (const h of handlers) await h.corrected?.(tx, ctx, actor, c);
}
