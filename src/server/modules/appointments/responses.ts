import { z } from 'zod';
import { pageOf } from '../../platform/http/pagination.js';

/**
 * What the appointments routes answer: the serializer sends only these fields, so a column added
 * to a table does not reach the page unless it is declared here. Who recorded a check, an override
 * or a withdrawal (user ids), the events' raw detail and the meeting's stored extras stay inside.
 */
const day = z.string();
const num = z.number();
const text = z.string().nullable();

export const caseSummaryOut = z.object({
  id: num,
  code: z.string(),
  orgId: num,
  orgName: z.string(),
  title: z.string(),
  method: z.string(),
  methodLabel: z.string(),
  step: z.string(),
  stepLabel: z.string(),
  decidingBody: z.string(),
  decidingBodyLabel: z.string(),
  proposedOn: day,
  noticeStartsOn: day.nullable(),
  noticeEndsOn: day.nullable(),
  version: num,
});

export const caseListOut = pageOf(caseSummaryOut);

const candidateOut = z.object({
  id: num,
  cadreId: num,
  positionId: num,
  name: z.string(),
  post: z.string(),
  level: z.string(),
  isPrincipal: z.boolean(),
  status: z.string(),
  statusLabel: z.string(),
  recommendVotes: num.nullable(),
  examScore: num.nullable(),
  interviewScore: num.nullable(),
  rank: num.nullable(),
  approve: num.nullable(),
  oppose: num.nullable(),
  abstain: num.nullable(),
  integrityOpinion: text,
  integrityOn: day.nullable(),
  overrideReason: text,
  probationEnd: day.nullable(),
  revokedOn: day.nullable(),
  revokeReason: text,
  stopReason: text,
});

const registrantOut = z.object({
  id: num,
  positionId: num,
  post: z.string(),
  level: z.string(),
  isPrincipal: z.boolean(),
  cadreId: num.nullable(),
  name: z.string(),
  facts: z
    .object({
      gender: z.string(),
      birthDate: day,
      education: z.string(),
      politicalStatus: text.optional(),
      currentPost: z.string(),
    })
    .nullable(),
  registeredOn: day,
  qualification: text,
  qualificationLabel: z.string(),
  qualificationReason: text,
  eligibilityVerdict: text,
  eligibilityReasons: text,
  overrideReason: text,
  withdrawnOn: day.nullable(),
  withdrawReason: text,
  examScore: num.nullable(),
  interviewScore: num.nullable(),
  total: num.nullable(),
  rank: num.nullable(),
});

const weights = z.object({ exam: num, interview: num });

export const caseDetailOut = caseSummaryOut.extend({
  selection: z
    .object({
      weights,
      ratio: num,
      perPostNeeded: num,
      tieRule: z.string(),
      rows: z.array(registrantOut),
    })
    .nullable(),
  pendingObjections: z.array(
    z.object({ candidateId: num, name: z.string(), petitionId: num, code: z.string(), receivedOn: day }),
  ),
  plan: text,
  planFiles: z.array(z.object({ id: num, fileName: z.string(), uploadedOn: day })),
  recommendation: z
    .object({
      kind: z.string(),
      on: day,
      due: num.optional(),
      present: num.optional(),
      ratio: num.optional(),
      registrants: num.optional(),
      weights: weights.optional(),
    })
    .nullable(),
  inspection: z.object({ on: day, talkedTo: num, findings: z.string() }).nullable(),
  meeting: z
    .object({ on: day, body: z.string().optional(), membersDue: num, membersPresent: num, share: num })
    .nullable(),
  noticeCode: text,
  noticeContact: text,
  dispatchCode: text,
  dispatchOn: day.nullable(),
  stoppedOn: day.nullable(),
  stopReason: text,
  posts: z.array(z.object({ id: num, title: z.string(), level: z.string(), isPrincipal: z.boolean() })),
  candidates: z.array(candidateOut),
  responsibles: z.array(
    z.object({ id: num, role: z.string(), roleLabel: z.string(), cadreId: num.nullable(), name: z.string() }),
  ),
  objections: z.array(
    z.object({
      id: num,
      candidateId: num,
      petitionId: num,
      outcome: z.string(),
      reason: z.string(),
      concludedOn: day,
    }),
  ),
  events: z.array(
    z.object({
      id: num,
      action: z.string(),
      occurredOn: day,
      at: z.string(),
      userName: text,
      reason: text,
    }),
  ),
});

export type CaseDetailOut = z.infer<typeof caseDetailOut>;

export const prefillOut = z.object({
  candidateId: num,
  petitions: z.object({
    total: num,
    open: num,
    byStatus: z.array(z.object({ status: z.string(), label: z.string(), count: num })),
  }),
  inEffect: z.array(
    z.object({ code: z.string(), message: z.string(), since: day.nullable(), clearsOn: day.nullable() }),
  ),
  openItems: z.array(z.object({ kind: z.string(), date: day, title: z.string() })),
});

/** 任前公示 on the portal: the notice and its people's one-line bios, nothing of the internal record. */
export const publicNoticeOut = z.object({
  id: num,
  code: z.string(),
  title: z.string(),
  orgId: num,
  orgName: z.string(),
  startsOn: day,
  endsOn: day,
  contact: z.string(),
  people: z.array(z.object({ candidateId: num, name: z.string(), bio: z.string(), proposed: z.string() })),
});
export const publicNoticeListOut = z.object({ items: z.array(publicNoticeOut) });
