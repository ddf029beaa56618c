import { pageOf } from '../../../platform/http/pagination.js';
import { type App, actorOf } from '../../../platform/http/types.js';
import { recordsQuery, statRecordOut, statsOut, statsQuery } from './contract.js';
import { petitionStats } from './petition-stats.js';
import { statRecords } from './stat-records.js';

/** 信访统计: the figures of a period and org, and the records behind each figure. */
export async function petitionStatsRoutes(app: App) {
  const { ctx } = app;
  const tags = ['petitions'];

  app.get(
    '/api/v1/petitions/stats',
    {
      schema: { tags, querystring: statsQuery, response: { 200: statsOut } },
      config: { access: 'petition.stats' },
    },
    async (req) => petitionStats({ ctx, actor: actorOf(req), query: req.query }),
  );

  app.get(
    '/api/v1/petitions/stats/records',
    {
      schema: { tags, querystring: recordsQuery, response: { 200: pageOf(statRecordOut) } },
      config: { access: 'petition.stats', auditView: 'petition.stats_records' },
    },
    async (req) => statRecords({ ctx, actor: actorOf(req), query: req.query }),
  );
}
