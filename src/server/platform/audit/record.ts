import type { Actor } from '../access/actor.js';
import type { Clock } from '../context.js';
import type { Queryable } from '../db/client.js';
import { appendAudit } from './append.js';

export interface ActionRecord {
  action: string;
  objectType?: string;
  objectId?: string | number | null;
  result?: 'success' | 'failure' | 'denied';
  detail?: Record<string, unknown>;
}

/** Audits an action of the signed-in caller; call it inside the transaction that makes the change. */
export async function recordAudit(
  db: Queryable,
  clock: Clock,
  actor: Actor | null,
  rec: ActionRecord,
): Promise<void> {
  if (actor) actor.audited = true;
  await appendAudit(db, {
    at: clock.now(),
    userId: actor?.userId ?? null,
    username: actor?.username ?? null,
    orgId: actor?.orgId ?? null,
    ip: actor?.ip ?? null,
    ...rec,
  });
}
