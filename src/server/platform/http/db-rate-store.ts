import { normalizeIP } from '@fastify/rate-limit';
import { lt, type SQL, sql } from 'drizzle-orm';
import type { AppContext } from '../context.js';
import { rowsOf } from '../db/rows.js';
import { rateLimitHits } from './rate-limit-schema.js';

type Callback = (err: Error | null, res?: { current: number; ttl: number }) => void;

/**
 * The upsert that counts one hit of `key` in a fixed window of `windowMs` from `now`, returning
 * `hits, resets_at`: one statement, so two instances counting the same address at once both land in
 * the row. A use case may run it as a CTE of its own statement (one round trip for both).
 */
export function hitUpsert(key: string, windowMs: number, now: Date): SQL {
  return hitUpsertOf(key, now.toISOString(), new Date(now.getTime() + windowMs).toISOString());
}

/**
 * `hitUpsert` with its values given as they go into the statement (ISO strings, or
 * `sql.placeholder`s of a prepared statement): the key, the time now, the end of a new window.
 */
export function hitUpsertOf(key: unknown, at: unknown, until: unknown): SQL {
  return sql`
      insert into rate_limit_hits (key, hits, resets_at) values (${key}, 1, ${until}::timestamptz)
      on conflict (key) do update set
        hits = case when rate_limit_hits.resets_at <= ${at}::timestamptz then 1 else rate_limit_hits.hits + 1 end,
        resets_at = case when rate_limit_hits.resets_at <= ${at}::timestamptz then ${until}::timestamptz else rate_limit_hits.resets_at end
      returning hits, resets_at`;
}

/** The hits so far and the milliseconds left, from a row `hitUpsert` returned. */
export function hitOf(row: { hits: number | string; resets_at: Date | string }, now: Date) {
  const ttl = Math.max(0, new Date(row.resets_at).getTime() - now.getTime());
  return { current: Number(row.hits), ttl };
}

/** One hit of `key` in a fixed window of `windowMs`: the hits so far and the milliseconds left. */
export async function countHit(
  ctx: AppContext,
  key: string,
  windowMs: number,
): Promise<{ current: number; ttl: number }> {
  const now = ctx.clock.now();
  const rows = rowsOf<{ hits: number; resets_at: Date | string }>(
    await ctx.db.execute(hitUpsert(key, windowMs, now)),
  );
  return hitOf(rows[0], now);
}

/**
 * The stored key of an address under the limit a plugin registered as `scope` — the one the
 * store below counts for every route of that plugin without a limit of its own (the package's
 * default key: the address, an IPv6 one reduced to its /64).
 */
export const scopeKey = (ctx: AppContext, scope: string, ip: string) =>
  ctx.crypto.digest(`rate|${scope}|${normalizeIP(ip)}`);

/**
 * A store for @fastify/rate-limit kept in the database, so a limit holds across every instance
 * behind the proxy (the package's default store is this process's memory). Keys are keyed digests:
 * no address is stored in clear. `scope` names the plugin that registers the limit; a route with
 * its own limit counts in a child named by its method and URL.
 */
export function dbRateStore(ctx: AppContext, scope: string) {
  class DbRateStore {
    constructor(
      _options?: unknown,
      private readonly prefix = `${scope}|`,
    ) {}

    incr(key: string, cb: Callback, timeWindow: number): void {
      countHit(ctx, ctx.crypto.digest(`rate|${this.prefix}${key}`), timeWindow).then(
        (res) => cb(null, res),
        (err) => cb(err instanceof Error ? err : new Error(String(err))),
      );
    }

    child(routeOptions: { routeInfo?: { method?: string | string[]; url?: string } }): DbRateStore {
      const r = routeOptions.routeInfo ?? {};
      return new DbRateStore(undefined, `${this.prefix}${[r.method].flat().join(',')} ${r.url ?? ''}|`);
    }
  }
  return DbRateStore;
}

/** Forgets the counters whose window has ended. */
export async function sweepRateLimits(ctx: AppContext): Promise<void> {
  await ctx.db.delete(rateLimitHits).where(lt(rateLimitHits.resetsAt, ctx.clock.now()));
}
