import { randomBytes } from 'node:crypto';
import { and, eq, isNotNull } from 'drizzle-orm';
import { chinaDate } from '../../../../domain/calendar.js';
import { formatReceiptCode, normalizeReceiptCode, RECEIPT_BYTES } from '../../../../domain/receipt-code.js';
import type { AppContext } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/client.js';
import { notFound } from '../../../platform/http/errors.js';
import { enqueueJob } from '../../../platform/jobs/enqueue.js';
import { registerTask } from '../../../platform/jobs/registry.js';
import { checkAnswer, refusedCheck, spendChallenge } from '../../petitions/portal/challenge.js';
import { countWrongCode, refuseIfGuessing } from '../../petitions/portal/throttle.js';
import { pledges } from '../schema.js';
import { villagePledgeBoard } from './board.js';
import type { FollowInput } from './contract.js';
import { pledgeFollowers as f } from './schema.js';

const codeDigest = (ctx: AppContext, canonical: string) => ctx.crypto.digest(`pledge-follow|${canonical}`);
const phoneDigest = (ctx: AppContext, phone: string) => ctx.crypto.digest(`pledge-phone|${phone}`);
export const FOLLOW_SMS = 'pledge.follow_sms';
export const NO_SUCH_FOLLOW = '未找到该关注码对应的任期承诺';

/** The pledges the public board shows: those of the cadres in post (see board.ts). */
async function publicPledge(ctx: AppContext, pledgeId: number) {
  const [p] = await ctx.db.select({ orgId: pledges.orgId }).from(pledges).where(eq(pledges.id, pledgeId));
  const board = p ? await villagePledgeBoard(ctx, p.orgId) : null;
  const found = board?.pledges.find((x) => x.id === pledgeId);
  if (!board || !found) throw notFound('该任期承诺不存在或未公开');
  return { village: board.village, asOf: board.asOf, pledge: found };
}

/**
 * 关注承诺: a follow code (shown once) and, with a phone number, an SMS at each new progress entry.
 * Behind the portal's anti-bot check, so nobody sends a stranger's phone a stream of messages cheaply.
 */
export async function followPledge(ctx: AppContext, pledgeId: number, input: FollowInput) {
  if (input.website?.trim()) throw refusedCheck();
  const answer = checkAnswer(ctx, input.challenge);
  await publicPledge(ctx, pledgeId);
  const phone = input.phone || null;
  const code = formatReceiptCode(randomBytes(RECEIPT_BYTES));
  await ctx.db.transaction(async (tx) => {
    await spendChallenge(tx, ctx, answer);
    if (phone)
      await tx.delete(f).where(and(eq(f.pledgeId, pledgeId), eq(f.phoneDigest, phoneDigest(ctx, phone))));
    await tx.insert(f).values({
      pledgeId,
      codeDigest: codeDigest(ctx, code.replaceAll('-', '')),
      phoneEnc: phone ? ctx.crypto.encrypt(phone) : null,
      phoneDigest: phone ? phoneDigest(ctx, phone) : null,
      createdAt: ctx.clock.now(),
    });
  });
  return { followCode: code, sms: !!phone };
}

async function followerByCode(ctx: AppContext, ip: string, code: string) {
  await refuseIfGuessing(ctx, ip);
  const canonical = normalizeReceiptCode(code);
  const [row] = await ctx.db
    .select()
    .from(f)
    .where(eq(f.codeDigest, codeDigest(ctx, canonical ?? `invalid|${code.slice(0, 64)}`)));
  if (!row || !canonical) {
    await countWrongCode(ctx, ip);
    throw notFound(NO_SUCH_FOLLOW);
  }
  return row;
}

/** The followed pledge as the board shows it, opened with the follow code. */
export async function followedPledge(ctx: AppContext, ip: string, code: string) {
  const row = await followerByCode(ctx, ip, code);
  return { ...(await publicPledge(ctx, row.pledgeId)), sms: !!row.phoneEnc };
}

/** Ends the following (and forgets the phone). */
export async function unfollowPledge(ctx: AppContext, ip: string, code: string) {
  const row = await followerByCode(ctx, ip, code);
  await ctx.db.delete(f).where(eq(f.id, row.id));
  return { ok: true };
}

/**
 * Inside the transaction of a new progress entry: one SMS job per phone following the pledge, sent
 * only if the entry commits. The job carries the follower's id, never the number.
 */
export async function notifyFollowersIn(tx: Queryable, ctx: AppContext, pledgeId: number, entryId: number) {
  const rows = await tx
    .select({ id: f.id })
    .from(f)
    .where(and(eq(f.pledgeId, pledgeId), isNotNull(f.phoneEnc)));
  for (const r of rows)
    await enqueueJob(tx, ctx.clock, {
      name: FOLLOW_SMS,
      payload: { followerId: r.id, pledgeId },
      key: `pledge-follow:${entryId}:${r.id}`,
    });
}

export function registerFollowTask(): void {
  registerTask<{ followerId: number; pledgeId: number }>({
    name: FOLLOW_SMS,
    run: async (ctx, { followerId, pledgeId }) => {
      const [row] = await ctx.db.select().from(f).where(eq(f.id, followerId));
      if (!row?.phoneEnc) return; // unfollowed meanwhile
      const { pledge, village } = await publicPledge(ctx, pledgeId).catch(() => ({
        pledge: null,
        village: null,
      }));
      if (!pledge || !village) return;
      await ctx.senders.sms.send({
        to: ctx.crypto.decrypt(row.phoneEnc),
        body: `【${village.name}任期承诺】您关注的${pledge.cadre}「${pledge.title}」有新进展：截至${chinaDate(ctx.clock.now())}总体进度${pledge.progress}%。`,
      });
    },
  });
}
