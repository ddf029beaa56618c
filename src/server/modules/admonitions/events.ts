import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/client.js';
import { admonitionEvents, inquiryEvents } from './schema.js';

export async function admonitionEvent(
  tx: Queryable,
  ctx: AppContext,
  e: {
    admonitionId: number;
    action: string;
    occurredOn: string;
    userId: number | null;
    note?: string | null;
    dueOn?: string | null;
    rating?: string | null;
    detail?: Record<string, unknown>;
  },
): Promise<void> {
  await tx.insert(admonitionEvents).values({ ...e, createdAt: ctx.clock.now() });
}

export async function inquiryEvent(
  tx: Queryable,
  ctx: AppContext,
  e: { inquiryId: number; action: string; occurredOn: string; userId: number | null; note?: string | null },
): Promise<void> {
  await tx.insert(inquiryEvents).values({ ...e, createdAt: ctx.clock.now() });
}
