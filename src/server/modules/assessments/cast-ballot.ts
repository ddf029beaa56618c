import { randomUUID } from 'node:crypto';
import { eq, inArray, sql } from 'drizzle-orm';
import { ballotProblem } from '../../../domain/assessments/evaluation.js';
import { normalizeReceiptCode } from '../../../domain/receipt-code.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/client.js';
import { rowsOf } from '../../platform/db/rows.js';
import { badRequest, unprocessable } from '../../platform/http/errors.js';
import { cadres } from '../cadres/schema.js';
import { countWrongCode, refuseIfGuessing } from '../petitions/portal/throttle.js';
import { codeDigest } from './create-evaluation.js';
import { evaluationBallots, evaluationCodes, evaluations } from './schema.js';

/** The same answer for an unknown code and a used one: nothing tells which. */
export const NEUTRAL = '测评码无效或已使用';
const neutral = () => badRequest(NEUTRAL, { code: NEUTRAL });

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
 * Spends a code and stores its ballot in one statement (atomic on its own, or inside the caller's
 * transaction); null when the code is unknown or used. The ballot has a random id and no time,
 * address or code, so nothing links it to the code or a person. The spend is a guarded update, so
 * two concurrent uses store one ballot; an evaluation closed meanwhile stores none.
 */
export async function spendCodeIn(db: Queryable, ctx: AppContext, code: string, answers: unknown) {
  const row = await unusedCode(db, ctx, code);
  if (!row) return null;
  if (row.e.status !== 'open') throw unprocessable('本次测评已结束，不能再投票', { code: '本次测评已结束' });
  const problem = ballotProblem(answers, row.e.subjectCadreIds);
  if (problem) throw badRequest(problem, { answers: problem });
  const stored = await db.execute(sql`
    with spent as (
      update ${evaluationCodes} set used = true
       where ${evaluationCodes.id} = ${row.c.id} and ${evaluationCodes.used} = false
         and exists (select 1 from ${evaluations} e where e.id = ${evaluationCodes.evaluationId} and e.status = 'open')
      returning ${evaluationCodes.evaluationId} as evaluation_id)
    insert into ${evaluationBallots} (id, evaluation_id, channel, answers)
    select ${randomUUID()}, evaluation_id, 'online', ${JSON.stringify(answers)}::jsonb from spent
    returning id`);
  return rowsOf(stored).length ? { ok: true as const } : null;
}

/** 投票 on the portal: the spend and the ballot in one statement, wrong codes counted per address. */
export async function castBallot(ctx: AppContext, ip: string, code: string, answers: unknown) {
  return guarded(ctx, ip, () => spendCodeIn(ctx.db, ctx, code, answers));
}
