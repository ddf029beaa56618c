import './audit-labels.js';
import './objections/labels.js';
import './new-unit.js';
import { z } from 'zod';
import { type App, actorOf } from '../../platform/http/types.js';
import { uploadedFile } from '../admonitions/upload.js';
import { downloadDisclosureFile, uploadDisclosureFile } from './attachments.js';
import {
  attachmentOutSchema,
  attachmentParam,
  attachmentQuery,
  createDisclosureIn,
  createItemTypeIn,
  disclosureListOut,
  disclosureListQuery,
  disclosureOut,
  dueItemsOut,
  dueQuery,
  idParam,
  itemTypeOut,
  itemTypeQuery,
  itemTypesOut,
  ledgerQuery,
  matterIn,
  reviseDisclosureIn,
  scheduleIn,
  stepIn,
  updateDisclosureIn,
  updateItemTypeIn,
  versionsOut,
} from './contract.js';
import { createDisclosure } from './create-disclosure.js';
import { createItemType } from './create-item-type.js';
import { exportDisclosureLedger } from './disclosure-ledger.js';
import { disclosureStep } from './disclosure-step.js';
import { getDisclosure } from './get-disclosure.js';
import { listDisclosures } from './list-disclosures.js';
import { listDueItems } from './list-due-items.js';
import { listItemTypes } from './list-item-types.js';
import { listVersions } from './list-versions.js';
import { recordMatter } from './record-matter.js';
import { reviseDisclosure } from './revise-disclosure.js';
import { scheduleDisclosure } from './schedule-disclosure.js';
import { updateDisclosure } from './update-disclosure.js';
import { updateItemType } from './update-item-type.js';

