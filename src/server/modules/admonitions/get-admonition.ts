import { and, asc, eq } from 'drizzle-orm';
import {
  ADMONITION_STATUSES,
  ORG_MEASURES,
  type OrgMeasure,
} from '../../../domain/admonitions/admonition-workflow.js';
import { addDays } from '../../../domain/calendar.js';
import { periodClearsOn } from '../../../domain/effect-period.js';
import type { Actor } from '../../platform/access/actor.js';
import type { AppContext } from '../../platform/context.js';
import { orgs } from '../../platform/orgs/schema.js';
import { users } from '../../platform/users/schema.js';
import { cadres } from '../cadres/schema.js';
import { loadAdmonition } from './access.js';
import { admonitionEvents, inquiries, supervisionAttachments } from './schema.js';
import { todayOf } from './tracking.js';

/** The effect on promotion: from the talk (诫勉) or the measure's day, for the rule's period. */
export async function effectOf(
  ctx: AppContext,
  a: { kind: string; talkOn: string | null; measureKind: string | null; measureOn: string | null },
) {
  const out: { label: string; from: string; clearsOn: string; rule: string }[] = [];
  if (a.kind === 'admonition' && a.talkOn) {
    const r = await ctx.rules.inForce<number>('admonition.promotion_block', a.talkOn);
    out.push({
      label: '诫勉',
      from: a.talkOn,
      clearsOn: periodClearsOn(a.talkOn, r.value, r.unit),
      rule: r.name,
    });
  }
  if (a.measureKind && a.measureOn) {
    const r = await ctx.rules.inForce<number>(`org_measure.${a.measureKind}`, a.measureOn);
    out.push({
      label: ORG_MEASURES[a.measureKind as OrgMeasure] ?? a.measureKind,
      from: a.measureOn,
      clearsOn: periodClearsOn(a.measureOn, r.value, r.unit),
      rule: r.name,
    });
  }
  return out.map((e) => ({ ...e, lastDay: addDays(e.clearsOn, -1) }));
}

export async function getAdmonition(opts: { ctx: AppContext; actor: Actor; id: number }) {
  const { ctx, actor, id } = opts;
  const a = await loadAdmonition(ctx.db, actor, id);
  const [names] = await ctx.db
    .select({ cadreName: cadres.name, orgName: orgs.name, responsibleName: users.displayName })
    .from(cadres)
    .innerJoin(orgs, eq(orgs.id, a.orgId))
    .leftJoin(users, eq(users.id, a.responsibleUserId ?? -1))
    .where(eq(cadres.id, a.cadreId));
  const [events, files, fromInquiry] = await Promise.all([
    ctx.db
      .select({ e: admonitionEvents, userName: users.displayName })
      .from(admonitionEvents)
      .leftJoin(users, eq(users.id, admonitionEvents.userId))
      .where(eq(admonitionEvents.admonitionId, id))
      .orderBy(asc(admonitionEvents.occurredOn), asc(admonitionEvents.id)),
    ctx.db
      .select()
      .from(supervisionAttachments)
      .where(
        and(eq(supervisionAttachments.recordType, 'admonition'), eq(supervisionAttachments.recordId, id)),
      )
      .orderBy(asc(supervisionAttachments.id)),
    ctx.db
      .select({ id: inquiries.id, code: inquiries.code })
      .from(inquiries)
      .where(eq(inquiries.admonitionId, id)),
  ]);
  const today = todayOf(ctx);
  return {
    ...a,
    statusLabel: ADMONITION_STATUSES[a.status as keyof typeof ADMONITION_STATUSES] ?? a.status,
    cadreName: names?.cadreName ?? '',
    orgName: names?.orgName ?? '',
    responsibleName: names?.responsibleName ?? null,
    overdue: a.status === 'tracking' && !!a.decideBy && today > a.decideBy,
    checkInOverdue: a.status === 'tracking' && !!a.nextCheckInOn && today > a.nextCheckInOn,
    effects: await effectOf(ctx, a),
    inquiry: fromInquiry[0] ?? null,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
    events: events.map(({ e, userName }) => ({
      id: e.id,
      action: e.action,
      occurredOn: e.occurredOn,
      dueOn: e.dueOn,
      rating: e.rating,
      note: e.note,
      userName: userName ?? null,
    })),
    attachments: files.map((f) => ({
      id: f.id,
      purpose: f.purpose,
      fileName: f.fileName,
      size: f.size,
      createdAt: f.createdAt.toISOString(),
    })),
  };
}
export type AdmonitionDetail = Awaited<ReturnType<typeof getAdmonition>>;
