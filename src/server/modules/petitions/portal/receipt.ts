import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { formatReceiptCode, normalizeReceiptCode, RECEIPT_BYTES } from '../../../../domain/receipt-code.js';
import type { AppContext } from '../../../platform/context.js';
import { notFound } from '../../../platform/http/errors.js';
import { petitions } from '../schema.js';
import type { Petition } from '../workflow/petition-clock.js';
import { countWrongCode, refuseIfGuessing } from './throttle.js';

/** Only the keyed digest of a receipt code is stored (petitions.receipt_digest); the code cannot be recovered. */
export const receiptDigest = (ctx: AppContext, canonical: string) =>
  ctx.crypto.digest(`receipt|${canonical}`);

/** A fresh code (80 bits from the system's CSPRNG) and the digest to store for it. */
export function newReceipt(ctx: AppContext): { code: string; digest: string } {
  const code = formatReceiptCode(randomBytes(RECEIPT_BYTES));
  return { code, digest: receiptDigest(ctx, code.replaceAll('-', '')) };
}

export const NO_SUCH_CODE = '未找到该查询码对应的信访件';

/**
 * The petition a receipt code opens. Refused with 429 while the address is guessing; any code
 * that opens nothing — malformed or merely wrong — costs one of its tries and gets the same 404
 * after the same work (one digest, one indexed look-up).
 */
export async function petitionByCode(ctx: AppContext, ip: string, code: string): Promise<Petition> {
  await refuseIfGuessing(ctx, ip);
  const canonical = normalizeReceiptCode(code);
  const digest = receiptDigest(ctx, canonical ?? `invalid|${code.slice(0, 64)}`);
  const [row] = await ctx.db.select().from(petitions).where(eq(petitions.receiptDigest, digest));
  if (!row || !canonical) {
    await countWrongCode(ctx, ip);
    throw notFound(NO_SUCH_CODE);
  }
  return row;
}
