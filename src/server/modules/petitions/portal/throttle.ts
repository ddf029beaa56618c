import { eq, lt, type SQL, sql } from 'drizzle-orm';
import type { AppContext } from '../../../platform/context.js';
import { tooMany } from '../../../platform/http/errors.js';
import { portalThrottle } from './schema.js';

/** Wrong receipt codes allowed per address in the window before every look-up is refused. */
export const WRONG_CODES_ALLOWED = 10;
export const WRONG_CODE_WINDOW_MS = 15 * 60_000;

/** The stored key of an address's wrong codes (a keyed digest: no address in clear). */
export const wrongCodesKey = (ctx: AppContext, ip: string) => ctx.crypto.digest(`portal-ip|${ip}`);

export const guessingRefusal = () =>
  tooMany(`查询码输入错误次数过多，请 ${WRONG_CODE_WINDOW_MS / 60_000} 分钟后再试`);

/** 429 once an address has given too many wrong codes lately (before the code is even looked at). */
export async function refuseIfGuessing(ctx: AppContext, ip: string): Promise<void> {
  const [row] = await ctx.db
    .select()
    .from(portalThrottle)
    .where(eq(portalThrottle.key, wrongCodesKey(ctx, ip)));
  const now = ctx.clock.now().getTime();
  if (row && now - row.windowStart.getTime() <= WRONG_CODE_WINDOW_MS && row.failures >= WRONG_CODES_ALLOWED)
    throw guessingRefusal();
}

/**
 * The same test as `refuseIfGuessing` as a query of one row and one column `yes`, for a use case
 * that checks it inside a statement of its own (then refuses with `guessingRefusal`). Its values as
 * they go into the statement, or as `sql.placeholder`s of a prepared one: the address's key
 * (`wrongCodesKey`) and the start of the window (an ISO time, now − `WRONG_CODE_WINDOW_MS`).
 */
export function guessingOf(key: unknown, windowFrom: unknown): SQL {
  return sql`select exists (
      select 1 from ${portalThrottle} t
       where t.key = ${key} and t.window_start >= ${windowFrom}::timestamptz
         and t.failures >= ${WRONG_CODES_ALLOWED}) as yes`;
}

/** Counts one wrong code for the address; a window older than 15 minutes starts again. */
export async function countWrongCode(ctx: AppContext, ip: string): Promise<void> {
  const now = ctx.clock.now();
  const windowFrom = new Date(now.getTime() - WRONG_CODE_WINDOW_MS);
  // a window that has run out starts again here; the rows of ended windows are swept by a job
  // (`sweepWrongCodes`), not on every wrong code: that delete read the whole table each time
  await ctx.db
    .insert(portalThrottle)
    .values({ key: wrongCodesKey(ctx, ip), failures: 1, windowStart: now })
    .onConflictDoUpdate({
      target: portalThrottle.key,
      set: {
        failures: sql`case when ${portalThrottle.windowStart} < ${windowFrom} then 1 else ${portalThrottle.failures} + 1 end`,
        windowStart: sql`case when ${portalThrottle.windowStart} < ${windowFrom} then ${now} else ${portalThrottle.windowStart} end`,
      },
    });
}

/** Forgets the addresses whose wrong-code window has ended (the table holds only those guessing lately). */
export async function sweepWrongCodes(ctx: AppContext): Promise<void> {
  const windowFrom = new Date(ctx.clock.now().getTime() - WRONG_CODE_WINDOW_MS);
  await ctx.db.delete(portalThrottle).where(lt(portalThrottle.windowStart, windowFrom));
}
