import { chinaDate } from '../../../domain/calendar.js';
import type { Actor } from '../../platform/access/actor.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/client.js';
import { auditEvents } from './schema.js';

/** One step on an audit's timeline (with `itemId`, on its item's too). */
export async function addAuditEvent(
  tx: Queryable,
  ctx: AppContext,
  actor: Actor | null,
  auditId: number,
  action: string,
  extra: {
    itemId?: number;
    reason?: string | null;
    detail?: Record<string, unknown>;
    occurredOn?: string;
  } = {},
) {
  const now = ctx.clock.now();
  await tx.insert(auditEvents).values({
    auditId,
    itemId: extra.itemId ?? null,
    action,
    occurredOn: extra.occurredOn ?? chinaDate(now),
    at: now,
    userId: actor?.userId ?? null,
    userName: actor?.displayName ?? null,
    reason: extra.reason ?? null,
    detail: extra.detail ?? null,
  });
}
