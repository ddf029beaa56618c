import { z } from 'zod';
import { type App, actorOf } from '../../../platform/http/types.js';
import { importJobOut, importJobRoutes, jobOut, uploadedXlsx } from '../../../platform/imports/routes.js';
import { statsQuery } from '../stats/contract.js';
import { exportLedger } from './export-ledger.js';
import { importLedger } from './import-ledger.js';
import { LEDGER_JOB } from './ledger-job.js';
import { ledgerTemplate } from './template.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const attachment = (name: string, ascii: string) =>
  `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
const pickFile = '请选择要上传的信访台帐（.xlsx）';

/** 信访台帐: export, the import template, the all-or-nothing import and its progress and error sheet. */
export async function petitionLedgerRoutes(app: App) {
  const { ctx } = app;
  const tags = ['petitions'];

  app.get(
    '/api/v1/petitions/ledger.xlsx',
    {
      schema: { tags, querystring: statsQuery },
      config: { access: 'petition.export', audit: 'petition.ledger_export' },
    },
    async (req, reply) => {
      const { stream, filename } = await exportLedger({ ctx, actor: actorOf(req), query: req.query });
      return reply
        .type(XLSX)
        .header('content-disposition', attachment(filename, 'petition-ledger.xlsx'))
        .send(stream);
    },
  );

  app.get(
    '/api/v1/petitions/ledger/template.xlsx',
    { schema: { tags }, config: { access: 'petition.import' } },
    async (_req, reply) =>
      reply
        .type(XLSX)
        .header('content-disposition', attachment('信访台帐导入模板.xlsx', 'petition-ledger-template.xlsx'))
        .send(await ledgerTemplate(ctx)),
  );

  app.post(
    '/api/v1/petitions/ledger/import',
    {
      schema: {
        tags,
        consumes: ['multipart/form-data'],
        querystring: z.object({ orgId: z.coerce.number().int().positive().optional() }),
        response: { 200: importJobOut },
      },
      config: { access: 'petition.import', audit: 'petition.ledger_import' },
    },
    async (req) => {
      const { file, fileName } = await uploadedXlsx(req, pickFile);
      const job = await importLedger({ ctx, actor: actorOf(req), orgId: req.query.orgId, file, fileName });
      return jobOut(job);
    },
  );

  importJobRoutes(app, {
    base: '/api/v1/petitions/ledger/imports',
    tags,
    access: 'petition.import',
    audit: { errors: 'petition.ledger_import_errors_download' },
    errorFileName: (job) => `信访台帐导入错误清单-${job.id}.xlsx`,
    kinds: { [LEDGER_JOB]: {} },
  });
}
