import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { ballotProblem } from '../../../domain/assessments/evaluation.js';
import { normalizeReceiptCode } from '../../../domain/receipt-code.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/client.js';
import { badRequest, unprocessable } from '../../platform/http/errors.js';
import { cadres } from '../cadres/schema.js';
import { countWrongCode, refuseIfGuessing } from '../petitions/portal/throttle.js';
import { codeDigest } from './create-evaluation.js';
import { evaluationBallots, evaluationCodes, evaluations } from './schema.js';

/** The same answer for an unknown code and a used one: nothing tells which. */
export const NEUTRAL = '测评码无效或已使用';
const neutral = () => badRequest(NEUTRAL, { code: NEUTRAL });

class Refused extends Error {}

async function unusedCode(db: Queryable, ctx: AppContext, code: string) {
  const canonical = normalizeReceiptCode(code);
  if (!canonical) return null;
  const [row] = await db
    .select({ c: evaluationCodes, e: evaluations })
    .from(evaluationCodes)
    .innerJoin(evaluations, eq(evaluations.id, evaluationCodes.evaluationId))
    .where(eq(evaluationCodes.codeDigest, codeDigest(ctx, canonical)));
  return row && !row.c.used ? row : null;
}

async function guarded<T>(ctx: AppContext, ip: string, work: () => Promise<T | null>): Promise<T> {
  await refuseIfGuessing(ctx, ip);
  const out = await work();
  if (out === null) {
    await countWrongCode(ctx, ip);
    throw neutral();
  }
  return out;
}

/** The ballot a code opens (no account): the evaluation's title and its subjects' names. */
export async function openBallot(ctx: AppContext, ip: string, code: string) {
  return guarded(ctx, ip, async () => {
    const row = await unusedCode(ctx.db, ctx, code);
    if (!row) return null;
    if (row.e.status !== 'open') throw unprocessable('本次测评已结束', { code: '本次测评已结束' });
    const names = await ctx.db
      .select({ id: cadres.id, name: cadres.name })
      .from(cadres)
      .where(inArray(cadres.id, row.e.subjectCadreIds));
    return {
      title: row.e.title,
      subjects: row.e.subjectCadreIds.map((id) => ({ id, name: names.find((n) => n.id === id)?.name ?? '' })),
    };
  });
}

/**
 * Spends a code and stores its ballot inside the caller's transaction; null when the code is unknown
 * or used. The ballot has a random id and no time, address or code, so nothing links it to the code
 * or a person. The spend is a guarded update, so two concurrent uses store one ballot.
 */
export async function spendCodeIn(tx: Queryable, ctx: AppContext, code: string, answers: unknown) {
  const row = await unusedCode(tx, ctx, code);
  if (!row) return null;
  if (row.e.status !== 'open') throw unprocessable('本次测评已结束，不能再投票', { code: '本次测评已结束' });
  const problem = ballotProblem(answers, row.e.subjectCadreIds);
  if (problem) throw badRequest(problem, { answers: problem });
  const spent = await tx
    .update(evaluationCodes)
    .set({ used: true })
    .where(and(eq(evaluationCodes.id, row.c.id), eq(evaluationCodes.used, false)))
    .returning({ id: evaluationCodes.id });
  if (!spent.length) return null;
  await tx.insert(evaluationBallots).values({
    id: randomUUID(),
    evaluationId: row.e.id,
    channel: 'online',
    answers: answers as object,
  });
  return { ok: true as const };
}

/** 投票 on the portal: one transaction per ballot, wrong codes counted per address. */
export async function castBallot(ctx: AppContext, ip: string, code: string, answers: unknown) {
  return guarded(ctx, ip, async () => {
    try {
      return await ctx.db.transaction(async (tx) => {
        const done = await spendCodeIn(tx, ctx, code, answers);
        if (!done) throw new Refused();
        return done;
      });
    } catch (e) {
      if (e instanceof Refused) return null;
      throw e;
    }
  });
}
