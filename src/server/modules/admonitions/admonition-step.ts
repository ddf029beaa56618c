import {
  type AdmonitionAction,
  type AdmonitionKind,
  type AdmonitionStatus,
  admonitionTransition,
} from '../../../domain/admonitions/admonition-workflow.js';
import type { Actor } from '../../platform/access/actor.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/client.js';
import { conflict, unprocessable } from '../../platform/http/errors.js';
import { type Admonition, loadAdmonition } from './access.js';

/**
 * Runs one tracking step in a transaction: loads the admonition in scope (locked), checks the
 * version and the transition, then lets the step write. Returns the id for the route to re-read.
 */
export async function admonitionStep(
  ctx: AppContext,
  actor: Actor,
  id: number,
  version: number,
  action: AdmonitionAction,
  write: (tx: Queryable, a: Admonition, to: AdmonitionStatus) => Promise<void>,
): Promise<number> {
  await ctx.db.transaction(async (tx) => {
    const a = await loadAdmonition(tx, actor, id, true);
    if (a.version !== version) throw conflict();
    const step = admonitionTransition(a.kind as AdmonitionKind, a.status as AdmonitionStatus, action);
    if ('error' in step) throw unprocessable(step.error);
    await write(tx, a, step.to);
  });
  return id;
}
