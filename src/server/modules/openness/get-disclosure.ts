import { asc, eq } from 'drizzle-orm';
import type { FinanceTable } from '../../../domain/openness/finance-table.js';
import { versionDiff } from '../../../domain/openness/version-diff.js';
import type { Actor } from '../../platform/access/actor.js';
import type { AppContext } from '../../platform/context.js';
import { orgs } from '../../platform/orgs/schema.js';
import { users } from '../../platform/users/schema.js';
import { loadDisclosure } from './access.js';
import type { PendingRevision } from './revise-disclosure.js';
import { disclosureAttachments, disclosureEvents, disclosureItemTypes } from './schema.js';

/** One disclosure with its steps (who, when, the reason), its scheduled publication and its photos and files. */
export async function getDisclosure(opts: { ctx: AppContext; actor: Actor; id: number }) {
  const { ctx, actor, id } = opts;
  const d = await loadDisclosure(ctx.db, actor, id);
  const [org] = await ctx.db
    .select({ name: orgs.name, kind: orgs.kind })
    .from(orgs)
    .where(eq(orgs.id, d.orgId));
  const [type] = await ctx.db
    .select({ name: disclosureItemTypes.name, procedure: disclosureItemTypes.procedure })
    .from(disclosureItemTypes)
    .where(eq(disclosureItemTypes.id, d.itemTypeId));
  const events = await ctx.db
    .select({ e: disclosureEvents, userName: users.displayName })
    .from(disclosureEvents)
    .leftJoin(users, eq(users.id, disclosureEvents.userId))
    .where(eq(disclosureEvents.disclosureId, id))
    .orderBy(asc(disclosureEvents.at), asc(disclosureEvents.id));
  const pending = d.revision as PendingRevision | null;
  const [reviser] = pending?.userId
    ? await ctx.db.select({ name: users.displayName }).from(users).where(eq(users.id, pending.userId))
    : [];
  const published = { title: d.title, body: d.body, finance: (d.finance as FinanceTable | null) ?? null };
  const files = await ctx.db
    .select()
    .from(disclosureAttachments)
    .where(eq(disclosureAttachments.disclosureId, id))
    .orderBy(asc(disclosureAttachments.id));
  return {
    id: d.id,
    orgId: d.orgId,
    orgName: org?.name ?? null,
    itemTypeId: d.itemTypeId,
    itemTypeName: type?.name ?? null,
    dueItemId: d.dueItemId,
    period: d.period,
    title: d.title,
    body: d.body,
    finance: (d.finance as never) ?? null,
    procedure: (d.procedure as never) ?? null,
    isProcedure: type?.procedure ?? false,
    revisionStatus: d.revisionStatus,
    revision: pending
      ? {
          title: pending.title,
          body: pending.body,
          finance: (pending.finance as never) ?? null,
          note: pending.note,
          userName: reviser?.name ?? null,
          at: pending.at,
          diff: versionDiff(published, pending),
        }
      : null,
    status: d.status,
    indexNo: d.indexNo,
    issuingBody: d.issuingBody,
    issuedOn: d.issuedOn,
    docNumber: d.docNumber,
    publishedOn: d.publishedOn,
    withdrawnOn: d.withdrawnOn,
    withdrawReason: d.withdrawReason,
    publishAt: d.publishAt?.toISOString() ?? null,
    attachments: files.map((f) => ({
      id: f.id,
      kind: f.kind,
      takenOn: f.takenOn,
      caption: f.caption,
      fileName: f.fileName,
      size: f.size,
      uploadedAt: f.createdAt.toISOString(),
    })),
    version: d.version,
    needsReview: org?.kind === 'village',
    events: events.map(({ e, userName }) => ({
      action: e.action,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      note: e.note,
      userId: e.userId,
      userName: userName ?? null,
      at: e.at.toISOString(),
    })),
  };
}
