import './audit-labels.js';
import './provider.js';
import { downloadHeaders } from '../../platform/files/disposition.js';
import { type App, actorOf } from '../../platform/http/types.js';
import { downloadSupervisionFile, uploadSupervisionFile } from './attachments.js';
import { checkIn } from './check-in.js';
import { concludeInquiry } from './conclude-inquiry.js';
import {
  admonitionListQuery,
  attachmentParam,
  checkInIn,
  concludeIn,
  endorseIn,
  idParam,
  inquiryListQuery,
  ledgerQuery,
  measureIn,
  openAdmonitionIn,
  openInquiryIn,
  ownReportIn,
  releaseIn,
  replyIn,
  reportIn,
  talkStepIn,
} from './contract.js';
import { endorseInquiry } from './endorse-inquiry.js';
import { getAdmonition } from './get-admonition.js';
import { getInquiry } from './get-inquiry.js';
import { printInquiryLetter } from './inquiry-letter.js';
import { exportLedger } from './ledger.js';
import { listAdmonitions } from './list-admonitions.js';
import { listInquiries } from './list-inquiries.js';
import { getMyAdmonition, myAdmonitions } from './my-admonitions.js';
import { getMyInquiry, myInquiries } from './my-inquiries.js';
import { openAdmonition } from './open-admonition.js';
import { openInquiry } from './open-inquiry.js';
import { recordReport } from './record-report.js';
import { recordTalk } from './record-talk.js';
import { releaseAdmonition } from './release-admonition.js';
import { replyInquiry } from './reply-inquiry.js';
import { submitOwnReport } from './submit-own-report.js';
import { takeMeasure } from './take-measure.js';
import { uploadedFile } from './upload.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** 谈话诫勉 and 函询: the officers' lists, details and steps; the cadre's own inquiries (我的函询). */
export async function admonitionRoutes(app: App) {
  const { ctx } = app;
  const tags = ['admonitions'];
  const detail = (id: number, actor: ReturnType<typeof actorOf>) => getAdmonition({ ctx, actor, id });
  const inquiry = (id: number, actor: ReturnType<typeof actorOf>) => getInquiry({ ctx, actor, id });

  app.get(
    '/api/v1/admonitions',
    { schema: { tags, querystring: admonitionListQuery }, config: { access: 'admonition.read' } },
    (req) => listAdmonitions({ ctx, actor: actorOf(req), query: req.query }),
  );
  app.post(
    '/api/v1/admonitions',
    {
      schema: { tags, body: openAdmonitionIn },
      config: { access: 'admonition.manage', audit: 'admonition.open' },
    },
    async (req) => {
      const actor = actorOf(req);
      const { sourceKind, ...rest } = req.body;
      const a = await ctx.db.transaction((tx) =>
        openAdmonition(tx, ctx, actor, { ...rest, source: { kind: sourceKind } }),
      );
      return detail(a.id, actor);
    },
  );
  app.get(
    '/api/v1/admonitions/ledger.xlsx',
    {
      schema: { tags, querystring: ledgerQuery },
      config: { access: 'admonition.read', audit: 'admonition.ledger_export' },
    },
    async (req, reply) => {
      const out = await exportLedger({ ctx, actor: actorOf(req), kind: 'admonitions', year: req.query.year });
      return reply.headers(downloadHeaders(out.filename, XLSX)).send(out.bytes);
    },
  );
  app.get(
    '/api/v1/admonitions/:id',
    {
      schema: { tags, params: idParam },
      config: { access: 'admonition.read', auditView: 'admonition.view' },
    },
    (req) => detail(req.params.id, actorOf(req)),
  );
  const step = <B>(
    path: string,
    audit: string,
    body: any,
    run: (actor: any, id: number, input: B) => Promise<number>,
  ) =>
    app.post(
      `/api/v1/admonitions/:id/${path}`,
      { schema: { tags, params: idParam, body }, config: { access: 'admonition.manage', audit } },
      async (req) => {
        const actor = actorOf(req);
        await run(actor, req.params.id, req.body as B);
        return detail(req.params.id, actor);
      },
    );
  step('talk', 'admonition.talk', talkStepIn, (actor, id, input: any) =>
    recordTalk({ ctx, actor, id, input }),
  );
  step('check-ins', 'admonition.check_in', checkInIn, (actor, id, input: any) =>
    checkIn({ ctx, actor, id, input }),
  );
  step('reports', 'admonition.report', reportIn, (actor, id, input: any) =>
    recordReport({ ctx, actor, id, input }),
  );
  step('release', 'admonition.release', releaseIn, (actor, id, input: any) =>
    releaseAdmonition({ ctx, actor, id, input }),
  );
  step('measure', 'admonition.measure', measureIn, (actor, id, input: any) =>
    takeMeasure({ ctx, actor, id, input }),
  );
  app.post(
    '/api/v1/admonitions/:id/attachments',
    {
      schema: { tags, params: idParam },
      config: { access: 'admonition.manage', audit: 'admonition.attachment_upload' },
    },
    async (req) => {
      const f = await uploadedFile(req);
      return uploadSupervisionFile({
        ctx,
        actor: actorOf(req),
        owner: { type: 'admonition', id: req.params.id },
        ...f,
      });
    },
  );
  app.get(
    '/api/v1/admonitions/:id/attachments/:attachmentId',
    { schema: { tags, params: attachmentParam }, config: { access: 'admonition.read' } },
    async (req, reply) => {
      const owner = { type: 'admonition' as const, id: req.params.id };
      const f = await downloadSupervisionFile({
        ctx,
        actor: actorOf(req),
        owner,
        attachmentId: req.params.attachmentId,
      });
      return reply.headers(f.headers).send(f.bytes);
    },
  );

  // 函询
  app.get(
    '/api/v1/inquiries',
    {
      schema: { tags, querystring: inquiryListQuery },
      config: { access: ['inquiry.read', 'inquiry.endorse'] },
    },
    (req) => listInquiries({ ctx, actor: actorOf(req), query: req.query }),
  );
  app.post(
    '/api/v1/inquiries',
    { schema: { tags, body: openInquiryIn }, config: { access: 'inquiry.manage', audit: 'inquiry.open' } },
    async (req) => {
      const actor = actorOf(req);
      return inquiry(await openInquiry({ ctx, actor, input: req.body }), actor);
    },
  );
  app.get(
    '/api/v1/inquiries/ledger.xlsx',
    {
      schema: { tags, querystring: ledgerQuery },
      config: { access: 'inquiry.read', audit: 'inquiry.ledger_export' },
    },
    async (req, reply) => {
      const out = await exportLedger({ ctx, actor: actorOf(req), kind: 'inquiries', year: req.query.year });
      return reply.headers(downloadHeaders(out.filename, XLSX)).send(out.bytes);
    },
  );
  app.get(
    '/api/v1/inquiries/:id',
    {
      schema: { tags, params: idParam },
      config: { access: ['inquiry.read', 'inquiry.endorse'], auditView: 'inquiry.view' },
    },
    (req) => inquiry(req.params.id, actorOf(req)),
  );
  app.get(
    '/api/v1/inquiries/:id/letter.docx',
    { schema: { tags, params: idParam }, config: { access: 'inquiry.read', audit: 'inquiry.print' } },
    async (req, reply) => {
      const doc = await printInquiryLetter({ ctx, actor: actorOf(req), id: req.params.id });
      return reply.headers(downloadHeaders(doc.fileName, DOCX)).send(doc.bytes);
    },
  );
  app.post(
    '/api/v1/inquiries/:id/endorse',
    {
      schema: { tags, params: idParam, body: endorseIn },
      config: { access: ['inquiry.endorse', 'inquiry.manage'], audit: 'inquiry.endorse' },
    },
    async (req) => {
      const actor = actorOf(req);
      return inquiry(await endorseInquiry({ ctx, actor, id: req.params.id, input: req.body }), actor);
    },
  );
  app.post(
    '/api/v1/inquiries/:id/conclude',
    {
      schema: { tags, params: idParam, body: concludeIn },
      config: { access: 'inquiry.manage', audit: 'inquiry.conclude' },
    },
    async (req) => {
      const actor = actorOf(req);
      return inquiry(await concludeInquiry({ ctx, actor, id: req.params.id, input: req.body }), actor);
    },
  );
  app.post(
    '/api/v1/inquiries/:id/attachments',
    {
      schema: { tags, params: idParam },
      config: { access: 'inquiry.manage', audit: 'inquiry.attachment_upload' },
    },
    async (req) => {
      const f = await uploadedFile(req);
      return uploadSupervisionFile({
        ctx,
        actor: actorOf(req),
        owner: { type: 'inquiry', id: req.params.id },
        ...f,
      });
    },
  );
  app.get(
    '/api/v1/inquiries/:id/attachments/:attachmentId',
    { schema: { tags, params: attachmentParam }, config: { access: ['inquiry.read', 'inquiry.endorse'] } },
    async (req, reply) => {
      const owner = { type: 'inquiry' as const, id: req.params.id };
      const f = await downloadSupervisionFile({
        ctx,
        actor: actorOf(req),
        owner,
        attachmentId: req.params.attachmentId,
      });
      return reply.headers(f.headers).send(f.bytes);
    },
  );

  // 我的诫勉: the cadre's own admonitions and the written reports they hand in
  app.get(
    '/api/v1/me/admonitions',
    { schema: { tags }, config: { access: 'admonition.own_report' } },
    (req) => myAdmonitions({ ctx, actor: actorOf(req) }),
  );
  app.get(
    '/api/v1/me/admonitions/:id',
    { schema: { tags, params: idParam }, config: { access: 'admonition.own_report' } },
    (req) => getMyAdmonition({ ctx, actor: actorOf(req), id: req.params.id }),
  );
  app.post(
    '/api/v1/me/admonitions/:id/reports',
    {
      schema: { tags, params: idParam, body: ownReportIn },
      config: { access: 'admonition.own_report', audit: 'admonition.own_report' },
    },
    async (req) => {
      const actor = actorOf(req);
      await submitOwnReport({ ctx, actor, id: req.params.id, input: req.body });
      return getMyAdmonition({ ctx, actor, id: req.params.id });
    },
  );

  // 我的函询: the cadre's own
  app.get('/api/v1/me/inquiries', { schema: { tags }, config: { access: 'inquiry.reply' } }, (req) =>
    myInquiries({ ctx, actor: actorOf(req) }),
  );
  app.get(
    '/api/v1/me/inquiries/:id',
    { schema: { tags, params: idParam }, config: { access: 'inquiry.reply' } },
    (req) => getMyInquiry({ ctx, actor: actorOf(req), id: req.params.id }),
  );
  app.get(
    '/api/v1/me/inquiries/:id/letter.docx',
    { schema: { tags, params: idParam }, config: { access: 'inquiry.reply', audit: 'inquiry.print' } },
    async (req, reply) => {
      const doc = await printInquiryLetter({ ctx, actor: actorOf(req), id: req.params.id, own: true });
      return reply.headers(downloadHeaders(doc.fileName, DOCX)).send(doc.bytes);
    },
  );
  app.post(
    '/api/v1/me/inquiries/:id/reply',
    {
      schema: { tags, params: idParam, body: replyIn },
      config: { access: 'inquiry.reply', audit: 'inquiry.reply' },
    },
    async (req) => {
      const actor = actorOf(req);
      await replyInquiry({ ctx, actor, id: req.params.id, input: req.body });
      return getMyInquiry({ ctx, actor, id: req.params.id });
    },
  );
  app.post(
    '/api/v1/me/inquiries/:id/attachments',
    {
      schema: { tags, params: idParam },
      config: { access: 'inquiry.reply', audit: 'inquiry.attachment_upload' },
    },
    async (req) => {
      const f = await uploadedFile(req);
      return uploadSupervisionFile({
        ctx,
        actor: actorOf(req),
        owner: { type: 'own_inquiry', id: req.params.id },
        ...f,
      });
    },
  );
  app.get(
    '/api/v1/me/inquiries/:id/attachments/:attachmentId',
    { schema: { tags, params: attachmentParam }, config: { access: 'inquiry.reply' } },
    async (req, reply) => {
      const owner = { type: 'own_inquiry' as const, id: req.params.id };
      const f = await downloadSupervisionFile({
        ctx,
        actor: actorOf(req),
        owner,
        attachmentId: req.params.attachmentId,
      });
      return reply.headers(f.headers).send(f.bytes);
    },
  );
}
