import './audit-labels.js';
import { z } from 'zod';
import { cappedTotal } from '../../platform/http/capped-count.js';
import { badRequest } from '../../platform/http/errors.js';
import { pageOf } from '../../platform/http/pagination.js';
import { type App, actorOf } from '../../platform/http/types.js';
import { cadreDetailOut, cadreRowOut } from './cadre-out.js';
import { getPhoto, PHOTO_MAX_BYTES, putPhoto } from './cadre-photo.js';
import { cadreFields, cadreUpdate, idParam } from './contract.js';
import { createCadre } from './create-cadre.js';
import { deleteCadre } from './delete-cadre.js';
import { familyRoutes } from './family/routes.js';
import { getCadre } from './get-cadre.js';
import { listCadres } from './list-cadres.js';
import { ownProfile, ownProfileOut } from './own-profile.js';
import { positionRoutes } from './positions/routes.js';
import { revealBody, revealIdNumber } from './reveal-id.js';
import { rosterQuery } from './roster-query.js';
import { tenureRoutes } from './tenures/routes.js';
import { updateCadre } from './update-cadre.js';
import './tenures/tenure-provider.js';

/** The cadre registry: roster, record, ID number, photo, own profile; positions, tenures and family. */
export async function cadreRoutes(app: App) {
  const { ctx } = app;
  const tags = ['cadres'];
  const ok = z.object({ ok: z.boolean() });

  app.get(
    '/api/v1/cadres',
    {
      schema: { tags, querystring: rosterQuery, response: { 200: pageOf(cadreRowOut).extend(cappedTotal) } },
      config: { access: 'cadre.read' },
    },
    (req) => listCadres({ ctx, actor: actorOf(req), query: req.query }),
  );
  app.post(
    '/api/v1/cadres',
    {
      schema: { tags, body: cadreFields, response: { 200: cadreDetailOut } },
      config: { access: 'cadre.manage', audit: 'cadre.create' },
    },
    (req) => createCadre({ ctx, actor: actorOf(req), input: req.body }),
  );
  app.get(
    '/api/v1/cadres/:id',
    {
      schema: { tags, params: idParam, response: { 200: cadreDetailOut } },
      config: { access: 'cadre.read', audit: 'cadre.view', auditView: 'cadre.view' },
    },
    (req) => getCadre({ ctx, actor: actorOf(req), id: req.params.id }),
  );
  app.put(
    '/api/v1/cadres/:id',
    {
      schema: { tags, params: idParam, body: cadreUpdate, response: { 200: cadreDetailOut } },
      config: { access: 'cadre.manage', audit: 'cadre.update' },
    },
    (req) => updateCadre({ ctx, actor: actorOf(req), id: req.params.id, input: req.body }),
  );
  app.delete(
    '/api/v1/cadres/:id',
    {
      schema: { tags, params: idParam, response: { 200: ok } },
      config: { access: 'cadre.manage', audit: 'cadre.delete' },
    },
    async (req) => {
      await deleteCadre({ ctx, actor: actorOf(req), id: req.params.id });
      return { ok: true };
    },
  );
  app.post(
    '/api/v1/cadres/:id/reveal-id',
    {
      schema: {
        tags,
        params: idParam,
        body: revealBody,
        response: { 200: z.object({ idNumber: z.string() }) },
      },
      config: { access: 'cadre.id_number', audit: 'cadre.reveal_id' },
    },
    (req) => revealIdNumber({ ctx, actor: actorOf(req), id: req.params.id, reason: req.body.reason }),
  );
  app.get(
    '/api/v1/cadres/:id/photo',
    { schema: { tags, params: idParam }, config: { access: 'cadre.read' } },
    async (req, reply) => {
      const photo = await getPhoto({ ctx, actor: actorOf(req), id: req.params.id });
      reply.header('content-type', photo.type).header('content-disposition', 'inline');
      return reply.send(photo.bytes);
    },
  );
  app.put(
    '/api/v1/cadres/:id/photo',
    {
      schema: { tags, params: idParam, response: { 200: ok } },
      config: { access: 'cadre.manage', audit: 'cadre.photo_update' },
    },
    async (req) => {
      if (!req.isMultipart()) throw badRequest('请以表单方式上传照片文件');
      const file = await req.file({ limits: { fileSize: PHOTO_MAX_BYTES, files: 1 } });
      if (!file) throw badRequest('请选择照片文件');
      let bytes: Buffer;
      try {
        bytes = await file.toBuffer();
      } catch {
        throw badRequest('照片不能超过 2 MB');
      }
      return putPhoto({ ctx, actor: actorOf(req), id: req.params.id, bytes });
    },
  );
  app.get(
    '/api/v1/me/cadre',
    { schema: { tags, response: { 200: ownProfileOut } }, config: { access: 'authenticated' } },
    (req) => ownProfile({ ctx, actor: actorOf(req) }),
  );

  await positionRoutes(app);
  await tenureRoutes(app);
  await familyRoutes(app);
}
