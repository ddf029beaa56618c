import { downloadHeaders } from '../../../platform/files/disposition.js';
import { type App, actorOf } from '../../../platform/http/types.js';
import {
  importJobOut,
  importJobRoutes,
  jobOut,
  uploadedXlsx,
  XLSX,
} from '../../../platform/imports/routes.js';
import { AUDIT_LEDGER_JOB, importAuditLedger } from './import-ledger.js';
import { auditLedgerTemplate } from './template.js';

/** 审计台帐 import: the template, the all-or-nothing import, its progress and error sheet. */
export async function auditLedgerImportRoutes(app: App) {
  const { ctx } = app;
  const tags = ['econ-audits'];
  app.get(
    '/api/v1/econ-audits/ledger/template.xlsx',
    { schema: { tags }, config: { access: 'econ_audit.manage' } },
    async (_req, reply) =>
      reply.headers(downloadHeaders('审计台帐导入模板.xlsx', XLSX)).send(await auditLedgerTemplate()),
  );
  app.post(
    '/api/v1/econ-audits/ledger/import',
    {
      schema: { tags, consumes: ['multipart/form-data'], response: { 200: importJobOut } },
      config: { access: 'econ_audit.manage', audit: 'econ_audit.ledger_import' },
    },
    async (req) => {
      const { file, fileName } = await uploadedXlsx(req, '请选择要上传的审计台帐（.xlsx）');
      return jobOut(await importAuditLedger({ ctx, actor: actorOf(req), file, fileName }));
    },
  );
  importJobRoutes(app, {
    base: '/api/v1/econ-audits/ledger/imports',
    tags,
    access: 'econ_audit.manage',
    audit: { errors: 'econ_audit.ledger_import_errors_download' },
    errorFileName: (job) => `审计台帐导入错误清单-${job.id}.xlsx`,
    kinds: { [AUDIT_LEDGER_JOB]: {} },
  });
}
