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
import { INQUIRY_LEDGER_JOB, importInquiryLedger } from './inquiry-import.js';
import { admonitionLedgerTemplate, inquiryLedgerTemplate } from './template.js';

/** 诫勉台帐 and 函询台帐 imports: the templates, the all-or-nothing imports, their progress and error sheets. */
export async function admonitionLedgerImportRoutes(app: App) {
  const { ctx } = app;
  const tags = ['admonitions'];
  app.get(
    '/api/v1/inquiries/ledger/template.xlsx',
    { schema: { tags }, config: { access: 'inquiry.manage' } },
    async (_req, reply) =>
      reply.headers(downloadHeaders('函询台帐导入模板.xlsx', XLSX)).send(await inquiryLedgerTemplate()),
  );
  app.post(
    '/api/v1/inquiries/ledger/import',
    {
      schema: { tags, consumes: ['multipart/form-data'], response: { 200: importJobOut } },
      config: { access: 'inquiry.manage', audit: 'inquiry.ledger_import' },
    },
    async (req) => {
      const { file, fileName } = await uploadedXlsx(req, '请选择要上传的函询台帐（.xlsx）');
      return jobOut(await importInquiryLedger({ ctx, actor: actorOf(req), file, fileName }));
    },
  );
  importJobRoutes(app, {
    base: '/api/v1/inquiries/ledger/imports',
    tags,
    access: 'inquiry.manage',
    audit: { errors: 'inquiry.ledger_import_errors_download' },
    errorFileName: (job) => `函询台帐导入错误清单-${job.id}.xlsx`,
    kinds: { [INQUIRY_LEDGER_JOB]: {} },
  });
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
