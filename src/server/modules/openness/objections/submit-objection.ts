import { randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { chinaDate } from '../../../../domain/calendar.js';
import { matterDeadline } from '../../../../domain/openness/timing.js';
import { formatReceiptCode, RECEIPT_BYTES } from '../../../../domain/receipt-code.js';
import type { AppContext } from '../../../platform/context.js';
import { unprocessable } from '../../../platform/http/errors.js';
import { createTodo } from '../../../platform/todos/create-todo.js';
import { checkAnswer, refusedCheck, spendChallenge } from '../../petitions/portal/challenge.js';
import { disclosureItemTypes, disclosures } from '../schema.js';
import type { ObjectionInput } from './contract.js';
import { OBJECTION_RULE, OBJECTION_TODO } from './labels.js';
import { disclosureObjections } from './schema.js';

/** Only the keyed digest of an objection's receipt code is stored. */
export const objectionDigest = (ctx: AppContext, canonical: string) =>
  ctx.crypto.digest(`objection|${canonical}`);

export const NOT_OBJECTABLE = '该公开事项尚未公开或已撤回，不能提出异议';

/**
 * 村民异议 from the portal (no account) to a published item: the form, the hidden field, a resend of
 * the same form (answered as a duplicate, one objection), the anti-bot answer; then the item must be
 * published (an unpublished, withdrawn or 依申请 one is refused, nothing written). The answer is due
 * within the rule's working days and is the unit head's to-do. The receipt code is returned once.
 */
export async function submitObjection(ctx: AppContext, itemId: number, input: ObjectionInput) {
  if (input.website?.trim()) throw refusedCheck();
  const formKey = ctx.crypto.digest(`objection-form|${input.idempotencyKey}`);
  const earlier = await ctx.db
    .select({ dueOn: disclosureObjections.dueOn })
    .from(disclosureObjections)
    .where(eq(disclosureObjections.formKey, formKey));
  if (earlier[0]) return { duplicate: true, receiptCode: null, dueOn: earlier[0].dueOn };
  const answer = checkAnswer(ctx, input.challenge);
  const today = chinaDate(ctx.clock.now());
  const [item] = await ctx.db
    .select({ id: disclosures.id, orgId: disclosures.orgId, title: disclosures.title })
    .from(disclosures)
    .innerJoin(disclosureItemTypes, eq(disclosureItemTypes.id, disclosures.itemTypeId))
    .where(
      and(
        eq(disclosures.id, itemId),
        eq(disclosures.status, 'published'),
        sql`${disclosures.publishedOn} <= ${today}`,
        eq(disclosureItemTypes.mode, 'active'),
      ),
    );
  if (!item) throw unprocessable(NOT_OBJECTABLE, { itemId: NOT_OBJECTABLE });
  const days = await ctx.rules.value<number>(OBJECTION_RULE, today);
  const dueOn = matterDeadline('within_working_days', today, days, await ctx.calendar.current());
  return ctx.db.transaction(async (tx) => {
    await tx.execute(
      sql`select pg_advisory_xact_lock(hashtext('jiandu.objection_form'), hashtext(${formKey}))`,
    );
    const [raced] = await tx
      .select({ dueOn: disclosureObjections.dueOn })
      .from(disclosureObjections)
      .where(eq(disclosureObjections.formKey, formKey));
    if (raced) return { duplicate: true, receiptCode: null, dueOn: raced.dueOn };
    await spendChallenge(tx, ctx, answer);
    const code = formatReceiptCode(randomBytes(RECEIPT_BYTES));
    const [row] = await tx
      .insert(disclosureObjections)
      .values({
        disclosureId: item.id,
        orgId: item.orgId,
        text: input.text,
        receiptDigest: objectionDigest(ctx, code.replaceAll('-', '')),
        formKey,
        receivedOn: today,
        dueOn,
        createdAt: ctx.clock.now(),
      })
      .returning({ id: disclosureObjections.id });
    await createTodo(tx, ctx.clock, {
      title: `答复村民对「${item.title}」的异议`,
      recordType: OBJECTION_TODO,
      recordId: row.id,
      link: '/openness/objections',
      orgId: item.orgId,
      assigneeRole: 'unit_head',
      dueOn,
      fallback: { orgId: item.orgId, assigneeRole: 'org_officer' },
    });
    return { duplicate: false, receiptCode: code, dueOn };
  });
}
