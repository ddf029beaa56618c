import './audit-labels.js';
import './departure.js';
import './provider.js';
import { z } from 'zod';
import { downloadHeaders } from '../../platform/files/disposition.js';
import { type App, actorOf } from '../../platform/http/types.js';
import { uploadedFile } from '../admonitions/upload.js';
import { addFinding } from './add-finding.js';
import { confirmAudit, dismissAudit } from './confirm-audit.js';
import {
  auditListQuery,
  confirmAuditIn,
  createAuditIn,
  dismissAuditIn,
  findingIn,
  idParam,
  itemListQuery,
  outcomeIn,
  planIn,
  reportAuditIn,
  stepIn,
} from './contract.js';
import { createAudit } from './create-audit.js';
import { printClosingSheet, printMeetingDecisions, printNotice } from './documents.js';
import { downloadItemEvidence, uploadItemEvidence } from './evidence-files.js';
import { exportLedger } from './export-ledger.js';
import { getAudit } from './get-audit.js';
import { getItem } from './get-item.js';
import { itemStep } from './item-step.js';
import { listAudits } from './list-audits.js';
import { listItems } from './list-items.js';
import { assigneeQuery, listAssignees } from './meeting-decisions.js';
import {
  completeDecision,
  createMeeting,
  decisionDoneIn,
  getMeeting,
  listMeetings,
  meetingIn,
} from './meetings.js';
import { createPlan, listPlans } from './plans.js';
import { recordOutcome } from './record-outcome.js';
import { reportAudit } from './report-audit.js';
import { downloadReportFile, uploadReportFile } from './report-file.js';
import { createVisit, listVisits, visitIn } from './visits.js';

const decisionParams = z.object({
  id: z.coerce.number().int().positive('编号不正确'),
  decisionId: z.coerce.number().int().positive('编号不正确'),
});
const attachmentParams = z.object({
  id: z.coerce.number().int().positive('编号不正确'),
  attachmentId: z.coerce.number().int().positive('编号不正确'),
});
const reportFileParams = z.object({
  id: z.coerce.number().int().positive('编号不正确'),
  fileId: z.coerce.number().int().positive('编号不正确'),
});
const planQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });

