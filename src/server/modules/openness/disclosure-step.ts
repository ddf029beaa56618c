import { and, eq } from 'drizzle-orm';
import { chinaDate } from '../../../domain/calendar.js';
import {
  DISCLOSURE_ACTIONS,
  type DisclosureAction,
  type DisclosureStatus,
  disclosureTransition,
} from '../../../domain/openness/review.js';
import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import { conflict, forbidden, unprocessable } from '../../platform/http/errors.js';
import { cancelTodos, completeTodos } from '../../platform/todos/close-todos.js';
import { createTodo } from '../../platform/todos/create-todo.js';
import { loadDisclosure, loadUnit } from './access.js';
import { REVIEW_TODO } from './audit-labels.js';
import type { StepInput } from './contract.js';
import { disclosureEvent } from './events.js';
import { getDisclosure } from './get-disclosure.js';
import { afterPublication, publicationFields } from './publication.js';
import { revisionStep } from './revision-step.js';
import { disclosures } from './schema.js';

type StepAction = Exclude<DisclosureAction, 'edit'>;

const PERMISSION: Record<StepAction, string> = {
  submit: 'disclosure.draft',
  publish: 'disclosure.draft',
  withdraw: 'disclosure.draft',
  approve: 'disclosure.review',
  return: 'disclosure.review',
};

/**
 * One step of the chain: 提交审核 (村委会), 审核通过 / 退回 with a reason (村务监督委员会), 公开 (a
 * village's item only once approved; the 索引号 and 发文日期 given then), 撤回 with a reason. Each step
 * is an event with who and when, and an audit record.
 */
export async function disclosureStep(opts: {
  ctx: AppContext;
  actor: Actor;
  id: number;
  action: StepAction;
  input: StepInput;
}) {
  const { ctx, actor, id, action, input } = opts;
  if (!actor.permissions.has(PERMISSION[action])) throw forbidden();
  await ctx.db.transaction(async (tx) => {
    const row = await loadDisclosure(tx, actor, id, true);
    const unit = (await loadUnit(tx, row.orgId))!;
    const needsReview = unit.kind === 'village';
    if (needsReview && row.status === 'published' && action !== 'submit' && action !== 'withdraw') {
      await revisionStep(tx, ctx, actor, row, action, input);
      return;
    }
    const step = disclosureTransition(row.status as DisclosureStatus, action, needsReview);
    if ('problem' in step)
      throw unprocessable(step.problem.message, { [step.problem.field]: step.problem.message });
    const reason = input.reason?.trim() || null;
    if ((action === 'return' || action === 'withdraw') && !reason) {
      const m = action === 'return' ? '请填写退回理由' : '请填写撤回理由';
      throw unprocessable(m, { reason: m });
    }
    const today = chinaDate(ctx.clock.now());
    const set: Partial<typeof disclosures.$inferInsert> = {
      status: step.to,
      version: input.version + 1,
      updatedAt: ctx.clock.now(),
      publishAt: null,
    };
    if (action === 'publish') Object.assign(set, await publicationFields(tx, row, today));
    if (action === 'withdraw') {
      set.withdrawnOn = today;
      set.withdrawReason = reason;
    }
    const [saved] = await tx
      .update(disclosures)
      .set(set)
      .where(and(eq(disclosures.id, id), eq(disclosures.version, input.version)))
      .returning({ id: disclosures.id });
    if (!saved) throw conflict();
    await disclosureEvent(tx, ctx, {
      disclosureId: id,
      action,
      fromStatus: row.status,
      toStatus: step.to,
      note: reason,
      userId: actor.userId,
    });
    if (action === 'submit')
      await createTodo(tx, ctx.clock, {
        title: `审核村务公开「${row.title}」`,
        recordType: REVIEW_TODO,
        recordId: id,
        link: `/openness/disclosures/${id}`,
        orgId: row.orgId,
        assigneeRole: 'village_supervisor',
        fallback: { orgId: row.orgId, assigneeRole: 'org_officer' },
      });
    if (action === 'approve' || action === 'return')
      await completeTodos(tx, ctx.clock, { recordType: REVIEW_TODO, recordId: id });
    if (action === 'withdraw' && row.revisionStatus) {
      // a revision still pending goes with the item: nothing left to review or publish
      await tx
        .update(disclosures)
        .set({ revision: null, revisionStatus: null })
        .where(eq(disclosures.id, id));
      await cancelTodos(tx, ctx.clock, { recordType: REVIEW_TODO, recordId: id });
    }
    if (action === 'publish') await afterPublication(tx, ctx, unit, { ...row, ...set }, actor.userId, today);
    await recordAudit(tx, ctx.clock, actor, {
      action: `disclosure.${action}`,
      objectType: 'disclosure',
      objectId: id,
      detail: { title: row.title, step: DISCLOSURE_ACTIONS[action], reason, indexNo: set.indexNo ?? null },
    });
  });
  return getDisclosure({ ctx, actor, id });
}
