import { and, eq, isNotNull, like, sql } from 'drizzle-orm';
import { chinaDate } from '../../../domain/calendar.js';
import {
  DISCLOSURE_ACTIONS,
  type DisclosureAction,
  type DisclosureStatus,
  disclosureTransition,
  indexNumber,
} from '../../../domain/openness/review.js';
import { searchTokens } from '../../../domain/search-tokens.js';
import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/client.js';
import { conflict, forbidden, unprocessable } from '../../platform/http/errors.js';
import { orgs } from '../../platform/orgs/schema.js';
import { completeTodos } from '../../platform/todos/close-todos.js';
import { createTodo } from '../../platform/todos/create-todo.js';
import { type DisclosureRow, loadDisclosure, loadUnit, type Unit } from './access.js';
import { DUE_TODO, OVERDUE_TODO, REVIEW_TODO } from './audit-labels.js';
import type { StepInput } from './contract.js';
import { ensurePeriodItem } from './due-items.js';
import { disclosureEvent } from './events.js';
import { getDisclosure } from './get-disclosure.js';
import { disclosureDueItems, disclosureItemTypes, disclosures } from './schema.js';

type StepAction = Exclude<DisclosureAction, 'edit'>;

const PERMISSION: Record<StepAction, string> = {
  submit: 'disclosure.draft',
  publish: 'disclosure.draft',
  withdraw: 'disclosure.draft',
  approve: 'disclosure.review',
  return: 'disclosure.review',
};

/** The next 索引号 of a unit in the year of issue; the unit's row is locked so two publications do not take one number. */
async function nextIndexNo(tx: Queryable, orgId: number, issuedOn: string): Promise<string> {
  await tx.select({ id: orgs.id }).from(orgs).where(eq(orgs.id, orgId)).for('update');
  const prefix = indexNumber(orgId, issuedOn, 0).slice(0, -5);
  const [{ n }] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(disclosures)
    .where(and(isNotNull(disclosures.indexNo), like(disclosures.indexNo, `${prefix}%`)));
  return indexNumber(orgId, issuedOn, n + 1);
}

/** The unit's due item this publication answers: the period's (written now if the schedule has not yet) or the matter's. */
async function markDuePublished(
  tx: Queryable,
  ctx: AppContext,
  unit: Unit,
  row: DisclosureRow,
  today: string,
) {
  let dueId = row.dueItemId;
  if (!dueId && row.period) {
    const [type] = await tx
      .select()
      .from(disclosureItemTypes)
      .where(eq(disclosureItemTypes.id, row.itemTypeId));
    dueId = (await ensurePeriodItem(tx, ctx, unit, type, row.period)).id;
  }
  if (!dueId) return;
  await tx
    .update(disclosureDueItems)
    .set({ disclosureId: row.id, publishedOn: today })
    .where(and(eq(disclosureDueItems.id, dueId), sql`${disclosureDueItems.publishedOn} is null`));
  await completeTodos(tx, ctx.clock, { recordType: DUE_TODO, recordId: dueId });
  await completeTodos(tx, ctx.clock, { recordType: OVERDUE_TODO, recordId: dueId });
}

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
    };
    if (action === 'publish') {
      const issuedOn = row.issuedOn ?? today;
      set.issuedOn = issuedOn;
      set.publishedOn = today;
      set.indexNo = row.indexNo ?? (await nextIndexNo(tx, row.orgId, issuedOn));
      set.searchTokens = searchTokens(row.title, row.body);
    }
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
    if (action === 'publish') await markDuePublished(tx, ctx, unit, row, today);
    await recordAudit(tx, ctx.clock, actor, {
      action: `disclosure.${action}`,
      objectType: 'disclosure',
      objectId: id,
      detail: { title: row.title, step: DISCLOSURE_ACTIONS[action], reason, indexNo: set.indexNo ?? null },
    });
  });
  return getDisclosure({ ctx, actor, id });
}
