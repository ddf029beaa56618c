import './audit-labels.js';
import './provider.js';
import { type App, actorOf } from '../../platform/http/types.js';
import { confirmRecord } from './confirm-record.js';
import {
  confirmIn,
  createRecordIn,
  dismissIn,
  idParam,
  ledgerQuery,
  optionsOut,
  recordDetailOut,
  recordListOut,
  recordListQuery,
  reviewSanctionIn,
  updateRecordIn,
} from './contract.js';
import { createRecord } from './create-record.js';
import { dismissRecord } from './dismiss-record.js';
import { exportLedger } from './export-ledger.js';
import { getRecord } from './get-record.js';
import { listRecords } from './list-records.js';
import { accountabilityOptions } from './options.js';
import { reviewSanction } from './review-sanction.js';
import { updateRecord } from './update-record.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** 责任追究: the register, its drafts and their confirmation, 申诉/复查 of sanctions, the 台帐. */
export async function accountabilityRoutes(app: App) {
  const { ctx } = app;
  const tags = ['accountability'];

  app.get(
    '/api/v1/accountability/options',
    { schema: { tags, response: { 200: optionsOut } }, config: { access: 'accountability.read' } },
    () => accountabilityOptions(ctx),
  );
  app.get(
    '/api/v1/accountability',
    {
      schema: { tags, querystring: recordListQuery, response: { 200: recordListOut } },
      config: { access: 'accountability.read' },
    },
    (req) => listRecords({ ctx, actor: actorOf(req), query: req.query }),
  );
  app.get(
    '/api/v1/accountability/ledger.xlsx',
    {
      schema: { tags, querystring: ledgerQuery },
      config: { access: 'accountability.manage', audit: 'accountability.ledger_export' },
    },
    async (req, reply) => {
      const { buffer, filename } = await exportLedger({ ctx, actor: actorOf(req), query: req.query });
      return reply
        .type(XLSX)
        .header(
          'content-disposition',
          `attachment; filename="accountability-ledger.xlsx"; filename*=UTF-8''${encodeURIComponent(filename)}`,
        )
        .send(buffer);
    },
  );
  app.post(
    '/api/v1/accountability',
    {
      schema: { tags, body: createRecordIn, response: { 200: recordDetailOut } },
      config: { access: 'accountability.manage', audit: 'accountability.create' },
    },
    (req) => createRecord({ ctx, actor: actorOf(req), input: req.body }),
  );
  app.get(
    '/api/v1/accountability/:id',
    {
      schema: { tags, params: idParam, response: { 200: recordDetailOut } },
      config: { access: 'accountability.read', auditView: 'accountability.view' },
    },
    (req) => getRecord({ ctx, actor: actorOf(req), id: req.params.id }),
  );
  app.put(
    '/api/v1/accountability/:id',
    {
      schema: { tags, params: idParam, body: updateRecordIn, response: { 200: recordDetailOut } },
      config: { access: 'accountability.manage', audit: 'accountability.update' },
    },
    (req) => updateRecord({ ctx, actor: actorOf(req), id: req.params.id, input: req.body }),
  );
  app.post(
    '/api/v1/accountability/:id/confirm',
    {
      schema: { tags, params: idParam, body: confirmIn, response: { 200: recordDetailOut } },
      config: { access: 'accountability.manage', audit: 'accountability.confirm' },
    },
    (req) => confirmRecord({ ctx, actor: actorOf(req), id: req.params.id, input: req.body }),
  );
  app.post(
    '/api/v1/accountability/:id/dismiss',
    {
      schema: { tags, params: idParam, body: dismissIn, response: { 200: recordDetailOut } },
      config: { access: 'accountability.manage', audit: 'accountability.dismiss' },
    },
    (req) => dismissRecord({ ctx, actor: actorOf(req), id: req.params.id, input: req.body }),
  );
  app.post(
    '/api/v1/accountability/:id/sanction-review',
    {
      schema: { tags, params: idParam, body: reviewSanctionIn, response: { 200: recordDetailOut } },
      config: { access: 'accountability.manage', audit: 'accountability.change_sanction' },
    },
    (req) => reviewSanction({ ctx, actor: actorOf(req), id: req.params.id, input: req.body }),
  );
}
