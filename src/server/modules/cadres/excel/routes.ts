import { z } from 'zod';
import { badRequest } from '../../../platform/http/errors.js';
import { type App, actorOf } from '../../../platform/http/types.js';
import { importJobOut, jobOut, uploadedXlsx } from '../../../platform/imports/routes.js';
import { rosterQuery } from '../roster-query.js';
import { exportRoster } from './export-roster.js';
import { importExcel } from './import-excel.js';
import { buildTemplate } from './template.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const attachment = (name: string, ascii: string) =>
  `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
const pickFile = '请选择要上传的 Excel 文件（.xlsx）';
/** create: new cadres only; update: rows whose ID number is registered update that cadre (with a preview). */
const importMode = z.enum(['create', 'update']);

/** The 花名册: the import template, the all-or-nothing import, the export with the roster's filters. */
export async function cadreExcelRoutes(app: App) {
  const { ctx } = app;
  const tags = ['cadres'];

  app.get(
    '/api/v1/cadres/import/template.xlsx',
    { schema: { tags }, config: { access: 'cadre.import' } },
    async (req, reply) => {
      const file = await buildTemplate(ctx, actorOf(req));
      return reply
        .type(XLSX)
        .header('content-disposition', attachment('干部花名册导入模板.xlsx', 'roster-template.xlsx'))
        .send(file);
    },
  );

  app.post(
    '/api/v1/cadres/import/excel',
    {
      schema: { tags, consumes: ['multipart/form-data'], response: { 200: importJobOut } },
      config: { access: 'cadre.import', audit: 'cadre.import' },
    },
    async (req) => {
      const { fields, ...upload } = await uploadedXlsx(req, pickFile);
      const mode = importMode.safeParse(fields.mode ?? 'create');
      if (!mode.success) throw badRequest('导入方式不正确', { mode: '导入方式只能是新增或更新已登记的干部' });
      const job = await importExcel({ ctx, actor: actorOf(req), ...upload, mode: mode.data });
      return { ...jobOut(job), result: null, hasErrorFile: false };
    },
  );

  app.get(
    '/api/v1/cadres/export.xlsx',
    { schema: { tags, querystring: rosterQuery }, config: { access: 'cadre.export', audit: 'cadre.export' } },
    async (req, reply) => {
      const { stream, filename } = await exportRoster({ ctx, actor: actorOf(req), query: req.query });
      const ascii = `roster-${filename.replace(/\D/g, '')}.xlsx`;
      return reply.type(XLSX).header('content-disposition', attachment(filename, ascii)).send(stream);
    },
  );
}
