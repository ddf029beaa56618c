import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { notFound } from '../../platform/http/errors.js';
import { text } from '../../platform/http/text.js';
import { type App, actorOf } from '../../platform/http/types.js';
import { idParam } from './contract.js';
import { cancelExcelImport, confirmExcelImport } from './excel/confirm-excel.js';
import { cancelImport, confirmImport } from './lrmx/confirm-import.js';
import { MAX_FILES } from './lrmx/upload.js';
import { importJobs } from './schema.js';

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

/** The decision on an import that waits: for .lrmx, the files to import (at least one); nothing more for Excel. */
export const importConfirm = z
  .object({
    files: z.array(text().max(300, '文件名过长')).max(MAX_FILES, `最多 ${MAX_FILES} 个文件`).optional(),
  })
  .nullish();

const jobOut = (job: typeof importJobs.$inferSelect): z.infer<typeof importJobOut> => ({
  id: job.id,
  kind: job.kind,
  status: job.status,
  total: job.total,
  processed: job.processed,
  message: job.message,
  result: job.result ? JSON.parse(job.result) : null,
  hasErrorFile: job.errorFile !== null,
});

/** Progress of one's own import, the sheet that marks its bad rows, and the decision on one that waits. */
export async function importJobRoutes(app: App) {
  const { ctx } = app;
  const load = async (userId: number, id: number) => {
    const [job] = await ctx.db
      .select()
      .from(importJobs)
      .where(and(eq(importJobs.id, id), eq(importJobs.userId, userId)));
    if (!job) throw notFound('导入任务不存在');
    return job;
  };

  const out = async (userId: number, id: number) => jobOut(await load(userId, id));

  app.post(
    '/api/v1/cadre-imports/:id/confirm',
    {
      schema: { tags: ['cadres'], params: idParam, body: importConfirm, response: { 200: importJobOut } },
      config: { access: 'cadre.import', audit: 'cadre.import' },
    },
    async (req) => {
      const actor = actorOf(req);
      const job = await load(actor.userId, req.params.id);
      if (job.kind === 'cadres_excel') await confirmExcelImport({ ctx, actor, job });
      else return confirmImport({ ctx, actor, id: job.id, files: req.body?.files });
      return out(actor.userId, job.id);
    },
  );
  app.post(
    '/api/v1/cadre-imports/:id/cancel',
    {
      schema: { tags: ['cadres'], params: idParam, response: { 200: importJobOut } },
      config: { access: 'cadre.import', audit: 'cadre.import_cancel' },
    },
    async (req) => {
      const actor = actorOf(req);
      const job = await load(actor.userId, req.params.id);
      if (job.kind === 'cadres_excel') await cancelExcelImport({ ctx, actor, job });
      else return cancelImport({ ctx, actor, id: job.id });
      return out(actor.userId, job.id);
    },
  );

  app.get(
    '/api/v1/cadre-imports/:id',
    {
      schema: { tags: ['cadres'], params: idParam, response: { 200: importJobOut } },
      config: { access: 'cadre.import' },
    },
    (req) => out(actorOf(req).userId, req.params.id),
  );

  app.get(
    '/api/v1/cadre-imports/:id/errors.xlsx',
    {
      schema: { tags: ['cadres'], params: idParam },
      config: { access: 'cadre.import', auditView: 'cadre.import_errors_download' },
    },
    async (req, reply) => {
      const job = await load(actorOf(req).userId, req.params.id);
      if (!job.errorFile) throw notFound('该导入没有错误清单');
      reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header(
          'content-disposition',
          `attachment; filename*=UTF-8''${encodeURIComponent(`导入错误清单-${job.id}.xlsx`)}`,
        );
      return reply.send(job.errorFile);
    },
  );
}
