import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { lt } from 'drizzle-orm';
import { leadingZeroBits, POW_DIFFICULTY, POW_TTL_MS } from '../../../../domain/proof-of-work.js';
import type { AppContext } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/client.js';
import { AppError } from '../../../platform/http/errors.js';
import { portalSpentChallenges } from './schema.js';

/**
 * The anti-bot check of the portal (see domain/proof-of-work.ts): a signed, expiring, single-use
 * challenge. The token is `<nonce>.<expires ms>.<difficulty>.<HMAC-SM3>`; nothing is stored until
 * it is answered, then its nonce is kept until expiry so it cannot be answered twice.
 */
export interface Challenge {
  token: string;
  difficulty: number;
  expiresAt: string;
}
export interface ChallengeAnswer {
  token: string;
  counter: number;
}

const sign = (ctx: AppContext, body: string) => ctx.crypto.digest(`portal-challenge|${body}`);

export function issueChallenge(ctx: AppContext): Challenge {
  const expires = ctx.clock.now().getTime() + POW_TTL_MS;
  const body = `${randomBytes(16).toString('base64url')}.${expires}.${POW_DIFFICULTY}`;
  return {
    token: `${body}.${sign(ctx, body)}`,
    difficulty: POW_DIFFICULTY,
    expiresAt: new Date(expires).toISOString(),
  };
}

/** One refusal for every way a submission fails the checks: a bot learns nothing from it. */
export const refusedCheck = () =>
  new AppError(400, 'challenge', '提交未通过安全校验，可能是页面停留过久。请稍候片刻后重新提交');

/** Checks the signature, expiry and work of an answer (no database); returns the nonce and expiry. */
export function checkAnswer(ctx: AppContext, answer: ChallengeAnswer): { nonce: string; expiresAt: Date } {
  const parts = answer.token.split('.');
  if (parts.length !== 4) throw refusedCheck();
  const [nonce, expires, difficulty, mac] = parts;
  const expected = Buffer.from(sign(ctx, `${nonce}.${expires}.${difficulty}`));
  const given = Buffer.from(mac);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw refusedCheck();
  const now = ctx.clock.now().getTime();
  if (!(Number(expires) > now) || Number(difficulty) < POW_DIFFICULTY) throw refusedCheck();
  const digest = createHash('sha256').update(`${answer.token}${answer.counter}`, 'latin1').digest();
  if (leadingZeroBits(digest) < Number(difficulty)) throw refusedCheck();
  return { nonce, expiresAt: new Date(Number(expires)) };
}

/** Marks an answered challenge as spent inside the submission's transaction; refuses a replay. */
export async function spendChallenge(
  tx: Queryable,
  ctx: AppContext,
  spent: { nonce: string; expiresAt: Date },
) {
  await tx.delete(portalSpentChallenges).where(lt(portalSpentChallenges.expiresAt, ctx.clock.now()));
  const [row] = await tx
    .insert(portalSpentChallenges)
    .values(spent)
    .onConflictDoNothing()
    .returning({ nonce: portalSpentChallenges.nonce });
  if (!row) throw refusedCheck();
}
