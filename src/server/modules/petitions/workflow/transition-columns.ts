import { and, count, eq, isNull, sql } from 'drizzle-orm';
import { petitionSearchTokens } from '../../../../domain/petition-code.js';
import {
  type PetitionAction,
  type PetitionStatus,
  reviewRequestProblem,
} from '../../../../domain/petition-workflow.js';
import type { Actor } from '../../../platform/access/actor.js';
import { recusedUsers } from '../../../platform/access/recusal.js';
import type { AppContext } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/client.js';
import { badRequest, unprocessable } from '../../../platform/http/errors.js';
import { orgs } from '../../../platform/orgs/schema.js';
import { roleHolders } from '../../../platform/todos/recipients.js';
import { users } from '../../../platform/users/schema.js';
import { petitionClockRules } from '../clock-rules.js';
import { petitionDocuments, petitionSubjects } from '../schema.js';
import { approvalBlock } from './four-eyes.js';
import type { Petition } from './petition-clock.js';
import { subjectCadreIdsOf } from './petition-recusal.js';
import type { TransitionExtra } from './transition-contract.js';

export interface StepChange {
  columns: Partial<Petition>;
  /** 调查报告, 处理意见, notices and replies kept as documents of their own. */
  document?: { kind: string; content: string };
  note?: string | null;
}

const need = (value: string | undefined, field: string, message: string): string => {
  if (!value?.trim()) throw badRequest(message, { [field]: message });
  return value.trim();
};

/** The columns an action writes besides the status, after checking what it needs. */
export async function stepChange(
  tx: Queryable,
  ctx: AppContext,
  actor: Actor | null,
  p: Petition,
  action: PetitionAction,
  x: TransitionExtra,
  on: string,
): Promise<StepChange> {
  switch (action) {
    case 'accept':
      return { columns: { acceptedOn: on }, note: x.note };
    case 'decline': {
      const reason = need(x.declineReason, 'declineReason', '请填写不予受理理由');
      const notice =
        x.notice?.trim() ||
        `经审查，您反映的问题依规不予受理。理由：${reason}。如有异议，可依规向上级机关反映。`;
      return {
        columns: { declinedOn: on, declineReason: reason },
        document: { kind: 'notice', content: notice },
        note: reason,
      };
    }
    case 'investigate':
      return investigate(tx, p, x);
    case 'hold':
      return { columns: { disposal: 'hold' }, note: x.note };
    case 'close':
      return {
        columns: { disposal: 'close' },
        document: { kind: 'opinion', content: need(x.opinion, 'opinion', '予以了结请填写处理意见') },
      };
    case 'report':
      return {
        columns: { reportedOn: on },
        document: { kind: 'report', content: need(x.report, 'report', '请填写调查报告') },
      };
    case 'submit': {
      const [{ n }] = await tx
        .select({ n: count() })
        .from(petitionDocuments)
        .where(and(eq(petitionDocuments.petitionId, p.id), eq(petitionDocuments.kind, 'opinion')));
      if (!n) throw unprocessable('尚未填写处理意见，请先添加处理意见再提交审批');
      return { columns: {}, note: x.note };
    }
    case 'approve': {
      const blocked = await approvalBlock(tx, ctx, actor, p);
      if (blocked) throw unprocessable(blocked);
      return { columns: { approvedOn: on }, note: x.note };
    }
    case 'return':
      return { columns: {}, note: need(x.note ?? undefined, 'note', '请填写退回理由') };
    case 'reply': {
      const reply = need(x.reply, 'reply', '请填写答复内容');
      return {
        columns: { reply, repliedOn: on, searchTokens: await tokensWith(tx, p, reply) },
        document: { kind: 'reply', content: reply },
      };
    }
    case 'conclude':
      return { columns: { concludedOn: on }, note: x.note };
    case 'request_review': {
      const problem = reviewRequestProblem(
        { ...p, status: p.status as PetitionStatus },
        on,
        await petitionClockRules(ctx.rules, on),
      );
      if (problem) throw unprocessable(problem);
      return { columns: { reviewLevel: p.reviewLevel + 1, reviewRequestedOn: on }, note: x.note };
    }
    case 'answer_review': {
      const reply = need(x.reply, 'reply', '请填写复查（复核）答复内容');
      return {
        columns: {
          reply,
          repliedOn: on,
          concludedOn: on,
          searchTokens: await tokensWith(tx, p, reply),
        },
        document: { kind: 'review_answer', content: reply },
      };
    }
  }
}

