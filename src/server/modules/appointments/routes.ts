import './audit-labels.js';
import { z } from 'zod';
import './interlock.js';
import './provider.js';
import { downloadHeaders } from '../../platform/files/disposition.js';
import { type App, actorOf } from '../../platform/http/types.js';
import { uploadedFile } from '../admonitions/upload.js';
import { appoint } from './appoint.js';
import { concludeObjection } from './conclude-objection.js';
import {
  appointIn,
  caseListQuery,
  createCaseIn,
  decideIn,
  documentParams,
  idParam,
  inspectIn,
  integrityIn,
  ledgerQuery,
  noticeIn,
  objectionIn,
  prefillQuery,
  qualifyIn,
  recommendIn,
  registrantIn,
  registrantParams,
  revokeIn,
  scoresIn,
  shortlistIn,
  stopIn,
  withdrawIn,
} from './contract.js';
import { createCase } from './create-case.js';
import { decide } from './decide.js';
import { printDocument } from './documents.js';
import { exportLedger } from './export-ledger.js';
import { exportRanking } from './export-ranking.js';
import { getCase } from './get-case.js';
import { inspect } from './inspect.js';
import { giveIntegrityOpinion } from './integrity-opinion.js';
import { integrityPrefill } from './integrity-prefill.js';
import { listCases } from './list-cases.js';
import { downloadPlanFile, uploadPlanFile } from './plan-file.js';
import { publishNotice } from './publish-notice.js';
import { qualify } from './qualify.js';
import { recommend } from './recommend.js';
import { recordScores } from './record-scores.js';
import { register } from './register.js';
import { caseDetailOut, caseListOut, prefillOut } from './responses.js';
import { revokeDecisions } from './revoke-decision.js';
import { shortlist } from './shortlist.js';
import { stopCase } from './stop-case.js';
import { withdrawRegistration } from './withdraw-registration.js';

const planFileParams = z.object({
  id: z.coerce.number().int().positive('编号不正确'),
  fileId: z.coerce.number().int().positive('编号不正确'),
});

