import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/client.js';
import { disclosureEvents } from './schema.js';

/** One step of a disclosure, with who and when. */
export async function disclosureEvent(
  db: Queryable,
  ctx: AppContext,
  e: {
    disclosureId: number;
    action: string;
    fromStatus: string | null;
    toStatus: string;
    note?: string | null;
    userId: number | null;
  },
) {
  await db.insert(disclosureEvents).values({ ...e, note: e.note ?? null, at: ctx.clock.now() });
}
