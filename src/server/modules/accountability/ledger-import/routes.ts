import { downloadHeaders } from '../../../platform/files/disposition.js';
import { type App, actorOf } from '../../../platform/http/types.js';
import {
  importJobOut,
  importJobRoutes,
  jobOut,
  uploadedXlsx,
  XLSX,
} from '../../../platform/imports/routes.js';
import { ACCOUNTABILITY_LEDGER_JOB, importAccountabilityLedger } from './import-ledger.js';
import { accountabilityLedgerTemplate } from './template.js';

/** 责任追究台帐 import: the template, the all-or-nothing import, its progress and its error sheet. */
export async function accountabilityLedgerImportRoutes(app: App) {
  const { ctx } = app;
  const tags = ['accountability'];
  app.get(
    '/api/v1/accountability/ledger/template.xlsx',
    { schema: { tags }, config: { access: 'accountability.manage' } },
    async (_req, reply) =>
      reply
        .headers(downloadHeaders('责任追究台帐导入模板.xlsx', XLSX))
        .send(await accountabilityLedgerTemplate()),
  );
  app.post(
    '/api/v1/accountability/ledger/import',
    {
      schema: { tags, consumes: ['multipart/form-data'], response: { 200: importJobOut } },
      config: { access: 'accountability.manage', audit: 'accountability.ledger_import' },
    },
    async (req) => {
      const { file, fileName } = await uploadedXlsx(req, '请选择要上传的责任追究台帐（.xlsx）');
      return jobOut(await importAccountabilityLedger({ ctx, actor: actorOf(req), file, fileName }));
    },
  );
  importJobRoutes(app, {
    base: '/api/v1/accountability/ledger/imports',
    tags,
    access: 'accountability.manage',
    audit: { errors: 'accountability.ledger_import_errors_download' },
    errorFileName: (job) => `责任追究台帐导入错误清单-${job.id}.xlsx`,
    kinds: { [ACCOUNTABILITY_LEDGER_JOB]: {} },
  });
}
