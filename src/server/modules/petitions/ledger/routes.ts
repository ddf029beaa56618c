import { z } from 'zod';
import { badRequest, notFound } from '../../../platform/http/errors.js';
import { storableField } from '../../../platform/http/text.js';
import { type App, actorOf } from '../../../platform/http/types.js';
import { MAX_UPLOAD_BYTES, tooLarge } from '../../cadres/excel/xlsx-file.js';
import { importJobOut } from '../../cadres/import-job-routes.js';
import type { ImportJob } from '../../cadres/import-jobs.js';
import { statsQuery } from '../stats/contract.js';
import { exportLedger } from './export-ledger.js';
import { importLedger } from './import-ledger.js';
import { loadLedgerJob } from './ledger-job.js';
import { ledgerTemplate } from './template.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const attachment = (name: string, ascii: string) =>
  `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
const pickFile = '请选择要上传的信访台帐（.xlsx）';
const idParam = z.object({ id: z.coerce.number().int().positive() });
const jobOut = (job: ImportJob) => ({
  id: job.id,
  kind: job.kind,
  status: job.status,
  total: job.total,
  processed: job.processed,
  message: job.message,
  result: job.result ? JSON.parse(job.result) : null,
  hasErrorFile: job.errorFile !== null,
});

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
      if (!req.isMultipart()) throw badRequest(pickFile);
      let part: Awaited<ReturnType<typeof req.file>>;
      let file: Buffer;
      try {
        part = await req.file({ limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } });
        if (!part) throw badRequest(pickFile);
        file = await part.toBuffer();
      } catch (e) {
        if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
        if (e instanceof Error && 'status' in e) throw e;
        throw badRequest('文件上传不完整，请重新上传');
      }
      if (part.file.truncated) throw tooLarge();
      const job = await importLedger({
        ctx,
        actor: actorOf(req),
        orgId: req.query.orgId,
        file,
        fileName: storableField(part.filename || '未命名.xlsx', '文件名'),
      });
      return jobOut(job);
    },
  );

  app.get(
    '/api/v1/petitions/ledger/imports/:id',
    {
      schema: { tags, params: idParam, response: { 200: importJobOut } },
      config: { access: 'petition.import' },
    },
    async (req) => jobOut(await loadLedgerJob(ctx, actorOf(req), req.params.id)),
  );

  app.get(
    '/api/v1/petitions/ledger/imports/:id/errors.xlsx',
    {
      schema: { tags, params: idParam },
      config: { access: 'petition.import', auditView: 'petition.ledger_import_errors_download' },
    },
    async (req, reply) => {
      const job = await loadLedgerJob(ctx, actorOf(req), req.params.id);
      if (!job.errorFile) throw notFound('该导入没有错误清单');
      return reply
        .type(XLSX)
        .header(
          'content-disposition',
          attachment(`信访台帐导入错误清单-${job.id}.xlsx`, `ledger-errors-${job.id}.xlsx`),
        )
        .send(job.errorFile);
    },
  );
}
