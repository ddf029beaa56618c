import type { Actor } from '../access/actor.js';
import type { AppContext } from '../context.js';
import { chooseReadTarget, type ReadDecision } from './read-routing.js';
import { insideTransaction } from './tx-guard.js';

const onReplica = new WeakMap<AppContext, AppContext>();

/**
 * The context a read-only use case runs on (statistics, the dashboard and figures, ledgers and
 * exports, the large lists): the same context, whose `db` reads the streaming replica when
 * `chooseReadTarget` allows it — a replica is configured, known up and within the lag bound, no
 * transaction is open and the caller's session has not written within the sticky window. Otherwise
 * it is `ctx` itself. Never write through it: on the replica a write fails (re-run on the primary
 * in production, an error in tests).
 */
export async function readContext(ctx: AppContext, actor: Actor | null): Promise<AppContext> {
  return (await routeRead(ctx, actor)).ctx;
}

export async function routeRead(
  ctx: AppContext,
  actor: Actor | null,
): Promise<{ ctx: AppContext; decision: ReadDecision }> {
  const replica = ctx.database.replica;
  const now = ctx.clock.now();
  const inTx = insideTransaction();
  if (replica && !inTx) await replica.ensureFresh(now);
  const decision = chooseReadTarget({
    replicaConfigured: !!replica,
    insideTransaction: inTx,
    lastWriteAt: actor?.lastWriteAt ?? null,
    now,
    health: replica?.health ?? { state: 'unknown', lagMs: null, checkedAt: null },
    policy: replica?.policy ?? { maxLagMs: 0, checkEveryMs: 0, stickyMs: 0 },
  });
  replica?.noteDecision(decision);
  if (!replica || decision.target === 'primary') return { ctx, decision };
  let read = onReplica.get(ctx);
  if (!read) {
    read = { ...ctx, db: replica.db };
    onReplica.set(ctx, read);
  }
  return { ctx: read, decision };
}
