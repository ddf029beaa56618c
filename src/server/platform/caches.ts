/**
 * In-memory copies of small tables (rules, calendar) that every request reads. A read never touches
 * the database — it may come from inside a transaction, where the outer handle must not be used —
 * so a copy is refreshed only from `refreshStale`, which runs where no transaction is open: at the
 * start of each request (before its handler) and of each scheduler tick.
 */
export interface RefreshableCache {
  readonly name: string;
  /** Milliseconds after which the copy is reloaded, so other instances' edits arrive within it. */
  readonly refreshMs: number;
  isStale(): boolean;
  load(): Promise<void>;
}

export class CacheSet {
  private inflight = new Map<string, Promise<void>>();

  constructor(readonly caches: RefreshableCache[]) {}

  /** Reloads every stale copy (one load per cache at a time, however many requests ask). */
  async refreshStale(): Promise<void> {
    await Promise.all(this.caches.filter((c) => c.isStale()).map((c) => this.reload(c)));
  }

  private reload(c: RefreshableCache): Promise<void> {
    let p = this.inflight.get(c.name);
    if (!p) {
      p = c.load().finally(() => this.inflight.delete(c.name));
      this.inflight.set(c.name, p);
    }
    return p;
  }
}

/** Stale when `refreshMs` have passed by the context's clock — or the clock went back past the load. */
export function staleAfter(loadedAt: number, now: number, refreshMs: number): boolean {
  return now - loadedAt > refreshMs || now < loadedAt;
}
