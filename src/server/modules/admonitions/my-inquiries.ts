import { and, asc, desc, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.js';
import type { AppContext } from '../../platform/context.js';
import { orgs } from '../../platform/orgs/schema.js';
import { cadres } from '../cadres/schema.js';
import { inquiryListItem } from './list-inquiries.js';
import { loadOwnInquiry } from './own-inquiry.js';
import { inquiries, supervisionAttachments } from './schema.js';
import { todayOf } from './tracking.js';

/** 我的函询: the inquiries addressed to the caller's own cadre, newest first (nobody else's). */
export async function myInquiries(opts: { ctx: AppContext; actor: Actor }) {
  const { ctx, actor } = opts;
  if (actor.cadreId === null) return { items: [] };
  const today = todayOf(ctx);
  const rows = await ctx.db
    .select({ i: inquiries, cadreName: cadres.name, orgName: orgs.name })
    .from(inquiries)
    .innerJoin(cadres, eq(cadres.id, inquiries.cadreId))
    .innerJoin(orgs, eq(orgs.id, inquiries.orgId))
    .where(eq(inquiries.cadreId, actor.cadreId))
    .orderBy(desc(inquiries.sentOn), desc(inquiries.id))
    .limit(200);
  return {
    items: rows.map(({ i, cadreName, orgName }) => inquiryListItem(i, { cadreName, orgName }, today)),
  };
}

/** One of the caller's own inquiries: the question, the deadline, its reply and files; not the officers' notes. */
export async function getMyInquiry(opts: { ctx: AppContext; actor: Actor; id: number }) {
  const { ctx, actor, id } = opts;
  const i = await loadOwnInquiry(ctx.db, actor, id);
  const [names] = await ctx.db
    .select({ cadreName: cadres.name, orgName: orgs.name })
    .from(cadres)
    .innerJoin(orgs, eq(orgs.id, i.orgId))
    .where(eq(cadres.id, i.cadreId));
  const files = await ctx.db
    .select()
    .from(supervisionAttachments)
    .where(
      and(
        eq(supervisionAttachments.recordType, 'inquiry'),
        eq(supervisionAttachments.recordId, id),
        eq(supervisionAttachments.purpose, 'reply'),
      ),
    )
    .orderBy(asc(supervisionAttachments.id));
  return {
    ...inquiryListItem(i, { cadreName: names?.cadreName ?? '', orgName: names?.orgName ?? '' }, todayOf(ctx)),
    question: i.question,
    replyText: i.replyText,
    version: i.version,
    attachments: files.map((f) => ({
      id: f.id,
      fileName: f.fileName,
      size: f.size,
      createdAt: f.createdAt.toISOString(),
    })),
  };
}
