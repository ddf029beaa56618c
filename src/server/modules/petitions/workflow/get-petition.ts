import { asc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Actor } from '../../../platform/access/actor.js';
import type { AppContext } from '../../../platform/context.js';
import { orgs } from '../../../platform/orgs/schema.js';
import { users } from '../../../platform/users/schema.js';
import { econAudits } from '../../audits/schema.js';
import { printableDocuments } from '../documents/printable.js';
import { loadPetition } from '../load-petition.js';
import { petitionAttachments, petitionDocuments, petitionEvents, petitionSubjects } from '../schema.js';
import { approvalBlock } from './four-eyes.js';
import { extensionNote, mayAddOpinion, mayExtend, mayUpload, reachOf, takeableActions } from './may.js';
import { overdueDays, todayOf } from './petition-clock.js';
import type { PetitionDetailOut } from './petition-out.js';

/** A petition with its history, documents, named cadres, attachments and the steps open to the caller; no identity. */
export async function getPetition(opts: {
  ctx: AppContext;
  actor: Actor;
  id: number;
}): Promise<PetitionDetailOut> {
  const { ctx, actor, id } = opts;
  const p = await loadPetition(ctx.db, actor, id);
  const reach = await reachOf(ctx.db, actor, p);
  const unit = alias(orgs, 'unit');
  const raisedTo = alias(orgs, 'raised_to');
  const [names] = await ctx.db
    .select({
      orgName: orgs.name,
      unitName: unit.name,
      recusalOrgName: raisedTo.name,
      investigatorName: users.displayName,
      sourceAuditTitle: econAudits.title,
    })
    .from(orgs)
    .leftJoin(unit, eq(unit.id, p.assignedUnitOrgId ?? -1))
    .leftJoin(raisedTo, eq(raisedTo.id, p.recusalOrgId ?? -1))
    .leftJoin(users, eq(users.id, p.investigatorUserId ?? -1))
    .leftJoin(econAudits, eq(econAudits.id, p.sourceAuditId ?? -1))
    .where(eq(orgs.id, p.orgId));
  const [subjects, events, documents, attachments] = await Promise.all([
    ctx.db
      .select()
      .from(petitionSubjects)
      .where(eq(petitionSubjects.petitionId, id))
      .orderBy(asc(petitionSubjects.id)),
    ctx.db
      .select({ e: petitionEvents, userName: users.displayName })
      .from(petitionEvents)
      .leftJoin(users, eq(users.id, petitionEvents.userId))
      .where(eq(petitionEvents.petitionId, id))
      .orderBy(asc(petitionEvents.occurredOn), asc(petitionEvents.id)),
    ctx.db
      .select({ d: petitionDocuments, userName: users.displayName })
      .from(petitionDocuments)
      .leftJoin(users, eq(users.id, petitionDocuments.userId))
      .where(eq(petitionDocuments.petitionId, id))
      .orderBy(asc(petitionDocuments.id)),
    ctx.db
      .select()
      .from(petitionAttachments)
      .where(eq(petitionAttachments.petitionId, id))
      .orderBy(asc(petitionAttachments.id)),
  ]);
  const mayApprove = takeableActions(actor, reach, p).includes('approve');
  const approvalNote = mayApprove ? await approvalBlock(ctx.db, ctx, actor, p) : null;
  const {
    reporterEnc,
    receiptDigest,
    searchTokens,
    createdBy,
    createdAt,
    updatedAt,
    extensionApprovedBy,
    ...fields
  } = p;
  return {
    ...fields,
    orgName: names?.orgName ?? '',
    assignedUnitName: names?.unitName ?? null,
    recusalOrgName: names?.recusalOrgName ?? null,
    investigatorName: names?.investigatorName ?? null,
    sourceAuditTitle: names?.sourceAuditTitle ?? null,
    hasReporterInfo: reporterEnc !== null,
    overdueDays: overdueDays(p, todayOf(ctx)),
    subjects: subjects.map((s) => s.name),
    subjectsDetail: subjects.map(({ petitionId, ...s }) => s),
    events: events.map(({ e, userName }) => ({
      id: e.id,
      action: e.action,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      occurredOn: e.occurredOn,
      note: e.note,
      userName,
      at: e.createdAt.toISOString(),
    })),
    documents: documents.map(({ d, userName }) => ({
      id: d.id,
      kind: d.kind,
      content: d.content,
      occurredOn: d.occurredOn,
      userName,
    })),
    attachments: attachments.map((a) => ({
      id: a.id,
      fileName: a.fileName,
      contentType: a.contentType,
      size: a.size,
      fromPublic: a.fromPublic,
      createdAt: a.createdAt.toISOString(),
    })),
    actions: takeableActions(actor, reach, p).filter((a) => a !== 'approve' || !approvalNote),
    approvalNote,
    printable: printableDocuments({
      status: p.status,
      repliedOn: p.repliedOn,
      wentForApproval:
        documents.some(({ d }) => d.kind === 'opinion') ||
        events.some(({ e }) => e.toStatus === 'awaiting_approval'),
    }),
    canAddOpinion: mayAddOpinion(actor, reach, p),
    canExtend: mayExtend(actor, reach, p, todayOf(ctx)),
    extensionNote: extensionNote(actor, reach, p, todayOf(ctx)),
    canUpload: mayUpload(actor, reach),
  };
}
