import type { FastifyRequest } from 'fastify';
import { type ZodType, z } from 'zod';
import type { RouteAccess } from '../../../domain/permissions.js';
import type { Actor } from '../access/actor.js';
import type { AppContext } from '../context.js';
import { downloadHeaders } from '../files/disposition.js';
import { badRequest, notFound } from '../http/errors.js';
import { storableField } from '../http/text.js';
import { type App, actorOf } from '../http/types.js';
import { type ImportJob, loadImportJob } from './jobs.js';
import { MAX_UPLOAD_BYTES, tooLarge } from './xlsx-file.js';

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const importJobOut = z.object({
  id: z.number(),
  kind: z.string(),
  status: z.string(),
  total: z.number(),
  processed: z.number(),
  message: z.string().nullable(),
  result: z.unknown().nullable(),
  hasErrorFile: z.boolean(),
});
export type ImportJobOut = z.infer<typeof importJobOut>;

/** What the importer's page reads of a job: never the sealed pending records nor the sheet itself. */
export const jobOut = (job: ImportJob): ImportJobOut => ({
  id: job.id,
  kind: job.kind,
  status: job.status,
  total: job.total,
  processed: job.processed,
  message: job.message,
  result: job.result ? JSON.parse(job.result) : null,
  hasErrorFile: job.errorFile !== null,
});

/** The decision on a job that waits for one (confirm or cancel), by the kind of import. */
export interface ImportKindSteps {
  confirm?: (args: {
    ctx: AppContext;
    actor: Actor;
    job: ImportJob;
    body: unknown;
  }) => Promise<ImportJobOut | null>;
  cancel?: (args: { ctx: AppContext; actor: Actor; job: ImportJob }) => Promise<ImportJobOut | null>;
}

/**
 * The routes every import shares, under one module's base URL: the job's progress and result,
 * the sheet that marks its bad rows, and — when one of its kinds waits for a decision — confirm
 * and cancel, dispatched to that kind's steps. One's own jobs of these kinds only.
 */
export function importJobRoutes(
  app: App,
  opts: {
    base: string;
    tags: string[];
    access: RouteAccess;
    kinds: Record<string, ImportKindSteps>;
    /** Audit action names: the error sheet's download; confirm and cancel where a kind waits. */
    audit: { errors: string; confirm?: string; cancel?: string };
    confirmBody?: ZodType;
    /** The error sheet's file name (Chinese), from the job. */
    errorFileName: (job: ImportJob) => string;
  },
) {
  const { ctx } = app;
  const kinds = Object.keys(opts.kinds);
  const idParam = z.object({ id: z.coerce.number().int().positive('编号不正确') });
  const load = (actor: Actor, id: number) => loadImportJob(ctx, actor, id, kinds);
  const { tags, access } = opts;

  app.get(
    `${opts.base}/:id`,
    { schema: { tags, params: idParam, response: { 200: importJobOut } }, config: { access } },
    async (req) => jobOut(await load(actorOf(req), req.params.id)),
  );

  app.get(
    `${opts.base}/:id/errors.xlsx`,
    { schema: { tags, params: idParam }, config: { access, auditView: opts.audit.errors } },
    async (req, reply) => {
      const job = await load(actorOf(req), req.params.id);
      if (!job.errorFile) throw notFound('该导入没有错误清单');
      return reply.headers(downloadHeaders(opts.errorFileName(job), XLSX)).send(job.errorFile);
    },
  );

  const decide = (step: 'confirm' | 'cancel', audit: string | undefined, body?: ZodType) => {
    if (!audit || !Object.values(opts.kinds).some((k) => k[step])) return;
    app.post(
      `${opts.base}/:id/${step}`,
      {
        schema: { tags, params: idParam, ...(body ? { body } : {}), response: { 200: importJobOut } },
        config: { access, audit },
      },
      async (req) => {
        const actor = actorOf(req);
        const job = await load(actor, req.params.id);
        const run = opts.kinds[job.kind]?.[step];
        if (!run) throw notFound('该导入无需确认');
        const out = await run({ ctx, actor, job, body: req.body });
        return out ?? jobOut(await load(actor, job.id));
      },
    );
  };
  decide('confirm', opts.audit.confirm, opts.confirmBody);
  decide('cancel', opts.audit.cancel);
}

/**
 * The one .xlsx of a multipart upload (and its text fields): refused with the page's own words
 * when there is no file, 413 past the size limit, 400 when the upload broke off.
 */
export async function uploadedXlsx(
  req: FastifyRequest,
  pickFile: string,
): Promise<{ file: Buffer; fileName: string; fields: Record<string, string> }> {
  if (!req.isMultipart()) throw badRequest(pickFile);
  const fields: Record<string, string> = {};
  let upload: { file: Buffer; fileName: string } | undefined;
  try {
    for await (const part of req.parts({ limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 5 } })) {
      if (part.type === 'field') {
        fields[part.fieldname] = String(part.value ?? '');
        continue;
      }
      const file = await part.toBuffer();
      if (part.file.truncated) throw tooLarge();
      upload = { file, fileName: storableField(part.filename || '未命名.xlsx', '文件名') };
    }
  } catch (e) {
    if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
    if (e instanceof Error && 'status' in e) throw e;
    throw badRequest('文件上传不完整，请重新上传');
  }
  if (!upload) throw badRequest(pickFile);
  return { ...upload, fields };
}

/**
 * An earlier years' ledger import (诫勉台帐, 审计台帐 …), all its routes: `<base>/template.xlsx`, the
 * upload at `<base>/import` that starts the all-or-nothing job, and the job's progress and error
 * sheet under `<base>/imports`. The module brings the template, the importer and the names.
 */
export function ledgerImportRoutes(
  app: App,
  opts: {
    base: string;
    tags: string[];
    access: RouteAccess;
    /** The ledger's Chinese name (诫勉台帐): the file names and the upload's message. */
    ledger: string;
    jobKind: string;
    audit: { import: string; errors: string };
    template: () => Promise<Buffer>;
    /** `fields`: the upload's text fields (e.g. the record the sheet belongs to). */
    start: (args: {
      ctx: AppContext;
      actor: Actor;
      file: Buffer;
      fileName: string;
      fields: Record<string, string>;
    }) => Promise<ImportJob>;
  },
) {
  const { ctx } = app;
  const { tags, access, ledger } = opts;
  app.get(`${opts.base}/template.xlsx`, { schema: { tags }, config: { access } }, async (_req, reply) =>
    reply.headers(downloadHeaders(`${ledger}导入模板.xlsx`, XLSX)).send(await opts.template()),
  );
  app.post(
    `${opts.base}/import`,
    {
      schema: { tags, consumes: ['multipart/form-data'], response: { 200: importJobOut } },
      config: { access, audit: opts.audit.import },
    },
    async (req) => {
      const { file, fileName, fields } = await uploadedXlsx(req, `请选择要上传的${ledger}（.xlsx）`);
      return jobOut(await opts.start({ ctx, actor: actorOf(req), file, fileName, fields }));
    },
  );
  importJobRoutes(app, {
    base: `${opts.base}/imports`,
    tags,
    access,
    audit: { errors: opts.audit.errors },
    errorFileName: (job) => `${ledger}导入错误清单-${job.id}.xlsx`,
    kinds: { [opts.jobKind]: {} },
  });
}