/** 经济责任审计: plans, audits, findings, rectification items (the board and the unit's own), 成效. */
export async function econAuditRoutes(app: App) {
  const { ctx } = app;
  const tags = ['econ-audits'];
  const read = { access: 'econ_audit.read' } as const;

  app.get('/api/v1/audit-plans', { schema: { tags, querystring: planQuery }, config: read }, (req) =>
    listPlans({ ctx, actor: actorOf(req), year: req.query.year }),
  );
  app.post(
    '/api/v1/audit-plans',
    { schema: { tags, body: planIn }, config: { access: 'econ_audit.manage', audit: 'econ_audit.plan' } },
    (req) => createPlan({ ctx, actor: actorOf(req), input: req.body }),
  );
  app.get('/api/v1/econ-audits', { schema: { tags, querystring: auditListQuery }, config: read }, (req) =>
    listAudits({ ctx, actor: actorOf(req), query: req.query }),
  );
  app.post(
    '/api/v1/econ-audits',
    {
      schema: { tags, body: createAuditIn },
      config: { access: 'econ_audit.manage', audit: 'econ_audit.create' },
    },
    (req) => createAudit({ ctx, actor: actorOf(req), input: req.body }),
  );
  app.get(
    '/api/v1/econ-audits/:id',
    { schema: { tags, params: idParam }, config: { ...read, auditView: 'econ_audit.view' } },
    (req) => getAudit({ ctx, actor: actorOf(req), id: req.params.id }),
  );
  const auditStep = <B extends z.ZodTypeAny>(
    path: string,
    body: B,
    audit: string,
    run: (o: {
      ctx: typeof ctx;
      actor: ReturnType<typeof actorOf>;
      id: number;
      input: z.infer<B>;
    }) => unknown,
  ) =>
    app.post(
      `/api/v1/econ-audits/:id/${path}`,
      { schema: { tags, params: idParam, body }, config: { access: 'econ_audit.manage', audit } },
      (req: any) => run({ ctx, actor: actorOf(req), id: req.params.id, input: req.body }),
    );
  app.post(
    '/api/v1/econ-audits/:id/report-files',
    {
      schema: { tags, params: idParam },
      config: { access: 'econ_audit.manage', audit: 'econ_audit.report_upload' },
    },
    async (req) => {
      const f = await uploadedFile(req);
      return uploadReportFile({ ctx, actor: actorOf(req), id: req.params.id, ...f });
    },
  );
  app.get(
    '/api/v1/econ-audits/:id/report-files/:fileId',
    { schema: { tags, params: reportFileParams }, config: read },
    async (req, reply) => {
      const f = await downloadReportFile({
        ctx,
        actor: actorOf(req),
        id: req.params.id,
        fileId: req.params.fileId,
      });
      return reply.headers(f.headers).send(f.bytes);
    },
  );
  auditStep('confirm', confirmAuditIn, 'econ_audit.confirm', confirmAudit);
  auditStep('dismiss', dismissAuditIn, 'econ_audit.dismiss', dismissAudit);
  auditStep('report', reportAuditIn, 'econ_audit.report', reportAudit);
  auditStep('findings', findingIn, 'econ_audit.add_finding', addFinding);
  auditStep('outcomes', outcomeIn, 'econ_audit.outcome', recordOutcome);

  app.get('/api/v1/audit-meetings', { schema: { tags }, config: read }, (req) =>
    listMeetings({ ctx, actor: actorOf(req) }),
  );
  app.post(
    '/api/v1/audit-meetings',
    {
      schema: { tags, body: meetingIn },
      config: { access: 'econ_audit.manage', audit: 'econ_audit.meeting' },
    },
    (req) => createMeeting({ ctx, actor: actorOf(req), input: req.body }),
  );
  // a unit head given a decision reads it (and only it) and records it done
  const decisionAccess = ['econ_audit.read', 'rectification.unit'] as const;
  app.get(
    '/api/v1/audit-meetings/:id',
    { schema: { tags, params: idParam }, config: { access: [...decisionAccess] } },
    (req) => getMeeting({ ctx, actor: actorOf(req), id: req.params.id }),
  );
  app.get(
    '/api/v1/audit-meetings/assignees',
    { schema: { tags, querystring: assigneeQuery }, config: { access: 'econ_audit.manage' } },
    (req) => listAssignees({ ctx, actor: actorOf(req), query: req.query }),
  );
  app.post(
    '/api/v1/audit-meetings/:id/decisions/:decisionId/done',
    {
      schema: { tags, params: decisionParams, body: decisionDoneIn },
      config: { access: [...decisionAccess], audit: 'econ_audit.decision_done' },
    },
    (req) =>
      completeDecision({
        ctx,
        actor: actorOf(req),
        id: req.params.id,
        decisionId: req.params.decisionId,
        note: req.body.note,
      }),
  );

  app.get('/api/v1/audit-visits', { schema: { tags }, config: read }, (req) =>
    listVisits({ ctx, actor: actorOf(req) }),
  );
  app.post(
    '/api/v1/audit-visits',
    { schema: { tags, body: visitIn }, config: { access: 'econ_audit.manage', audit: 'econ_audit.visit' } },
    (req) => createVisit({ ctx, actor: actorOf(req), input: req.body }),
  );

  const itemAccess = ['econ_audit.read', 'rectification.unit'] as const;
  const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
  app.get(
    '/api/v1/rectification-items/:id/notice.docx',
    { schema: { tags, params: idParam }, config: { access: [...itemAccess], audit: 'econ_audit.print' } },
    async (req, reply) => {
      const doc = await printNotice({ ctx, actor: actorOf(req), id: req.params.id });
      return reply.headers(downloadHeaders(doc.fileName, DOCX)).send(doc.bytes);
    },
  );
  app.get(
    '/api/v1/audit-meetings/:id/decisions.docx',
    { schema: { tags, params: idParam }, config: { ...read, audit: 'econ_audit.print' } },
    async (req, reply) => {
      const doc = await printMeetingDecisions({ ctx, actor: actorOf(req), id: req.params.id });
      return reply.headers(downloadHeaders(doc.fileName, DOCX)).send(doc.bytes);
    },
  );
  app.get(
    '/api/v1/econ-audits/:id/closing-sheet.docx',
    { schema: { tags, params: idParam }, config: { access: 'econ_audit.manage', audit: 'econ_audit.print' } },
    async (req, reply) => {
      const doc = await printClosingSheet({ ctx, actor: actorOf(req), id: req.params.id });
      return reply.headers(downloadHeaders(doc.fileName, DOCX)).send(doc.bytes);
    },
  );
  app.get(
    '/api/v1/rectification-items/ledger.xlsx',
    {
      schema: {
        tags,
        querystring: itemListQuery.omit({ page: true, pageSize: true, sort: true, order: true }),
      },
      config: { access: 'econ_audit.manage', audit: 'econ_audit.ledger_export' },
    },
    async (req, reply) => {
      const { buffer, filename } = await exportLedger({ ctx, actor: actorOf(req), query: req.query });
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header(
          'content-disposition',
          `attachment; filename="audit-ledger.xlsx"; filename*=UTF-8''${encodeURIComponent(filename)}`,
        )
        .send(buffer);
    },
  );
  app.get(
    '/api/v1/rectification-items',
    { schema: { tags, querystring: itemListQuery }, config: { access: [...itemAccess] } },
    (req) => listItems({ ctx, actor: actorOf(req), query: req.query }),
  );
  app.get(
    '/api/v1/rectification-items/:id',
    {
      schema: { tags, params: idParam },
      config: { access: [...itemAccess], auditView: 'rectification.view' },
    },
    (req) => getItem({ ctx, actor: actorOf(req), id: req.params.id }),
  );
  app.post(
    '/api/v1/rectification-items/:id/evidence',
    {
      schema: { tags, params: idParam },
      config: { access: 'rectification.unit', audit: 'rectification.attachment_upload' },
    },
    async (req) => {
      const f = await uploadedFile(req);
      return uploadItemEvidence({ ctx, actor: actorOf(req), id: req.params.id, ...f });
    },
  );
  app.get(
    '/api/v1/rectification-items/:id/evidence/:attachmentId',
    { schema: { tags, params: attachmentParams }, config: { access: [...itemAccess] } },
    async (req, reply) => {
      const f = await downloadItemEvidence({
        ctx,
        actor: actorOf(req),
        id: req.params.id,
        attachmentId: req.params.attachmentId,
      });
      return reply.headers(f.headers).send(f.bytes);
    },
  );
  app.post(
    '/api/v1/rectification-items/:id/steps',
    {
      schema: { tags, params: idParam, body: stepIn },
      config: { access: ['econ_audit.manage', 'rectification.unit'], audit: 'rectification.step' },
    },
    (req) => itemStep({ ctx, actor: actorOf(req), id: req.params.id, input: req.body }),
  );
}
