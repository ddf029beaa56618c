import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The outer-handle guard. The embedded database has one connection: a query through the outer
 * handle (`ctx.db`) issued from inside `ctx.db.transaction(…)` waits for the transaction, which waits
 * for the query — the process freezes for good. So every transaction marks its async context, and
 * the outer handle refuses to run a query, or open another transaction, from a marked context.
 *
 * On PGlite the refusal is always on (an error beats a frozen server). On PostgreSQL the same misuse
 * reads outside the transaction and can exhaust the pool, so it is refused in strict mode (tests).
 */
interface Mark {
  open: boolean;
}

const marks = new AsyncLocalStorage<Mark>();

export class OuterHandleInTransaction extends Error {
  constructor(what: string) {
    super(
      `outer database handle used inside a transaction (${what}): use the transaction's handle (tx) — on the embedded database this would freeze the server`,
    );
    this.name = 'OuterHandleInTransaction';
  }
}

/** True when the current async context is inside an open transaction of this process. */
export function insideTransaction(): boolean {
  return marks.getStore()?.open === true;
}

export function assertOutsideTransaction(what: string): void {
  if (insideTransaction()) throw new OuterHandleInTransaction(what);
}

/** Runs `body` (which opens the transaction) with its async context marked until it settles. */
export async function runMarked<T>(body: () => Promise<T>): Promise<T> {
  const mark: Mark = { open: true };
  try {
    return await marks.run(mark, body);
  } finally {
    mark.open = false; // work the transaction left behind (timers, unawaited promises) is free again
  }
}

/** Strict mode refuses the misuse on PostgreSQL too: on under the test runner, or with JIANDU_TX_GUARD=strict. */
export function strictTxGuard(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.JIANDU_TX_GUARD === 'strict' || (!!env.VITEST && env.JIANDU_TX_GUARD !== 'off');
}

/**
 * Wraps a driver client (PGlite instance or pg Pool) so that its query entry points refuse to run
 * from inside a transaction. Methods are bound to the real client, so the driver's own internal
 * calls (BEGIN/COMMIT on the transaction's connection) are not seen by the guard.
 */
export function guardClient<C extends object>(client: C, methods: string[]): C {
  const guarded = new Set(methods);
  return new Proxy(client, {
    get(target, prop, _receiver) {
      const value = Reflect.get(target, prop, target);
      if (typeof value !== 'function') return value;
      if (typeof prop === 'string' && guarded.has(prop)) {
        return (...args: unknown[]) => {
          assertOutsideTransaction(prop);
          return value.apply(target, args);
        };
      }
      return value.bind(target);
    },
  });
}
