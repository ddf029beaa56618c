import { z } from 'zod';
import './audit-labels.js';
import { PETITION_ACTIONS, type PetitionAction } from '../../../domain/petition-workflow.js';
import { cappedTotal } from '../../platform/http/capped-count.js';
import { AppError, badRequest } from '../../platform/http/errors.js';
import { pageOf } from '../../platform/http/pagination.js';
import { storableField } from '../../platform/http/text.js';
import { type App, actorOf } from '../../platform/http/types.js';
import { petitionDocumentRoutes } from './documents/routes.js';
import { addOpinion, opinionBody } from './workflow/add-opinion.js';
import { downloadAttachment, OFFICER_UPLOADS, uploadAttachment } from './workflow/attachments.js';
import { createPetition } from './workflow/create-petition.js';
import { extendPetition, extensionBody } from './workflow/extend-petition.js';
import { getPetition } from './workflow/get-petition.js';
import { listPetitions, pageableRows } from './workflow/list-petitions.js';
import { petitionListQuery } from './workflow/list-query.js';
import { attachmentOut, petitionDetailOut, petitionRowOut } from './workflow/petition-out.js';
import { registerBody } from './workflow/register-contract.js';
import { takeAction } from './workflow/take-action.js';
import { actionBody } from './workflow/transition-contract.js';

const idParam = z.object({ id: z.coerce.number().int().positive('编号应为正整数') });
const actions = Object.keys(PETITION_ACTIONS) as [PetitionAction, ...PetitionAction[]];
const actionParam = idParam.extend({ action: z.enum(actions, { message: '不支持的办理操作' }) });
const attachmentParam = idParam.extend({ attachmentId: z.coerce.number().int().positive('编号应为正整数') });

/**
 * The officers' petition workflow: register, list, detail, steps, opinions, extension, attachments
 * and the printable case documents.
 */
export async function petitionRoutes(app: App) {
  const { ctx } = app;
  const tags = ['petitions'];

  app.get(
    '/api/v1/petitions',
    {
      schema: {
        tags,
        querystring: petitionListQuery,
        response: { 200: pageOf(petitionRowOut).extend(cappedTotal).extend(pageableRows) },
      },
      config: { access: ['petition.read', 'petition.assigned'] },
    },
    (req) => listPetitions({ ctx, actor: actorOf(req), query: req.query }),
  );
  app.post(
    '/api/v1/petitions',
    {
      schema: {
        tags,
        body: registerBody,
        response: {
          200: z.union([
            petitionDetailOut,
            z.object({ id: z.number(), code: z.string(), recused: z.literal(true), message: z.string() }),
          ]),
        },
      },
      config: { access: 'petition.register', audit: 'petition.register' },
    },
    (req) => createPetition({ ctx, actor: actorOf(req), input: req.body }),
  );
  app.get(
    '/api/v1/petitions/:id',
    {
      schema: { tags, params: idParam, response: { 200: petitionDetailOut } },
      config: {
        access: ['petition.read', 'petition.assigned'],
        audit: 'petition.view',
        auditView: 'petition.view',
      },
    },
    (req) => getPetition({ ctx, actor: actorOf(req), id: req.params.id }),
  );
  // each step checks its own permission: petition.handle, petition.approve (approve, return) or,
  // for the investigation report of a case assigned to the caller's unit, petition.assigned
  app.post(
    '/api/v1/petitions/:id/actions/:action',
    {
      schema: { tags, params: actionParam, body: actionBody, response: { 200: petitionDetailOut } },
      config: {
        access: ['petition.handle', 'petition.approve', 'petition.assigned'],
        audit: 'petition.action',
      },
    },
    (req) =>
      takeAction({ ctx, actor: actorOf(req), id: req.params.id, action: req.params.action, extra: req.body }),
  );
  app.post(
    '/api/v1/petitions/:id/opinions',
    {
      schema: { tags, params: idParam, body: opinionBody, response: { 200: petitionDetailOut } },
      config: { access: ['petition.handle', 'petition.assigned'], audit: 'petition.opinion' },
    },
    (req) => addOpinion({ ctx, actor: actorOf(req), id: req.params.id, input: req.body }),
  );
  app.post(
    '/api/v1/petitions/:id/extension',
    {
      schema: { tags, params: idParam, body: extensionBody, response: { 200: petitionDetailOut } },
      config: { access: 'petition.approve', audit: 'petition.extend' },
    },
    (req) => extendPetition({ ctx, actor: actorOf(req), id: req.params.id, input: req.body }),
  );
  app.post(
    '/api/v1/petitions/:id/attachments',
    {
      schema: { tags, params: idParam, response: { 200: attachmentOut } },
      config: {
        access: ['petition.register', 'petition.handle', 'petition.assigned'],
        audit: 'petition.attachment_upload',
      },
    },
    async (req) => {
      if (!req.isMultipart()) throw badRequest('请以表单方式上传附件');
      const file = await req.file({ limits: { fileSize: OFFICER_UPLOADS.maxBytes + 1, files: 1 } });
      if (!file) throw badRequest('请选择要上传的文件');
      const bytes = await file.toBuffer().catch(() => null);
      if (!bytes || file.file.truncated) throw new AppError(413, 'too_large', '附件不能超过 20 MB');
      return uploadAttachment({
        ctx,
        actor: actorOf(req),
        id: req.params.id,
        bytes,
        name: storableField(file.filename, '文件名'),
      });
    },
  );
  app.get(
    '/api/v1/petitions/:id/attachments/:attachmentId',
    {
      schema: { tags, params: attachmentParam },
      config: { access: ['petition.read', 'petition.assigned'] },
    },
    async (req, reply) => {
      const { bytes, headers } = await downloadAttachment({
        ctx,
        actor: actorOf(req),
        id: req.params.id,
        attachmentId: req.params.attachmentId,
      });
      return reply.headers(headers).send(bytes);
    },
  );
  await petitionDocumentRoutes(app);
}
