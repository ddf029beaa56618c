import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * Fair turns for the embedded database. PGlite runs each statement synchronously on this thread and
 * hands its lock from one waiting call to the next in microtasks, so while calls are queued the
 * event loop never reaches its poll phase: requests on busy connections keep being served, but a new
 * connection, or a request on an idle one (an export, a member of the public, the health probe),
 * is not even read until the queue runs dry — tens of seconds under 30 clients
 * (bench/results-soak.md, finding 3).
 *
 * Every top-level call of `methods` (a statement, or a whole transaction with its statements, which
 * PGlite runs under its lock anyway) takes its turn in one queue, and each turn starts with
 * `setImmediate`: between two turns the loop polls once, accepting connections and reading requests.
 * Statements inside a transaction use the transaction's own handle and are not queued here.
 */
export function fairClient<C extends object>(client: C, methods: string[]): C {
  const queued = new Set(methods);
  let tail: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(work: () => Promise<T>): Promise<T> => {
    const turn = tail.then(() => nextTurn()).then(work);
    tail = turn.catch(() => undefined);
    return turn;
  };
  return new Proxy(client, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target);
      if (typeof value !== 'function') return value;
      if (typeof prop === 'string' && queued.has(prop))
        return (...args: unknown[]) => inTurn(() => value.apply(target, args));
      return value.bind(target);
    },
  });
}
