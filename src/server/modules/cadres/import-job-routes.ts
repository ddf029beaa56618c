import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { notFound } from '../../platform/http/errors.js';
import { type App, actorOf } from '../../platform/http/types.js';
import { idParam } from './contract.js';
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

/** Progress of one's own import, and the sheet that marks its bad rows. */
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

  app.get(
    '/api/v1/cadre-imports/:id',
    {
      schema: { tags: ['cadres'], params: idParam, response: { 200: importJobOut } },
      config: { access: 'cadre.import' },
    },
    async (req) => {
      const job = await load(actorOf(req).userId, req.params.id);
      return {
        id: job.id,
        kind: job.kind,
        status: job.status,
        total: job.total,
        processed: job.processed,
        message: job.message,
        result: job.result ? JSON.parse(job.result) : null,
        hasErrorFile: job.errorFile !== null,
      };
    },
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
