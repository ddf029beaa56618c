import { and, eq } from 'drizzle-orm';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/client.js';
import { conflict } from '../../platform/http/errors.js';
import type { Admonition } from './access.js';
import { moveReportTodo } from './report-todos.js';
import { admonitions } from './schema.js';
import { moveAdmonitionTodo } from './tracking.js';

/** Writes a step's change under the optimistic version (409 when the record changed meanwhile) and moves its to-do. */
export async function saveAdmonition(
  tx: Queryable,
  ctx: AppContext,
  a: Admonition,
  change: Partial<Admonition>,
): Promise<Admonition> {
  const [saved] = await tx
    .update(admonitions)
    .set({ ...change, version: a.version + 1, updatedAt: ctx.clock.now() })
    .where(and(eq(admonitions.id, a.id), eq(admonitions.version, a.version)))
    .returning();
  if (!saved) throw conflict();
  await moveAdmonitionTodo(tx, ctx, saved);
  await moveReportTodo(tx, ctx, saved);
  return saved;
}
