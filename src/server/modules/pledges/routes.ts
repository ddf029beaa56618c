import './audit-labels.js';
import { z } from 'zod';
import { type App, actorOf } from '../../platform/http/types.js';
import { uploadedFile } from '../admonitions/upload.js';
import { addProgress } from './add-progress.js';
import { downloadEvidence, uploadEvidence } from './attachments.js';
import { appraisalIn, createPledgeIn, idParam, listQuery, progressIn, reportIn } from './contract.js';
import { createPledge } from './create-pledge.js';
import { getPledge } from './get-pledge.js';
import { listPledges } from './list-pledges.js';
import { myPledges } from './my-pledges.js';
import { exportPledgeLedger } from './pledge-ledger.js';
import { recordAppraisal } from './record-appraisal.js';
import { recordReport } from './record-report.js';
import { villageTenures } from './village-tenures.js';

const asOfQuery = listQuery.pick({ asOf: true });
const entryParam = z.object({
  id: z.coerce.number().int().positive('编号不正确'),
  entryId: z.coerce.number().int().positive('编号不正确'),
});
const attachmentParam = z.object({
  id: z.coerce.number().int().positive('编号不正确'),
  attachmentId: z.coerce.number().int().positive('编号不正确'),
});
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** 任期承诺: 承诺 → 践诺 → 述诺 → 评诺, by village with progress and 兑现率; the cadre's own pledges. */
export async function pledgeRoutes(app: App) {
  const { ctx } = app;
  const tags = ['pledges'];

  app.get(
    '/api/v1/pledges',
    { schema: { tags, querystring: listQuery }, config: { access: 'pledge.read' } },
    (req) => listPledges({ ctx, actor: actorOf(req), query: req.query }),
  );
  app.post(
    '/api/v1/pledges',
    { schema: { tags, body: createPledgeIn }, config: { access: 'pledge.manage', audit: 'pledge.create' } },
    (req) => createPledge({ ctx, actor: actorOf(req), input: req.body }),
  );
  app.get(
    '/api/v1/pledges/ledger.xlsx',
    {
      schema: { tags, querystring: listQuery },
      config: { access: 'pledge.read', audit: 'pledge.ledger_export' },
    },
    async (req, reply) => {
      const { buffer, filename } = await exportPledgeLedger({ ctx, actor: actorOf(req), query: req.query });
      return reply
        .type(XLSX)
        .header(
          'content-disposition',
          `attachment; filename="pledges.xlsx"; filename*=UTF-8''${encodeURIComponent(filename)}`,
        )
        .send(buffer);
    },
  );
  app.get(
    '/api/v1/pledges/tenures',
    { schema: { tags, querystring: z.object({}) }, config: { access: 'pledge.manage' } },
    (req) => villageTenures({ ctx, actor: actorOf(req) }),
  );
  app.get(
    '/api/v1/pledges/:id',
    {
      schema: { tags, params: idParam, querystring: asOfQuery },
      config: { access: ['pledge.read', 'pledge.own'] },
    },
    (req) => getPledge({ ctx, actor: actorOf(req), id: req.params.id, asOf: req.query.asOf }),
  );
  // 践诺: the officers' routes (scope, recusal) and the cadre's own (我的任期承诺)
  for (const own of [false, true]) {
    const base = own ? '/api/v1/me/pledges' : '/api/v1/pledges';
    const access = own ? 'pledge.own' : 'pledge.manage';
    app.post(
      `${base}/:id/progress`,
      { schema: { tags, params: idParam, body: progressIn }, config: { access, audit: 'pledge.progress' } },
      (req) => addProgress({ ctx, actor: actorOf(req), id: req.params.id, input: req.body, own }),
    );
    app.post(
      `${base}/:id/progress/:entryId/attachments`,
      { schema: { tags, params: entryParam }, config: { access, audit: 'pledge.attachment_upload' } },
      async (req) => {
        const f = await uploadedFile(req);
        return uploadEvidence({
          ctx,
          actor: actorOf(req),
          id: req.params.id,
          entryId: req.params.entryId,
          ...f,
          own,
        });
      },
    );
  }
  app.get(
    '/api/v1/pledges/:id/attachments/:attachmentId',
    { schema: { tags, params: attachmentParam }, config: { access: ['pledge.read', 'pledge.own'] } },
    async (req, reply) => {
      const f = await downloadEvidence({
        ctx,
        actor: actorOf(req),
        id: req.params.id,
        attachmentId: req.params.attachmentId,
      });
      return reply.headers(f.headers).send(f.bytes);
    },
  );
  app.put(
    '/api/v1/pledges/:id/report',
    {
      schema: { tags, params: idParam, body: reportIn },
      config: { access: 'pledge.manage', audit: 'pledge.report' },
    },
    (req) => recordReport({ ctx, actor: actorOf(req), id: req.params.id, input: req.body }),
  );
  app.put(
    '/api/v1/pledges/:id/appraisal',
    {
      schema: { tags, params: idParam, body: appraisalIn },
      config: { access: 'pledge.manage', audit: 'pledge.appraisal' },
    },
    (req) => recordAppraisal({ ctx, actor: actorOf(req), id: req.params.id, input: req.body }),
  );
  app.get(
    '/api/v1/me/pledges',
    { schema: { tags, querystring: z.object({}) }, config: { access: 'pledge.own' } },
    (req) => myPledges({ ctx, actor: actorOf(req) }),
  );
}