/** 选拔任用: the case from 动议 to 任职, 撤销, the interlock's conclusions and 撤销任免决定. */
export async function appointmentRoutes(app: App) {
  const { ctx } = app;
  const tags = ['appointments'];
  const base = '/api/v1/appointments';
  const manage = { access: 'appointment.manage' as const };

  app.get(
    base,
    {
      schema: { tags, querystring: caseListQuery, response: { 200: caseListOut } },
      config: { access: 'appointment.read' },
    },
    (req) => listCases({ ctx, actor: actorOf(req), query: req.query }),
  );
  app.get(
    `${base}/ledger.xlsx`,
    {
      schema: { tags, querystring: ledgerQuery },
      config: { access: 'appointment.manage', audit: 'appointment.ledger_export' },
    },
    async (req, reply) => {
      const { buffer, filename } = await exportLedger({ ctx, actor: actorOf(req), query: req.query });
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header(
          'content-disposition',
          `attachment; filename="appointment-ledger.xlsx"; filename*=UTF-8''${encodeURIComponent(filename)}`,
        )
        .send(buffer);
    },
  );
  app.post(
    base,
    {
      schema: { tags, body: createCaseIn, response: { 200: caseDetailOut } },
      config: { ...manage, audit: 'appointment.create' },
    },
    (req) => createCase({ ctx, actor: actorOf(req), input: req.body }),
  );
  app.get(
    `${base}/:id`,
    {
      schema: { tags, params: idParam, response: { 200: caseDetailOut } },
      config: { access: 'appointment.read', auditView: 'appointment.view' },
    },
    (req) => getCase({ ctx, actor: actorOf(req), id: req.params.id }),
  );
  app.post(
    `${base}/:id/plan-files`,
    { schema: { tags, params: idParam }, config: { ...manage, audit: 'appointment.plan_upload' } },
    async (req) => {
      const f = await uploadedFile(req);
      return uploadPlanFile({ ctx, actor: actorOf(req), id: req.params.id, ...f });
    },
  );
  app.get(
    `${base}/:id/plan-files/:fileId`,
    { schema: { tags, params: planFileParams }, config: { access: 'appointment.read' } },
    async (req, reply) => {
      const f = await downloadPlanFile({
        ctx,
        actor: actorOf(req),
        id: req.params.id,
        fileId: req.params.fileId,
      });
      return reply.headers(f.headers).send(f.bytes);
    },
  );
  app.get(
    `${base}/:id/documents/:kind`,
    {
      schema: { tags, params: documentParams },
      config: { access: 'appointment.read', audit: 'appointment.print' },
    },
    async (req, reply) => {
      const doc = await printDocument({ ctx, actor: actorOf(req), id: req.params.id, kind: req.params.kind });
      return reply
        .headers(
          downloadHeaders(
            doc.fileName,
            'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
          ),
        )
        .send(doc.bytes);
    },
  );
  app.post(
    `${base}/:id/recommendation`,
    {
      schema: { tags, params: idParam, body: recommendIn, response: { 200: caseDetailOut } },
      config: { ...manage, audit: 'appointment.recommend' },
    },
    (req) => recommend({ ctx, actor: actorOf(req), id: req.params.id, input: req.body }),
  );
  // 公开选拔 / 竞争上岗: 报名 → 资格审查 → 笔试、面试成绩 → 排名 → 确定考察对象 (差额)
  app.post(
    `${base}/:id/registrants`,
    {
      schema: { tags, params: idParam, body: registrantIn, response: { 200: caseDetailOut } },
      config: { ...manage, audit: 'appointment.register' },
    },
    (req) => register({ ctx, actor: actorOf(req), id: req.params.id, input: req.body }),
  );
  app.post(
    `${base}/:id/registrants/:registrantId/qualification`,
    {
      schema: { tags, params: registrantParams, body: qualifyIn, response: { 200: caseDetailOut } },
      // a holder of appointment.override (the party secretary) records the check with an override reason
      config: { access: ['appointment.manage', 'appointment.override'], audit: 'appointment.qualify' },
    },
    (req) =>
      qualify({
        ctx,
        actor: actorOf(req),
        id: req.params.id,
        registrantId: req.params.registrantId,
        input: req.body,
      }),
  );
  app.post(
    `${base}/:id/registrants/:registrantId/withdrawal`,
    {
      schema: { tags, params: registrantParams, body: withdrawIn, response: { 200: caseDetailOut } },
      config: { ...manage, audit: 'appointment.registrant_withdraw' },
    },
    (req) =>
      withdrawRegistration({
        ctx,
        actor: actorOf(req),
        id: req.params.id,
        registrantId: req.params.registrantId,
        input: req.body,
      }),
  );
  app.post(
    `${base}/:id/scores`,
    {
      schema: { tags, params: idParam, body: scoresIn, response: { 200: caseDetailOut } },
      config: { ...manage, audit: 'appointment.scores' },
    },
    (req) => recordScores({ ctx, actor: actorOf(req), id: req.params.id, input: req.body }),
  );
  app.post(
    `${base}/:id/shortlist`,
    {
      schema: { tags, params: idParam, body: shortlistIn, response: { 200: caseDetailOut } },
      config: { ...manage, audit: 'appointment.shortlist' },
    },
    (req) => shortlist({ ctx, actor: actorOf(req), id: req.params.id, input: req.body }),
  );
  app.get(
    `${base}/:id/ranking.xlsx`,
    {
      schema: { tags, params: idParam },
      config: { access: 'appointment.read', audit: 'appointment.ranking_export' },
    },
    async (req, reply) => {
      const { buffer, filename } = await exportRanking({ ctx, actor: actorOf(req), id: req.params.id });
      return reply
        .headers(
          downloadHeaders(filename, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'),
        )
        .send(buffer);
    },
  );
  app.post(
    `${base}/:id/inspection`,
    {
      schema: { tags, params: idParam, body: inspectIn, response: { 200: caseDetailOut } },
      config: { ...manage, audit: 'appointment.inspect' },
    },
    (req) => inspect({ ctx, actor: actorOf(req), id: req.params.id, input: req.body }),
  );
  app.post(
    `${base}/:id/integrity-opinion`,
    {
      schema: { tags, params: idParam, body: integrityIn, response: { 200: caseDetailOut } },
      config: { access: 'appointment.integrity', audit: 'appointment.integrity_opinion' },
    },
    (req) => giveIntegrityOpinion({ ctx, actor: actorOf(req), id: req.params.id, input: req.body }),
  );
  app.get(
    `${base}/:id/integrity-prefill`,
    {
      schema: { tags, params: idParam, querystring: prefillQuery, response: { 200: prefillOut } },
      config: { access: 'appointment.integrity', auditView: 'appointment.view' },
    },
    (req) =>
      integrityPrefill({ ctx, actor: actorOf(req), id: req.params.id, candidateId: req.query.candidateId }),
  );
  app.post(
    `${base}/:id/decision`,
    {
      schema: { tags, params: idParam, body: decideIn, response: { 200: caseDetailOut } },
      // the party secretary (appointment.override) records the meeting where a blocked candidate is decided
      config: { access: ['appointment.manage', 'appointment.override'], audit: 'appointment.decide' },
    },
    (req) => decide({ ctx, actor: actorOf(req), id: req.params.id, input: req.body }),
  );
  app.post(
    `${base}/:id/notice`,
    {
      schema: { tags, params: idParam, body: noticeIn, response: { 200: caseDetailOut } },
      config: { ...manage, audit: 'appointment.notice' },
    },
    (req) => publishNotice({ ctx, actor: actorOf(req), id: req.params.id, input: req.body }),
  );
  app.post(
    `${base}/:id/objections`,
    {
      schema: { tags, params: idParam, body: objectionIn, response: { 200: caseDetailOut } },
      config: { access: 'appointment.integrity', audit: 'appointment.objection_conclude' },
    },
    (req) => concludeObjection({ ctx, actor: actorOf(req), id: req.params.id, input: req.body }),
  );
  app.post(
    `${base}/:id/appointment`,
    {
      schema: { tags, params: idParam, body: appointIn, response: { 200: caseDetailOut } },
      config: { ...manage, audit: 'appointment.appoint' },
    },
    (req) => appoint({ ctx, actor: actorOf(req), id: req.params.id, input: req.body }),
  );
  app.post(
    `${base}/:id/stop`,
    {
      schema: { tags, params: idParam, body: stopIn, response: { 200: caseDetailOut } },
      config: { ...manage, audit: 'appointment.stop' },
    },
    (req) => stopCase({ ctx, actor: actorOf(req), id: req.params.id, input: req.body }),
  );
  app.post(
    `${base}/:id/revocation`,
    {
      schema: { tags, params: idParam, body: revokeIn, response: { 200: caseDetailOut } },
      config: { ...manage, audit: 'appointment.revoke' },
    },
    (req) => revokeDecisions({ ctx, actor: actorOf(req), id: req.params.id, input: req.body }),
  );
}
