import { and, asc, eq, gt, lt, notExists, notInArray, sql } from 'drizzle-orm';
import { DUE_KINDS, type DueKind } from '../../../../domain/petition-workflow.js';
import type { AppContext } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/client.js';
import { orgs } from '../../../platform/orgs/schema.js';
import { reachableAddress } from '../../../platform/todos/address.js';
import { createTodo } from '../../../platform/todos/create-todo.js';
import { petitionEvents, petitions } from '../schema.js';
import { FINISHED } from './list-query.js';
import { type Petition, todayOf } from './petition-clock.js';
import { handlingAddress, subjectCadreIdsOf } from './petition-recusal.js';
import { petitionRef } from './petition-todos.js';

const BATCH = 200;

/** Not yet escalated for the clock now running: no 'overdue' event in this status after its due date. */
const notEscalated = notExists(
  sql`(select 1 from ${petitionEvents} e where e.petition_id = ${petitions.id} and e.action = 'overdue'
       and e.to_status = ${petitions.status} and e.occurred_on > ${petitions.dueOn})`,
);

/**
 * 有信必查、有查必果: a running petition past its due date gets one 'overdue' event and a to-do for
 * the township leadership (the party secretary) to press for it; the reminder sweep already tells
 * them of the overdue step's own to-do. Idempotent: a second run, or a second instance, adds nothing.
 */
export async function sweepOverduePetitions(ctx: AppContext): Promise<number> {
  const today = todayOf(ctx);
  const due = and(notInArray(petitions.status, FINISHED), lt(petitions.dueOn, today), notEscalated);
  let escalated = 0;
  let afterId = 0;
  for (;;) {
    const batch = await ctx.db
      .select({ id: petitions.id })
      .from(petitions)
      .where(and(due, gt(petitions.id, afterId)))
      .orderBy(asc(petitions.id))
      .limit(BATCH);
    for (const { id } of batch) {
      const done = await ctx.db.transaction(async (tx) => {
        const [p] = await tx
          .select()
          .from(petitions)
          .where(and(eq(petitions.id, id), due))
          .for('update');
        return p ? escalate(tx, ctx, p, today) : false;
      });
      if (done) escalated++;
    }
    if (batch.length < BATCH) return escalated;
    afterId = batch[batch.length - 1].id;
  }
}

/**
 * The 督办 to-do goes to the party secretary of the case's org — or, when the case went up because
 * of recusal or the secretary must recuse, to the case's handlers (the others) — and carries the
 * named cadres, so nobody who must recuse is pressed about it or reminded of it.
 */
async function escalate(tx: Queryable, ctx: AppContext, p: Petition, today: string): Promise<boolean> {
  const what = DUE_KINDS[p.dueKind as DueKind] ?? '办理期限';
  const subjects = await subjectCadreIdsOf(tx, p.id);
  const handlers = await handlingAddress(tx, p, subjects);
  const leader = { orgId: p.orgId, assigneeRole: 'party_secretary' };
  const to = p.recusalOrgId ? handlers : await reachableAddress(tx, leader, subjects, handlers);
  const [toOrg] = await tx.select({ name: orgs.name }).from(orgs).where(eq(orgs.id, to.orgId));
  const pressedBy = to === leader ? '乡镇领导' : (toOrg?.name ?? '上级');
  await tx.insert(petitionEvents).values({
    petitionId: p.id,
    action: 'overdue',
    fromStatus: p.status,
    toStatus: p.status,
    occurredOn: today,
    note: `${what}已于 ${p.dueOn} 届满，已提请${pressedBy}督办`,
    createdAt: ctx.clock.now(),
  });
  await createTodo(tx, ctx.clock, {
    title: `督办逾期信访件 ${p.code}（${what} ${p.dueOn} 已过）`,
    ...petitionRef(p),
    link: `/petitions/${p.id}`,
    ...to,
    subjectCadreIds: subjects,
  });
  return true;
}
