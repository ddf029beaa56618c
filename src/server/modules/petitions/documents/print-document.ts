import { asc, eq, inArray } from 'drizzle-orm';
import { chinaDate } from '../../../../domain/calendar.js';
import { PETITION_CHANNELS, type PetitionChannel } from '../../../../domain/petition-intake.js';
import { PETITION_STATUSES, type PetitionStatus } from '../../../../domain/petition-workflow.js';
import type { Actor } from '../../../platform/access/actor.js';
import { recordAudit } from '../../../platform/audit/record.js';
import type { AppContext } from '../../../platform/context.js';
import { unprocessable } from '../../../platform/http/errors.js';
import { orgs } from '../../../platform/orgs/schema.js';
import { users } from '../../../platform/users/schema.js';
import { labelMaps, ledgerDictionaries } from '../ledger/labels.js';
import { loadPetition } from '../load-petition.js';
import { openReporter, type ReporterIdentity } from '../reporter-identity.js';
import { petitionDocuments, petitionEvents, petitionSubjects } from '../schema.js';
import type { Petition } from '../workflow/petition-clock.js';
import { formDocx } from './docx-form.js';
import { approvalForm, registrationForm, replyNotice } from './forms.js';
import { CASE_DOCUMENTS, type CaseDocument, notPrintable, printableDocuments } from './printable.js';

export interface CaseFile {
  p: Petition;
  orgName: string;
  subjects: { name: string; unitText: string | null }[];
  documents: { kind: string; content: string; occurredOn: string; userName: string | null }[];
  events: { action: string; toStatus: string | null; occurredOn: string; userName: string | null }[];
  registeredBy: string | null;
  labels: ReturnType<typeof labelMaps>;
  channel: string;
  statusLabel: string;
}

async function caseFile(ctx: AppContext, p: Petition): Promise<CaseFile> {
  const [org] = await ctx.db.select({ name: orgs.name }).from(orgs).where(eq(orgs.id, p.orgId));
  const [subjects, documents, events, dicts] = await Promise.all([
    ctx.db
      .select({ name: petitionSubjects.name, unitText: petitionSubjects.unitText })
      .from(petitionSubjects)
      .where(eq(petitionSubjects.petitionId, p.id))
      .orderBy(asc(petitionSubjects.id)),
    ctx.db
      .select({
        kind: petitionDocuments.kind,
        content: petitionDocuments.content,
        occurredOn: petitionDocuments.occurredOn,
        userName: users.displayName,
      })
      .from(petitionDocuments)
      .leftJoin(users, eq(users.id, petitionDocuments.userId))
      .where(eq(petitionDocuments.petitionId, p.id))
      .orderBy(asc(petitionDocuments.id)),
    ctx.db
      .select({
        action: petitionEvents.action,
        toStatus: petitionEvents.toStatus,
        occurredOn: petitionEvents.occurredOn,
        userName: users.displayName,
      })
      .from(petitionEvents)
      .leftJoin(users, eq(users.id, petitionEvents.userId))
      .where(eq(petitionEvents.petitionId, p.id))
      .orderBy(asc(petitionEvents.occurredOn), asc(petitionEvents.id)),
    ledgerDictionaries(ctx.db, false),
  ]);
  const [creator] = p.createdBy
    ? await ctx.db
        .select({ name: users.displayName })
        .from(users)
        .where(inArray(users.id, [p.createdBy]))
    : [];
  return {
    p,
    orgName: org?.name ?? '',
    subjects,
    documents,
    events,
    registeredBy: creator?.name ?? null,
    labels: labelMaps(dicts),
    channel: PETITION_CHANNELS[p.channel as PetitionChannel] ?? p.channel,
    statusLabel: PETITION_STATUSES[p.status as PetitionStatus] ?? p.status,
  };
}

export const wentForApproval = (f: Pick<CaseFile, 'documents' | 'events'>) =>
  f.documents.some((d) => d.kind === 'opinion') || f.events.some((e) => e.toStatus === 'awaiting_approval');

/**
 * A case document as .docx for someone who may see the case (scope, unit, recusal: 404 otherwise),
 * audited as petition.print. It never carries the reporter's identity — except the 登记表 asked for
 * with `reveal` by a holder of petition.reveal_identity, for a stated reason, audited as a reveal
 * too (docs/decisions/petition-documents.md).
 */
export async function printCaseDocument(opts: {
  ctx: AppContext;
  actor: Actor;
  id: number;
  kind: CaseDocument;
  reveal?: { reason: string };
}): Promise<{ bytes: Buffer; fileName: string }> {
  const { ctx, actor, id, kind, reveal } = opts;
  const p = await loadPetition(ctx.db, actor, id);
  const file = await caseFile(ctx, p);
  const may = printableDocuments({
    status: p.status,
    repliedOn: p.repliedOn,
    wentForApproval: wentForApproval(file),
  });
  if (!may.includes(kind)) throw unprocessable(notPrintable[kind]);
  let identity: ReporterIdentity | null = null;
  if (reveal) {
    if (!p.reporterEnc)
      throw unprocessable('该信访件为匿名反映，反映人未留下姓名或联系方式，无身份信息可打印');
    identity = openReporter(ctx.crypto, p.reporterEnc);
  }
  const now = ctx.clock.now();
  const footer = `打印：${actor.displayName}  ${chinaDate(now)}`;
  const spec =
    kind === 'registration'
      ? registrationForm(file, identity, footer)
      : kind === 'approval'
        ? approvalForm(file, footer)
        : replyNotice(file, footer, chinaDate(now));
  const bytes = await formDocx(spec);
  await recordAudit(ctx.db, ctx.clock, actor, {
    action: 'petition.print',
    objectType: 'petition',
    objectId: id,
    detail: { code: p.code, document: kind, identity: !!reveal, ...(reveal && { reason: reveal.reason }) },
  });
  if (reveal)
    await recordAudit(ctx.db, ctx.clock, actor, {
      action: 'petition.reveal_identity',
      objectType: 'petition',
      objectId: id,
      detail: { code: p.code, reason: reveal.reason, document: kind },
    });
  return { bytes, fileName: `${spec.title}-${p.code}.docx` };
}

export { CASE_DOCUMENTS };
