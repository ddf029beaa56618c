import { eq } from 'drizzle-orm';
import { chinaDate } from '../../../domain/calendar.js';
import type { Actor } from '../../platform/access/actor.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/client.js';
import type { PersonPlan } from './check-input.js';
import { accountabilityEvents, accountabilityPersons, accountabilitySanctions } from './schema.js';

/** Writes a draft's persons and their sanctions, replacing what the draft held before. */
export async function writePeople(tx: Queryable, recordId: number, persons: PersonPlan[], now: Date) {
  await tx.delete(accountabilitySanctions).where(eq(accountabilitySanctions.recordId, recordId));
  await tx.delete(accountabilityPersons).where(eq(accountabilityPersons.recordId, recordId));
  for (const [i, p] of persons.entries()) {
    const [row] = await tx
      .insert(accountabilityPersons)
      .values({ recordId, cadreId: p.cadreId, name: p.name, post: p.post, role: p.role, sort: i })
      .returning({ id: accountabilityPersons.id });
    if (p.sanctions.length)
      await tx
        .insert(accountabilitySanctions)
        .values(p.sanctions.map((s) => ({ ...s, recordId, personId: row.id, createdAt: now })));
  }
}

/** One step on the record's timeline. */
export async function addEvent(
  tx: Queryable,
  ctx: AppContext,
  actor: Actor | null,
  recordId: number,
  action: string,
  extra: { reason?: string | null; detail?: Record<string, unknown>; occurredOn?: string } = {},
) {
  const now = ctx.clock.now();
  await tx.insert(accountabilityEvents).values({
    recordId,
    action,
    occurredOn: extra.occurredOn ?? chinaDate(now),
    at: now,
    userId: actor?.userId ?? null,
    userName: actor?.displayName ?? null,
    reason: extra.reason ?? null,
    detail: extra.detail ?? null,
  });
}
