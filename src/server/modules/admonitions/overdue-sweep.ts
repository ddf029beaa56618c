import { and, eq, isNull, lt } from 'drizzle-orm';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/client.js';
import { createTodo } from '../../platform/todos/create-todo.js';
import { admonitionEvent, inquiryEvent } from './events.js';
import { admonitions, inquiries } from './schema.js';
import { cadreName, todayOf } from './tracking.js';

/**
 * Nothing sits without a decision: an admonition whose tracking ended without release or measures
 * by its decision day, and an inquiry still unanswered after its reply period, each escalate once
 * (an 'overdue' event, `escalated_on`, a 督办 to-do for the party secretary of its org, or the
 * office when the secretary must recuse). Idempotent: a second run or instance adds nothing.
 */
export async function sweepOverdueSupervision(ctx: AppContext): Promise<number> {
  const today = todayOf(ctx);
  let n = 0;
  const lateAdmonitions = and(
    eq(admonitions.status, 'tracking'),
    lt(admonitions.decideBy, today),
    isNull(admonitions.escalatedOn),
  );
  for (const { id } of await ctx.db
    .select({ id: admonitions.id })
    .from(admonitions)
    .where(lateAdmonitions)
    .limit(500))
    n += await ctx.db.transaction(async (tx) => {
      const [a] = await tx
        .select()
        .from(admonitions)
        .where(and(eq(admonitions.id, id), lateAdmonitions))
        .for('update');
      if (!a) return 0;
      await tx.update(admonitions).set({ escalatedOn: today }).where(eq(admonitions.id, id));
      const note = `跟踪考察期满未作决定（决定期限 ${a.decideBy}），已提请督办`;
      await admonitionEvent(tx, ctx, {
        admonitionId: id,
        action: 'overdue',
        occurredOn: today,
        userId: null,
        note,
      });
      await press(
        tx,
        ctx,
        a,
        'admonition',
        `督办：${await cadreName(tx, a.cadreId)}诫勉跟踪考察期满未作决定（${a.code}）`,
      );
      return 1;
    });
  const lateInquiries = and(
    eq(inquiries.status, 'sent'),
    lt(inquiries.dueOn, today),
    isNull(inquiries.escalatedOn),
  );
  for (const { id } of await ctx.db
    .select({ id: inquiries.id })
    .from(inquiries)
    .where(lateInquiries)
    .limit(500))
    n += await ctx.db.transaction(async (tx) => {
      const [i] = await tx
        .select()
        .from(inquiries)
        .where(and(eq(inquiries.id, id), lateInquiries))
        .for('update');
      if (!i) return 0;
      await tx.update(inquiries).set({ escalatedOn: today }).where(eq(inquiries.id, id));
      const note = `回复期限 ${i.dueOn} 已过仍未回复，已提请督办`;
      await inquiryEvent(tx, ctx, {
        inquiryId: id,
        action: 'overdue',
        occurredOn: today,
        userId: null,
        note,
      });
      await press(
        tx,
        ctx,
        i,
        'inquiry',
        `督办：${await cadreName(tx, i.cadreId)}逾期未回复函询（${i.code}）`,
      );
      return 1;
    });
  return n;
}

async function press(
  tx: Queryable,
  ctx: AppContext,
  r: { id: number; orgId: number; cadreId: number },
  type: 'admonition' | 'inquiry',
  title: string,
) {
  await createTodo(tx, ctx.clock, {
    title,
    recordType: `${type}_overdue`,
    recordId: r.id,
    link: `/${type === 'admonition' ? 'admonitions' : 'inquiries'}/${r.id}`,
    orgId: r.orgId,
    assigneeRole: 'party_secretary',
    kind: 'personal',
    fallback: { orgId: r.orgId, assigneeRole: type === 'admonition' ? 'org_officer' : 'discipline_officer' },
    subjectCadreIds: [r.cadreId],
  });
}
