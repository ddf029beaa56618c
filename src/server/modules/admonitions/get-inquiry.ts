import { and, asc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import {
  answeredOnTime,
  INQUIRY_CONCLUSIONS,
  INQUIRY_STATUSES,
  type InquiryStatus,
  inquiryOverdue,
} from '../../../domain/admonitions/inquiry-workflow.js';
import type { Actor } from '../../platform/access/actor.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/client.js';
import { orgs } from '../../platform/orgs/schema.js';
import { users } from '../../platform/users/schema.js';
import { cadres } from '../cadres/schema.js';
import { petitions } from '../petitions/schema.js';
import { type Inquiry, loadInquiry } from './access.js';
import { admonitions, inquiryEvents, supervisionAttachments } from './schema.js';
import { todayOf } from './tracking.js';

/** What an inquiry shows: its fields, names, history and files (shared by the officer's and the cadre's view). */
export async function inquiryView(db: Queryable, ctx: AppContext, i: Inquiry) {
  const endorser = alias(users, 'endorser');
  const [names] = await db
    .select({
      cadreName: cadres.name,
      orgName: orgs.name,
      endorserName: endorser.displayName,
      petitionCode: petitions.code,
      admonitionCode: admonitions.code,
    })
    .from(cadres)
    .innerJoin(orgs, eq(orgs.id, i.orgId))
    .leftJoin(endorser, eq(endorser.id, i.endorsedBy ?? -1))
    .leftJoin(petitions, eq(petitions.id, i.petitionId ?? -1))
    .leftJoin(admonitions, eq(admonitions.id, i.admonitionId ?? -1))
    .where(eq(cadres.id, i.cadreId));
  const [events, files] = await Promise.all([
    db
      .select({ e: inquiryEvents, userName: users.displayName })
      .from(inquiryEvents)
      .leftJoin(users, eq(users.id, inquiryEvents.userId))
      .where(eq(inquiryEvents.inquiryId, i.id))
      .orderBy(asc(inquiryEvents.occurredOn), asc(inquiryEvents.id)),
    db
      .select()
      .from(supervisionAttachments)
      .where(and(eq(supervisionAttachments.recordType, 'inquiry'), eq(supervisionAttachments.recordId, i.id)))
      .orderBy(asc(supervisionAttachments.id)),
  ]);
  const { createdBy: _c, createdAt, updatedAt, endorsedAt, ...fields } = i;
  return {
    ...fields,
    endorsedAt: endorsedAt?.toISOString() ?? null,
    statusLabel: INQUIRY_STATUSES[i.status as InquiryStatus] ?? i.status,
    conclusionLabel: i.conclusion
      ? (INQUIRY_CONCLUSIONS[i.conclusion as keyof typeof INQUIRY_CONCLUSIONS] ?? null)
      : null,
    overdue: inquiryOverdue(i.status as InquiryStatus, i.dueOn, todayOf(ctx)),
    onTime: i.repliedOn ? answeredOnTime(i.repliedOn, i.dueOn) : null,
    cadreName: names?.cadreName ?? '',
    orgName: names?.orgName ?? '',
    endorserName: names?.endorserName ?? null,
    petitionCode: names?.petitionCode ?? null,
    admonitionCode: names?.admonitionCode ?? null,
    createdAt: createdAt.toISOString(),
    updatedAt: updatedAt.toISOString(),
    events: events.map(({ e, userName }) => ({
      id: e.id,
      action: e.action,
      occurredOn: e.occurredOn,
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
export type InquiryDetail = Awaited<ReturnType<typeof inquiryView>>;

export async function getInquiry(opts: { ctx: AppContext; actor: Actor; id: number }) {
  const i = await loadInquiry(opts.ctx.db, opts.actor, opts.id);
  return inquiryView(opts.ctx.db, opts.ctx, i);
}
