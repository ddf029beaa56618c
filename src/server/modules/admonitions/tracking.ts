import { eq } from 'drizzle-orm';
import { type TrackingPlan, trackingPlan } from '../../../domain/admonitions/admonition-workflow.js';
import { chinaDate } from '../../../domain/calendar.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/client.js';
import { badRequest } from '../../platform/http/errors.js';
import { completeTodos } from '../../platform/todos/close-todos.js';
import { createTodo } from '../../platform/todos/create-todo.js';
import { registerTodoRecordType } from '../../platform/todos/record-types.js';
import { cadres } from '../cadres/schema.js';
import type { Admonition } from './access.js';

export const todayOf = (ctx: AppContext) => chinaDate(ctx.clock.now());

/** A step's date: not in the future, not before `earliest` (named in the message). */
export function checkStepDate(
  ctx: AppContext,
  field: string,
  label: string,
  on: string,
  earliest: { on: string | null; label: string },
): void {
  const today = todayOf(ctx);
  if (on > today)
    throw badRequest(`${label}不能晚于今天（${today}）`, { [field]: `不能晚于今天（${today}）` });
  if (earliest.on && on < earliest.on) {
    const message = `不能早于${earliest.label}（${earliest.on}）`;
    throw badRequest(`${label}${message}`, { [field]: message });
  }
}

/** The tracking plan of a talk held on `talkOn`, by the rules in force on that day. */
export async function planFor(ctx: AppContext, talkOn: string): Promise<TrackingPlan> {
  const v = <T>(key: string) => ctx.rules.value<T>(key, talkOn);
  return trackingPlan(
    talkOn,
    {
      months: await v<number>('admonition.tracking_period'),
      intervalMonths: await v<number>('admonition.checkin_interval'),
      quarterlyReport: await v<boolean>('admonition.quarterly_report'),
      decisionDays: await v<number>('admonition.decision_window'),
    },
    await ctx.calendar.current(),
  );
}

export async function cadreName(db: Queryable, cadreId: number): Promise<string> {
  const [c] = await db.select({ name: cadres.name }).from(cadres).where(eq(cadres.id, cadreId));
  return c?.name ?? '';
}

export const admonitionRef = (a: { id: number }) => ({ recordType: 'admonition', recordId: a.id });

// an admonition's to-dos name the cadre's case: shown to others only beside the record itself
registerTodoRecordType('admonition', 'admonition.read');
registerTodoRecordType('admonition_overdue', 'admonition.read');

/**
 * The admonition's one open to-do, for its responsible officer (or the organization office when
 * nobody is named or the officer must recuse): the talk, the next check-in, or the decision.
 */
export async function moveAdmonitionTodo(tx: Queryable, ctx: AppContext, a: Admonition): Promise<void> {
  await completeTodos(tx, ctx.clock, admonitionRef(a));
  const name = await cadreName(tx, a.cadreId);
  const what =
    a.status === 'pending_talk'
      ? { title: `对${name}进行${a.kind === 'reminder' ? '提醒' : '诫勉'}谈话（${a.code}）`, dueOn: null }
      : a.status === 'tracking' && a.nextCheckInOn
        ? { title: `诫勉跟踪考察：与${name}谈心谈话（${a.code}）`, dueOn: a.nextCheckInOn }
        : a.status === 'tracking'
          ? { title: `诫勉跟踪考察期满：对${name}作出解除诫勉或组织措施决定（${a.code}）`, dueOn: a.decideBy }
          : null;
  if (!what) return;
  const office = { orgId: a.orgId, assigneeRole: 'org_officer' };
  await createTodo(tx, ctx.clock, {
    ...what,
    ...admonitionRef(a),
    link: `/admonitions/${a.id}`,
    ...(a.responsibleUserId ? { orgId: a.orgId, assigneeUserId: a.responsibleUserId } : office),
    fallback: office,
    subjectCadreIds: [a.cadreId],
  });
}
