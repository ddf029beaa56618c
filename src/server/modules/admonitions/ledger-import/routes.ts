import { downloadHeaders } from '../../../platform/files/disposition.js';
import { type App, actorOf } from '../../../platform/http/types.js';
import {
  importJobOut,
  importJobRoutes,
  jobOut,
  uploadedXlsx,
  XLSX,
} from '../../../platform/imports/routes.js';
import { ADMONITION_LEDGER_JOB, importAdmonitionLedger } from './import-ledger.js';
import { admonitionLedgerTemplate } from './template.js';

/** 诫勉台帐 import: the template, the all-or-nothing import, its progress and its error sheet. */
export async function admonitionLedgerImportRoutes(app: App) {
  const { ctx } = app;
  const tags = ['admonitions'];
  app.get(
    '/api/v1/admonitions/ledger/template.xlsx',
    { schema: { tags }, config: { access: 'admonition.manage' } },
    async (_req, reply) =>
      reply.headers(downloadHeaders('诫勉台帐导入模板.xlsx', XLSX)).send(await admonitionLedgerTemplate()),
  );
  app.post(
    '/api/v1/admonitions/ledger/import',
    {
      schema: { tags, consumes: ['multipart/form-data'], response: { 200: importJobOut } },
      config: { access: 'admonition.manage', audit: 'admonition.ledger_import' },
    },
    async (req) => {
      const { file, fileName } = await uploadedXlsx(req, '请选择要上传的诫勉台帐（.xlsx）');
      return jobOut(await importAdmonitionLedger({ ctx, actor: actorOf(req), file, fileName }));
    },
  );
  importJobRoutes(app, {
    base: '/api/v1/admonitions/ledger/imports',
    tags,
    access: 'admonition.manage',
    audit: { errors: 'admonition.ledger_import_errors_download' },
    errorFileName: (job) => `诫勉台帐导入错误清单-${job.id}.xlsx`,
    kinds: { [ADMONITION_LEDGER_JOB]: {} },
  });
}
