import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { formatReceiptCode, normalizeReceiptCode, RECEIPT_BYTES } from '../../../domain/receipt-code.js';
import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/client.js';
import { AppError, badRequest, unprocessable } from '../../platform/http/errors.js';
import { loadCadre } from '../cadres/load-cadre.js';
import { loadEvaluation, requireOrg } from './access.js';
import type { EvaluationInput } from './contract.js';
import { evaluationCodes, evaluations } from './schema.js';

const bad = (field: string, message: string) => badRequest(message, { [field]: message });

/** 组织民主测评: the subjects (cadres in scope, not recused), the electorate and the day. */
export async function createEvaluationIn(
  tx: Queryable,
  ctx: AppContext,
  actor: Actor,
  input: EvaluationInput,
) {
  const org = await requireOrg(tx, actor, input.orgId);
  if (new Set(input.subjectCadreIds).size !== input.subjectCadreIds.length)
    throw bad('subjectCadreIds', '测评对象重复');
  if (input.subjectKind === 'cadre' && input.subjectCadreIds.length !== 1)
    throw bad('subjectCadreIds', '对个人的测评只能有一名测评对象，多人请选择“领导班子”');
  for (const [i, id] of input.subjectCadreIds.entries()) {
    try {
      await loadCadre(tx, actor, id);
    } catch (e) {
      if (e instanceof AppError) throw bad(`subjectCadreIds.${i}`, '测评对象不存在或不在您的管理范围内');
      throw e;
    }
  }
  const now = ctx.clock.now();
  const [row] = await tx
    .insert(evaluations)
    .values({
      orgId: org.id,
      title: input.title,
      subjectKind: input.subjectKind,
      subjectCadreIds: input.subjectCadreIds,
      electorate: input.electorate,
      heldOn: input.heldOn,
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  await recordAudit(tx, ctx.clock, actor, {
    action: 'assessment.evaluation_create',
    objectType: 'evaluation',
    objectId: row.id,
    detail: { subjects: input.subjectCadreIds.length, electorate: input.electorate },
  });
  return row;
}

export const codeDigest = (ctx: AppContext, canonical: string) => ctx.crypto.digest(`ballot|${canonical}`);

/**
 * 生成测评码: `count` one-time codes (80 random bits each), shown once — only their keyed digests are
 * kept, so they cannot be printed again (issue more instead). Codes and paper ballots together never
 * exceed the electorate.
 */
export async function issueCodesIn(tx: Queryable, ctx: AppContext, actor: Actor, id: number, count: number) {
  const ev = await loadEvaluation(tx, actor, id);
  if (ev.status !== 'open') throw unprocessable('测评已结束，不能再生成测评码', { count: '测评已结束' });
  if (ev.codesIssued + count > ev.electorate)
    throw bad('count', `测评码总数不能超过应参加测评人数 ${ev.electorate}（已生成 ${ev.codesIssued} 个）`);
  const codes: string[] = [];
  while (codes.length < count) {
    const c = formatReceiptCode(randomBytes(RECEIPT_BYTES));
    if (!codes.includes(c)) codes.push(c);
  }
  await tx
    .insert(evaluationCodes)
    .values(
      codes.map((c) => ({ evaluationId: ev.id, codeDigest: codeDigest(ctx, normalizeReceiptCode(c)!) })),
    );
  await tx
    .update(evaluations)
    .set({ codesIssued: sql`${evaluations.codesIssued} + ${count}`, updatedAt: ctx.clock.now() })
    .where(eq(evaluations.id, ev.id));
  await recordAudit(tx, ctx.clock, actor, {
    action: 'assessment.codes_issue',
    objectType: 'evaluation',
    objectId: ev.id,
    detail: { count },
  });
  return { codes, issued: ev.codesIssued + count, evaluation: ev };
}
