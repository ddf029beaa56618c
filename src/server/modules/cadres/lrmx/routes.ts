import { z } from 'zod';
import { badRequest } from '../../../platform/http/errors.js';
import { type App, actorOf } from '../../../platform/http/types.js';
import { importJobOut } from '../../../platform/imports/routes.js';
import { idParam } from '../contract.js';
import { exportLrmx } from './export-lrmx.js';
import { importLrmx } from './import-lrmx.js';
import { readUpload } from './read-upload.js';

const orgField = z.coerce.number().int().positive();

/** 干部任免审批表 (.lrmx): import one file or a zip of many (confirmed in import-job-routes.ts), export one cadre's. */
export async function lrmxRoutes(app: App) {
  const { ctx } = app;
  const tags = ['cadres'];

  app.post(
    '/api/v1/cadres/import/lrmx',
    {
      schema: { tags, consumes: ['multipart/form-data'], response: { 200: importJobOut } },
      config: { access: 'cadre.import', audit: 'cadre.lrmx_upload' },
    },
    async (req) => {
      const upload = await readUpload(req);
      const orgId = orgField.safeParse(upload.fields.orgId);
      if (!orgId.success) throw badRequest('请选择导入到的单位', { orgId: '请选择导入到的单位' });
      return importLrmx({ ctx, actor: actorOf(req), orgId: orgId.data, ...upload });
    },
  );
  app.get(
    '/api/v1/cadres/:id/lrmx',
    {
      schema: { tags, params: idParam },
      config: { access: 'cadre.export', auditView: 'cadre.lrmx_export' },
    },
    async (req, reply) => {
      const { bytes, fileName } = await exportLrmx({ ctx, actor: actorOf(req), id: req.params.id });
      reply
        .header('content-type', 'application/xml; charset=utf-8')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`);
      return reply.send(Buffer.from(bytes));
    },
  );
}
