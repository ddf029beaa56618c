import { randomUUID } from 'node:crypto';
import { eq, inArray, sql } from 'drizzle-orm';
import { ballotProblem } from '../../../domain/assessments/evaluation.js';
import { normalizeReceiptCode } from '../../../domain/receipt-code.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/client.js';
import { preparedStatement } from '../../platform/db/prepared.js';
import { rowsOf } from '../../platform/db/rows.js';
import { hitOf, hitUpsertOf, scopeKey } from '../../platform/http/db-rate-store.js';
import { badRequest, unprocessable } from '../../platform/http/errors.js';
import { PORTAL_MAX, PORTAL_WINDOW_MS, portalTooMany } from '../../platform/http/portal-limits.js';
import { cadres } from '../cadres/schema.js';
import {
  countWrongCode,
  guessingOf,
  guessingRefusal,
  refuseIfGuessing,
  WRONG_CODE_WINDOW_MS,
  wrongCodesKey,
} from '../petitions/portal/throttle.js';
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

/** The subject ids a ballot's answers name, sorted, when the answers are well formed on their own. */
function answeredSubjects(answers: unknown): number[] | null {
  if (!answers || typeof answers !== 'object' || Array.isArray(answers)) return null;
  const keys = Object.keys(answers);
  if (!keys.length || keys.some((k) => !/^[1-9]\d{0,14}$/.test(k))) return null;
  const ids = keys.map(Number).sort((a, b) => a - b);
  return ballotProblem(answers, ids) ? null : ids;
}

interface CastRow {
  hits: number;
  resets_at: Date | string;
  guessing: boolean;
  stored: number | string;
  used: boolean | null;
  status: string | null;
  subject_cadre_ids: number[] | string | null;
}

/** `castBallot`'s one statement, prepared once per connection (a meeting votes at once). */
const castStatement = preparedStatement<CastRow>('jd_cast_ballot', () => {
  const p = (name: string) => sql.placeholder(name);
  return sql`
    with hit as (${hitUpsertOf(p('hitKey'), p('at'), p('until'))}),
    guessing as (${guessingOf(p('guessKey'), p('guessFrom'))}),
    code as (
      select c.id, c.used, e.status, e.subject_cadre_ids
        from ${evaluationCodes} c join ${evaluations} e on e.id = c.evaluation_id
       where c.code_digest = ${p('digest')}),
    spent as (
      update ${evaluationCodes} set used = true
       where ${evaluationCodes.id} = (select id from code) and ${evaluationCodes.used} = false
         and ${p('wellFormed')}::boolean and (select hits from hit) <= ${PORTAL_MAX}
         and not (select yes from guessing)
         and exists (
           select 1 from ${evaluations} e
            where e.id = ${evaluationCodes.evaluationId} and e.status = 'open'
              and (select array_agg(s order by s) from unnest(e.subject_cadre_ids) s)
                  = ${p('subjects')}::bigint[])
      returning ${evaluationCodes.evaluationId} as evaluation_id),
    stored as (
      insert into ${evaluationBallots} (id, evaluation_id, channel, answers)
      select ${p('id')}::text, evaluation_id, 'online', ${p('answers')}::jsonb from spent
      returning id)
    select h.hits, h.resets_at, g.yes as guessing, (select count(*) from stored) as stored,
           c.used, c.status, c.subject_cadre_ids
      from hit h cross join guessing g left join code c on true`;
});

/**
 * 投票 on the portal in one statement, one round trip: it counts the address's hit in the portal
 * limit of `scope` (the same counter as the plugin's, see `countedByTheUseCase`), reads whether the
 * address is guessing codes, and spends the code and stores the ballot only when the hit is within
 * the limit, the address is not guessing, the code is unused, the evaluation open and the answers
 * name exactly its subjects. The spend stays a guarded update (two concurrent uses store one
 * ballot) and the ballot carries nothing of the code or the address. When nothing was stored, the
 * row it read says why, in the order the checks always had: too many requests, guessing, an unknown
 * or used code (neutral, counted as a wrong code), a closed evaluation, the answers' problem.
 */
export async function castBallot(
  ctx: AppContext,
  ip: string,
  code: string,
  answers: unknown,
  opts: { scope: string; counted: () => void },
) {
  const now = ctx.clock.now();
  const canonical = normalizeReceiptCode(code);
  const subjects = answeredSubjects(answers);
  const rows = await castStatement(ctx.db, {
    hitKey: scopeKey(ctx, opts.scope, ip),
    at: now.toISOString(),
    until: new Date(now.getTime() + PORTAL_WINDOW_MS).toISOString(),
    guessKey: wrongCodesKey(ctx, ip),
    guessFrom: new Date(now.getTime() - WRONG_CODE_WINDOW_MS).toISOString(),
    digest: canonical ? codeDigest(ctx, canonical) : '',
    wellFormed: canonical !== null && subjects !== null,
    subjects: `{${(subjects ?? []).join(',')}}`,
    id: randomUUID(),
    answers: JSON.stringify(answers ?? null),
  });
  opts.counted();
  const row = rows[0];
  const hit = hitOf(row, now);
  if (hit.current > PORTAL_MAX) throw portalTooMany(hit.ttl);
  if (row.guessing) throw guessingRefusal();
  if (Number(row.stored) === 1) return { ok: true as const };
  if (row.used === null || row.used) return wrongCode(ctx, ip);
  if (row.status !== 'open') throw unprocessable('本次测评已结束，不能再投票', { code: '本次测评已结束' });
  const problem = ballotProblem(answers, bigints(row.subject_cadre_ids));
  if (problem) throw badRequest(problem, { answers: problem });
  // spent by a concurrent request, or the evaluation closed meanwhile
  return wrongCode(ctx, ip);
}

async function wrongCode(ctx: AppContext, ip: string): Promise<never> {
  await countWrongCode(ctx, ip);
  throw neutral();
}

/** A bigint[] column as numbers (PGlite and node-postgres may hand it over parsed or as text). */
const bigints = (v: number[] | string | null): number[] =>
  v === null
    ? []
    : Array.isArray(v)
      ? v.map(Number)
      : v.replace(/[{}]/g, '').split(',').filter(Boolean).map(Number);