/** The search tokens once the reply is written: the matter, the reply, the number, the names. */
async function tokensWith(tx: Queryable, p: Petition, reply: string) {
  const names = await tx
    .select({ name: petitionSubjects.name })
    .from(petitionSubjects)
    .where(eq(petitionSubjects.petitionId, p.id));
  return petitionSearchTokens(
    { ...p, reply },
    names.map((n) => n.name),
  );
}

/** 谈话函询 / 初步核实: to an investigator of the org, or handed to a unit below it. */
async function investigate(tx: Queryable, p: Petition, x: TransitionExtra): Promise<StepChange> {
  const disposal = x.disposal ?? (p.disposal === 'talk_inquiry' ? 'talk_inquiry' : undefined);
  if (!disposal) throw badRequest('请选择处置方式（谈话函询或初步核实）', { disposal: '请选择处置方式' });
  if (!x.investigatorUserId && !x.assignedUnitOrgId)
    throw badRequest('请指定调查人或承办单位', { investigatorUserId: '请指定调查人或承办单位' });
  const [org] = await tx.select({ path: orgs.path }).from(orgs).where(eq(orgs.id, p.orgId));
  const under = sql`${orgs.path} like ${`${org?.path ?? '/'}%`}`;
  if (x.investigatorUserId) {
    const [u] = await tx
      .select({ id: users.id })
      .from(users)
      .innerJoin(orgs, eq(orgs.id, users.orgId))
      .where(and(eq(users.id, x.investigatorUserId), isNull(users.disabledAt), under));
    if (!u) throw badRequest('调查人不在本单位', { investigatorUserId: '调查人不在本单位' });
  }
  if (x.assignedUnitOrgId) {
    const [u] = await tx
      .select({ id: orgs.id, path: orgs.path })
      .from(orgs)
      .where(and(eq(orgs.id, x.assignedUnitOrgId), under));
    if (!u || u.id === p.orgId)
      throw badRequest('承办单位应为本单位的下属单位', { assignedUnitOrgId: '承办单位应为本单位的下属单位' });
    await refuseRecusedUnit(tx, p, u);
  }
  if (x.investigatorUserId) await refuseRecusedInvestigator(tx, p, x.investigatorUserId);
  return {
    columns: {
      disposal,
      investigatorUserId: x.investigatorUserId ?? null,
      assignedUnitOrgId: x.assignedUnitOrgId ?? null,
    },
    note: x.note,
  };
}

/**
 * 回避 at assignment: a case is not handed to an investigator who must recuse from a cadre it names
 * (the cadre, or a user registered as related), nor to a unit whose every head must. The officer is
 * told to choose another; a recusal registered later moves the step to the case's handlers instead.
 */
async function refuseRecusedInvestigator(tx: Queryable, p: Petition, userId: number): Promise<void> {
  const subjects = await subjectCadreIdsOf(tx, p.id);
  if ((await recusedUsers(tx, [userId], subjects)).has(userId)) {
    const message = '该调查人与被反映人存在回避关系（本人或登记的亲属），请另行指定调查人';
    throw unprocessable(message, { investigatorUserId: message });
  }
}

async function refuseRecusedUnit(tx: Queryable, p: Petition, unit: { id: number; path: string }) {
  const subjects = await subjectCadreIdsOf(tx, p.id);
  if (!subjects.length) return;
  const heads = await roleHolders(tx, 'unit_head', unit);
  if (heads.length === 0) return;
  if ((await roleHolders(tx, 'unit_head', unit, subjects)).length === 0) {
    const message =
      '该单位负责人与被反映人存在回避关系（本人或登记的亲属），不能交由该单位办理，请另行指定调查人或承办单位';
    throw unprocessable(message, { assignedUnitOrgId: message });
  }
}
