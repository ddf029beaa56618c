import { staleAfter } from '../caches.js';
import type { SessionRow } from './session-store.js';

/**
 * How long a read reuses a session row it loaded (milliseconds by the context's clock). Another
 * instance's change to a session or its user — a logout, a disabling, a role change — reaches this
 * instance's reads within this bound; this instance's own changes take effect at once (see below).
 */
export const SESSION_CACHE_MS = 2_000;
const MAX_ENTRIES = 10_000;

/**
 * The session rows that safe requests (GET, HEAD) reuse for `SESSION_CACHE_MS`, so a burst of reads
 * costs one session query per session and window rather than one per request.
 *
 * Correctness:
 * - a request that may change something (any other method) always reads its session afresh;
 * - when such a request answers, every copy is dropped (`clear`, from the app's onSend hook, before
 *   the answer leaves), so a logout, a role change or a disabling done on this instance is seen by
 *   the very next read; a read whose load began before that is not kept (`generation`);
 * - what other instances (or the scheduler, the CLI) change is seen once the copy is older than the
 *   bound; idle and absolute timeouts are computed on each request from the context's clock.
 */
export class SessionCache {
  private rows = new Map<string, { row: SessionRow; loadedAt: number }>();
  private gen = 0;

  constructor(readonly ttlMs = SESSION_CACHE_MS) {}

  /** Changes whenever the copies are dropped: a load begun before then is not kept. */
  get generation(): number {
    return this.gen;
  }

  /** The copy of session `id` loaded less than the bound ago, if any. */
  get(id: string, now: number): SessionRow | undefined {
    const hit = this.rows.get(id);
    if (!hit) return undefined;
    if (staleAfter(hit.loadedAt, now, this.ttlMs)) {
      this.rows.delete(id);
      return undefined;
    }
    return hit.row;
  }

  /** Keeps a live session's row loaded at `now`, unless the copies were dropped since `generation`. */
  set(id: string, row: SessionRow, now: number, generation: number): void {
    if (this.ttlMs <= 0 || generation !== this.gen) return;
    if (this.rows.size >= MAX_ENTRIES && !this.rows.has(id)) {
      const oldest = this.rows.keys().next().value;
      if (oldest !== undefined) this.rows.delete(oldest);
    }
    this.rows.set(id, { row, loadedAt: now });
  }

  forget(id: string): void {
    this.rows.delete(id);
  }

  /** Drops every copy: something on this instance may have changed a session, a user or a role. */
  clear(): void {
    this.gen++;
    this.rows.clear();
  }
}
