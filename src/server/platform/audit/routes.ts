import { z } from 'zod';
import { pageOf } from '../http/pagination.js';
import { type App, actorOf } from '../http/types.js';
import { auditFiltersQuery, auditListQuery, auditOut, verifyOut } from './contract.js';
import { exportAudit } from './export-audit.js';
import { listAudit } from './list-audit.js';
import { verifyChain } from './verify-chain.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function auditRoutes(app: App) {
  const { ctx } = app;
  const tags = ['audit'];

  app.get(
    '/api/v1/audit',
    {
      schema: {
        tags,
        querystring: auditListQuery,
        response: { 200: pageOf(auditOut).extend({ totalCapped: z.boolean() }) },
      },
      config: { access: 'audit.read', auditView: 'audit.view' },
    },
    (req) => listAudit({ ctx, query: req.query }),
  );
  app.get(
    '/api/v1/audit/export',
    {
      schema: { tags, querystring: auditFiltersQuery },
      config: { access: 'audit.export', audit: 'audit.export' },
    },
    async (req, reply) => {
      const { stream, filename } = await exportAudit({ ctx, actor: actorOf(req), filters: req.query });
      const ascii = filename.replace(/[^\x20-\x7e]/g, '').replace(/^-/, 'audit-log-');
      return reply
        .type(XLSX)
        .header(
          'content-disposition',
          `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
        )
        .send(stream);
    },
  );
  app.get(
    '/api/v1/audit/verify',
    {
      schema: { tags, response: { 200: verifyOut } },
      config: { access: 'audit.read', audit: 'audit.verify' },
    },
    (req) => verifyChain({ ctx, actor: actorOf(req) }),
  );
}
