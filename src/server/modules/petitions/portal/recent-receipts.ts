import { and, eq, gte, lt } from 'drizzle-orm';
import type { AppContext } from '../../../platform/context.js';
import { FieldCrypto } from '../../../platform/crypto/field-crypto.js';
import type { Queryable } from '../../../platform/db/client.js';
import { portalRecentReceipts } from './schema.js';

/**
 * The receipt code of a submission, kept for a few minutes only, so a resend of the same form
 * (double click, retry after a dropped answer) can show the code again — on any server instance.
 * It is stored sealed (SM4 + HMAC-SM3) under a key derived from the form's own idempotency key,
 * which only the reporter's browser holds (the server keeps its digest under another label): the
 * database, a backup or an administrator cannot open it. After the window the row is swept and a
 * resend gets the petition's status without the code.
 */
export const RESEND_WINDOW_MS = 5 * 60_000;

/** The sealing key of a form: HMAC-SM3(field key, "portal-resend|" + form key), 32 bytes. */
const sealerOf = (ctx: AppContext, formKey: string) =>
  new FieldCrypto(ctx.crypto.digest(`portal-resend|${formKey}`));

/** Keeps the code of a new submission (inside its transaction). */
export async function rememberReceipt(
  tx: Queryable,
  ctx: AppContext,
  at: { keyDigest: string; formKey: string },
  code: string,
): Promise<void> {
  const now = ctx.clock.now();
  await tx
    .insert(portalRecentReceipts)
    .values({
      key: at.keyDigest,
      sealed: sealerOf(ctx, at.formKey).encrypt(code),
      expiresAt: new Date(now.getTime() + RESEND_WINDOW_MS),
    })
    .onConflictDoNothing();
}

/** The code of a form resent within the window, else null. */
export async function recallReceipt(
  db: Queryable,
  ctx: AppContext,
  at: { keyDigest: string; formKey: string },
): Promise<string | null> {
  const [hit] = await db
    .select({ sealed: portalRecentReceipts.sealed })
    .from(portalRecentReceipts)
    .where(
      and(eq(portalRecentReceipts.key, at.keyDigest), gte(portalRecentReceipts.expiresAt, ctx.clock.now())),
    );
  if (!hit) return null;
  try {
    return sealerOf(ctx, at.formKey).decrypt(hit.sealed);
  } catch {
    return null;
  }
}

/** Forgets the codes past their window (a job, every few minutes). */
export async function sweepRecentReceipts(ctx: AppContext): Promise<void> {
  await ctx.db.delete(portalRecentReceipts).where(lt(portalRecentReceipts.expiresAt, ctx.clock.now()));
}
