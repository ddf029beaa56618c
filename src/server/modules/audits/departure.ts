import { and, eq, sql } from 'drizzle-orm';
import { chinaDate } from '../../../domain/calendar.js';
import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/client.js';
import { orgs } from '../../platform/orgs/schema.js';
import { createTodo } from '../../platform/todos/create-todo.js';
import { cadres, departureEvents } from '../cadres/schema.js';
import {
  type Departure,
  type DepartureCorrection,
  registerDepartureHandler,
} from '../cadres/tenures/departure-hooks.js';
import { addAuditEvent } from './events.js';
import { econAudits } from './schema.js';

/**
 * 离任审计: a principal leader's tenure ended. In the same transaction a draft departure audit is
 * written with the cadre, the unit and the tenure's period, the event is consumed, and the audit
 * officers of the unit get a to-do to confirm it (with its auditors) or dismiss it with a reason.
 */
export async function draftDepartureAudit(tx: Queryable, ctx: AppContext, actor: Actor, d: Departure) {
  const [[cadre], [org]] = await Promise.all([
    tx.select({ name: cadres.name }).from(cadres).where(eq(cadres.id, d.cadreId)),
    tx.select({ name: orgs.name }).from(orgs).where(eq(orgs.id, d.orgId)),
  ]);
  const now = ctx.clock.now();
  const title = `${cadre?.name ?? ''}（原${org?.name ?? ''}${d.title}）离任经济责任审计`;
  const [row] = await tx
    .insert(econAudits)
    .values({
      orgId: d.orgId,
      kind: 'departure',
      status: 'draft',
      title,
      subjectCadreId: d.cadreId,
      subjectCadreIds: [d.cadreId],
      periodFrom: d.startDate,
      periodTo: d.leftOn,
      departureEventId: d.eventId,
      tenureId: d.tenureId,
      source: 'departure',
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: econAudits.id });
  await tx.update(departureEvents).set({ consumedAt: now }).where(eq(departureEvents.id, d.eventId));
  await addAuditEvent(tx, ctx, actor, row.id, 'draft', {
    detail: { departureEventId: d.eventId, tenureId: d.tenureId, reason: d.reason },
  });
  const days = await ctx.rules.value<number>('econ_audit.departure_confirm_period');
  await createTodo(tx, ctx.clock, {
    title: `确认离任审计：${title}`,
    recordType: 'econ_audit',
    recordId: row.id,
    link: `/audits/${row.id}`,
    orgId: d.orgId,
    assigneeRole: 'audit_officer',
    dueOn: await ctx.calendar.addWorkingDays(chinaDate(now), days),
    subjectCadreIds: [d.cadreId],
    fallback: { orgId: d.orgId, assigneeRole: 'discipline_officer' },
  });
  await recordAudit(tx, ctx.clock, actor, {
    action: 'econ_audit.draft',
    objectType: 'econ_audit',
    objectId: row.id,
    detail: { departureEventId: d.eventId, cadreId: d.cadreId, orgId: d.orgId },
  });
}

/** The tenure's end was corrected: a departure audit still a draft follows (its period's end). */
export async function correctDepartureAudit(
  tx: Queryable,
  ctx: AppContext,
  actor: Actor,
  c: DepartureCorrection,
) {
  const rows = await tx
    .update(econAudits)
    .set({ periodTo: c.leftOn, updatedAt: ctx.clock.now(), version: sql`${econAudits.version} + 1` })
    .where(and(eq(econAudits.tenureId, c.tenureId), eq(econAudits.status, 'draft')))
    .returning({ id: econAudits.id });
  for (const r of rows)
    await addAuditEvent(tx, ctx, actor, r.id, 'period_corrected', { detail: { periodTo: c.leftOn } });
}

registerDepartureHandler({ departed: draftDepartureAudit, corrected: correctDepartureAudit });
