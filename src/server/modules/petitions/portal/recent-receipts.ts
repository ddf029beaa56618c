import type { AppContext } from '../../../platform/context.js';

/**
 * The receipt code of a submission, kept in this process's memory for a few minutes only, so a
 * resend of the same form (double click, retry after a dropped answer) can show the code again.
 * It is never written anywhere; after the window, or on another server instance, a resend gets
 * the petition's status without the code.
 */
export const RESEND_WINDOW_MS = 5 * 60_000;
const byContext = new WeakMap<AppContext, Map<string, { code: string; until: number }>>();

const mapOf = (ctx: AppContext) => {
  const m = byContext.get(ctx) ?? new Map<string, { code: string; until: number }>();
  byContext.set(ctx, m);
  return m;
};

export function rememberReceipt(ctx: AppContext, keyDigest: string, code: string): void {
  const now = ctx.clock.now().getTime();
  const m = mapOf(ctx);
  for (const [k, v] of m) if (v.until < now) m.delete(k);
  m.set(keyDigest, { code, until: now + RESEND_WINDOW_MS });
}

export function recallReceipt(ctx: AppContext, keyDigest: string): string | null {
  const hit = mapOf(ctx).get(keyDigest);
  return hit && hit.until >= ctx.clock.now().getTime() ? hit.code : null;
}
