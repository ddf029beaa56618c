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
 * version and the transition, then lets the step write — in the caller's transaction when given.
 * Returns the id for the route to re-read.
 */
export async function admonitionStep(
  ctx: AppContext,
  actor: Actor,
  id: number,
  version: number,
  action: AdmonitionAction,
  write: (tx: Queryable, a: Admonition, to: AdmonitionStatus) => Promise<void>,
  /** The caller's transaction (the demo, another use case); otherwise one of its own. */
  outer?: Queryable,
): Promise<number> {
  const body = async (tx: Queryable) => {
    const a = await loadAdmonition(tx, actor, id, true);
    if (a.version !== version) throw conflict();
    const step = admonitionTransition(a.kind as AdmonitionKind, a.status as AdmonitionStatus, action);
    if ('error' in step) throw unprocessable(step.error);
    await write(tx, a, step.to);
  };
  if (outer) await body(outer);
  else await ctx.db.transaction(body);
  return id;
}
