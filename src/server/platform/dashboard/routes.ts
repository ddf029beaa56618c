import { type App, actorOf } from '../http/types.js';
import { computeDashboard } from './compute-dashboard.js';
import { dashboardOut, dashboardQuery } from './contract.js';
import { exportDashboard } from './export-dashboard.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const attachment = (name: string, ascii: string) =>
  `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;

/** 领导驾驶舱: the dashboard in one answer, and as a workbook. */
export async function dashboardRoutes(app: App) {
  const { ctx } = app;
  const tags = ['dashboard'];

  app.get(
    '/api/v1/dashboard',
    {
      schema: { tags, querystring: dashboardQuery, response: { 200: dashboardOut } },
      config: { access: 'dashboard.view' },
    },
    async (req) => computeDashboard({ ctx, actor: actorOf(req), query: req.query }),
  );

  app.get(
    '/api/v1/dashboard/export.xlsx',
    {
      schema: { tags, querystring: dashboardQuery },
      config: { access: 'dashboard.view', audit: 'dashboard.export' },
    },
    async (req, reply) => {
      const { buffer, filename } = await exportDashboard({ ctx, actor: actorOf(req), query: req.query });
      return reply
        .type(XLSX)
        .header('content-disposition', attachment(filename, 'dashboard.xlsx'))
        .send(buffer);
    },
  );
}
