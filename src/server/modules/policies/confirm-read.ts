import { and, eq, isNull, sql } from 'drizzle-orm';
import { chinaDate } from '../../../domain/calendar.js';
import { scoreQuiz } from '../../../domain/policy-library.js';
import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/client.js';
import { badRequest, unprocessable } from '../../platform/http/errors.js';
import { completeTodos } from '../../platform/todos/close-todos.js';
import { loadMyRead } from './my-reads.js';
import { READ_TODO } from './read-duties.js';
import { policyReads } from './schema.js';
import type { Quiz } from './visibility.js';

/**
 * 确认学习: the caller confirms reading one of their duties; with a quiz, the answers are scored and
 * only a pass confirms (a fail is recorded as an attempt and the to-do stays). Confirming closes
 * the to-do. Runs inside the caller's transaction.
 */
export async function confirmReadIn(
  tx: Queryable,
  ctx: AppContext,
  actor: Actor,
  readId: number,
  answers: (number | null)[] | undefined,
): Promise<{ confirmed: boolean; score: number | null; passMark: number | null }> {
  const r = await loadMyRead(tx, actor, readId);
  if (r.read.confirmedAt) throw unprocessable('已确认学习，无需重复确认');
  const quiz = r.quiz as Quiz | null;
  let score: number | null = null;
  let passed = true;
  if (quiz) {
    if (!answers || answers.length !== quiz.questions.length) {
      const message = `请回答全部 ${quiz.questions.length} 道测验题`;
      throw badRequest(message, { answers: message });
    }
    ({ score, passed } = scoreQuiz(quiz.questions, answers, quiz.passMark));
  }
  const now = ctx.clock.now();
  const [saved] = await tx
    .update(policyReads)
    .set({
      quizScore: score,
      quizAttempts: sql`${policyReads.quizAttempts} + ${quiz ? 1 : 0}`,
      ...(passed ? { confirmedAt: now, confirmedOn: chinaDate(now) } : {}),
    })
    .where(and(eq(policyReads.id, readId), isNull(policyReads.confirmedAt)))
    .returning({ id: policyReads.id });
  if (!saved) throw unprocessable('已确认学习，无需重复确认');
  if (passed) await completeTodos(tx, ctx.clock, { recordType: READ_TODO, recordId: readId });
  await recordAudit(tx, ctx.clock, actor, {
    action: passed ? 'policy.confirm_read' : 'policy.quiz_failed',
    objectType: 'policy',
    objectId: r.policyId,
    detail: { title: r.title, versionNo: r.versionNo, readId, score },
  });
  return { confirmed: passed, score, passMark: quiz?.passMark ?? null };
}

export function confirmRead(opts: {
  ctx: AppContext;
  actor: Actor;
  readId: number;
  answers?: (number | null)[];
}) {
  const { ctx, actor, readId, answers } = opts;
  return ctx.db.transaction((tx) => confirmReadIn(tx, ctx, actor, readId, answers));
}
