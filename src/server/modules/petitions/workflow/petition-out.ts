import { z } from 'zod';

/**
 * What officers see of a petition. Never the reporter's identity: the sealed blob and the receipt
 * digest are not part of any shape here (helper routes reveal it, audited, to those allowed).
 */
export const petitionRowOut = z.object({
  id: z.number(),
  code: z.string(),
  orgId: z.number(),
  orgName: z.string(),
  channel: z.string(),
  visitors: z.number().nullable(),
  receivedOn: z.string(),
  title: z.string(),
  category: z.string().nullable(),
  status: z.string(),
  dueOn: z.string().nullable(),
  dueKind: z.string().nullable(),
  overdueDays: z.number(),
  urgent: z.boolean(),
  realName: z.boolean(),
  imported: z.boolean(),
  subjects: z.array(z.string()),
});
export type PetitionRowOut = z.infer<typeof petitionRowOut>;

const named = z.object({
  id: z.number(),
  cadreId: z.number().nullable(),
  name: z.string(),
  unitText: z.string().nullable(),
});
const eventOut = z.object({
  id: z.number(),
  action: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string().nullable(),
  occurredOn: z.string(),
  userName: z.string().nullable(),
  note: z.string().nullable(),
  at: z.string(),
});
const documentOut = z.object({
  id: z.number(),
  kind: z.string(),
  content: z.string(),
  occurredOn: z.string(),
  userName: z.string().nullable(),
});
export const attachmentOut = z.object({
  id: z.number(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number(),
  fromPublic: z.boolean(),
  createdAt: z.string(),
});

export const petitionDetailOut = petitionRowOut.extend({
  content: z.string(),
  assignedBy: z.string().nullable(),
  assignedRef: z.string().nullable(),
  assignedDueOn: z.string().nullable(),
  transferredFrom: z.string().nullable(),
  /** 审计移送: the audit whose referral opened the case. */
  sourceAuditId: z.number().nullable(),
  sourceAuditTitle: z.string().nullable(),
  /** Whether sealed reporter details exist (never the details themselves). */
  hasReporterInfo: z.boolean(),
  disposal: z.string().nullable(),
  investigatorUserId: z.number().nullable(),
  investigatorName: z.string().nullable(),
  assignedUnitOrgId: z.number().nullable(),
  assignedUnitName: z.string().nullable(),
  /** The org the case went up to because of recusal (回避上移), if it did. */
  recusalOrgId: z.number().nullable(),
  recusalOrgName: z.string().nullable(),
  acceptedOn: z.string().nullable(),
  declinedOn: z.string().nullable(),
  declineReason: z.string().nullable(),
  reportedOn: z.string().nullable(),
  approvedOn: z.string().nullable(),
  repliedOn: z.string().nullable(),
  reply: z.string().nullable(),
  concludedOn: z.string().nullable(),
  extensionDays: z.number(),
  extensionReason: z.string().nullable(),
  rating: z.number().nullable(),
  ratingComment: z.string().nullable(),
  reviewLevel: z.number(),
  reviewRequestedOn: z.string().nullable(),
  version: z.number(),
  subjectsDetail: z.array(named),
  events: z.array(eventOut),
  documents: z.array(documentOut),
  attachments: z.array(attachmentOut),
  /** The workflow steps this caller may take now. */
  actions: z.array(z.string()),
  canAddOpinion: z.boolean(),
  canExtend: z.boolean(),
  canUpload: z.boolean(),
  /** Why this caller, an approver, may not approve now (四眼原则), shown beside the steps. */
  approvalNote: z.string().nullable(),
  /** Why this caller, an approver, may not extend the case now (its period has run out), shown beside the steps. */
  extensionNote: z.string().nullable(),
  /** The case documents this caller may print (.docx), by kind. */
  printable: z.array(z.string()),
});
export type PetitionDetailOut = z.infer<typeof petitionDetailOut>;