/** 政务公开/村务公开: the catalogue, each unit's due items, the disclosures and the village review chain. */
export async function opennessRoutes(app: App) {
  const { ctx } = app;
  const tags = ['openness'];

  app.get(
    '/api/v1/disclosure/item-types',
    {
      schema: { tags, querystring: itemTypeQuery, response: { 200: itemTypesOut } },
      config: { access: 'disclosure.read' },
    },
    (req) => listItemTypes({ ctx, actor: actorOf(req), query: req.query }),
  );
  app.post(
    '/api/v1/disclosure/item-types',
    {
      schema: { tags, body: createItemTypeIn, response: { 200: itemTypeOut } },
      config: { access: 'disclosure.catalogue', audit: 'disclosure.catalogue_create' },
    },
    (req) => createItemType({ ctx, actor: actorOf(req), input: req.body }),
  );
  app.put(
    '/api/v1/disclosure/item-types/:id',
    {
      schema: { tags, params: idParam, body: updateItemTypeIn, response: { 200: itemTypeOut } },
      config: { access: 'disclosure.catalogue', audit: 'disclosure.catalogue_update' },
    },
    (req) => updateItemType({ ctx, actor: actorOf(req), id: req.params.id, input: req.body }),
  );
  app.get(
    '/api/v1/disclosure/due-items',
    {
      schema: { tags, querystring: dueQuery, response: { 200: dueItemsOut } },
      config: { access: 'disclosure.read' },
    },
    (req) => listDueItems({ ctx, actor: actorOf(req), query: req.query }),
  );
  app.post(
    '/api/v1/disclosure/matters',
    {
      schema: { tags, body: matterIn, response: { 200: z.object({ id: z.number(), dueOn: z.string() }) } },
      config: { access: 'disclosure.draft', audit: 'disclosure.matter' },
    },
    (req) => recordMatter({ ctx, actor: actorOf(req), input: req.body }),
  );
  app.get(
    '/api/v1/disclosure/ledger.xlsx',
    {
      schema: { tags, querystring: ledgerQuery },
      config: { access: 'disclosure.read', audit: 'disclosure.ledger_export' },
    },
    async (req, reply) => {
      const { buffer, filename } = await exportDisclosureLedger({
        ctx,
        actor: actorOf(req),
        query: req.query,
      });
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header(
          'content-disposition',
          `attachment; filename="disclosures.xlsx"; filename*=UTF-8''${encodeURIComponent(filename)}`,
        )
        .send(buffer);
    },
  );
  app.get(
    '/api/v1/disclosures',
    {
      schema: { tags, querystring: disclosureListQuery, response: { 200: disclosureListOut } },
      config: { access: 'disclosure.read' },
    },
    (req) => listDisclosures({ ctx, actor: actorOf(req), query: req.query }),
  );
  app.post(
    '/api/v1/disclosures',
    {
      schema: { tags, body: createDisclosureIn, response: { 200: disclosureOut } },
      config: { access: 'disclosure.draft', audit: 'disclosure.create' },
    },
    (req) => createDisclosure({ ctx, actor: actorOf(req), input: req.body }),
  );
  app.get(
    '/api/v1/disclosures/:id',
    {
      schema: { tags, params: idParam, response: { 200: disclosureOut } },
      config: { access: 'disclosure.read' },
    },
    (req) => getDisclosure({ ctx, actor: actorOf(req), id: req.params.id }),
  );
  app.put(
    '/api/v1/disclosures/:id',
    {
      schema: { tags, params: idParam, body: updateDisclosureIn, response: { 200: disclosureOut } },
      config: { access: 'disclosure.draft', audit: 'disclosure.update' },
    },
    (req) => updateDisclosure({ ctx, actor: actorOf(req), id: req.params.id, input: req.body }),
  );
  const STEPS = [
    ['submit', 'disclosure.draft'],
    ['approve', 'disclosure.review'],
    ['return', 'disclosure.review'],
    ['publish', 'disclosure.draft'],
    ['withdraw', 'disclosure.draft'],
  ] as const;
  for (const [action, permission] of STEPS)
    app.post(
      `/api/v1/disclosures/:id/${action}`,
      {
        schema: { tags, params: idParam, body: stepIn, response: { 200: disclosureOut } },
        config: { access: permission, audit: `disclosure.${action}` },
      },
      (req) => disclosureStep({ ctx, actor: actorOf(req), id: req.params.id, action, input: req.body }),
    );
  app.post(
    '/api/v1/disclosures/:id/revise',
    {
      schema: { tags, params: idParam, body: reviseDisclosureIn, response: { 200: disclosureOut } },
      config: { access: 'disclosure.draft', audit: 'disclosure.revise' },
    },
    (req) => reviseDisclosure({ ctx, actor: actorOf(req), id: req.params.id, input: req.body }),
  );
  app.get(
    '/api/v1/disclosures/:id/versions',
    {
      schema: { tags, params: idParam, response: { 200: versionsOut } },
      config: { access: 'disclosure.read' },
    },
    (req) => listVersions({ ctx, actor: actorOf(req), id: req.params.id }),
  );
  app.post(
    '/api/v1/disclosures/:id/schedule',
    {
      schema: { tags, params: idParam, body: scheduleIn, response: { 200: disclosureOut } },
      config: { access: 'disclosure.draft', audit: 'disclosure.schedule' },
    },
    (req) => scheduleDisclosure({ ctx, actor: actorOf(req), id: req.params.id, input: req.body }),
  );
  app.post(
    '/api/v1/disclosures/:id/attachments',
    {
      schema: { tags, params: idParam, querystring: attachmentQuery, response: { 200: attachmentOutSchema } },
      config: { access: 'disclosure.draft', audit: 'disclosure.attachment_upload' },
    },
    async (req) => {
      const f = await uploadedFile(req);
      return uploadDisclosureFile({ ctx, actor: actorOf(req), id: req.params.id, query: req.query, ...f });
    },
  );
  app.get(
    '/api/v1/disclosures/:id/attachments/:attachmentId',
    { schema: { tags, params: attachmentParam }, config: { access: 'disclosure.read' } },
    async (req, reply) => {
      const f = await downloadDisclosureFile({
        ctx,
        actor: actorOf(req),
        id: req.params.id,
        attachmentId: req.params.attachmentId,
      });
      return reply.headers(f.headers).send(f.bytes);
    },
  );
}
