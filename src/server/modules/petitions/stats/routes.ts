import { type App, actorOf } from '../../../platform/http/types.js';
import { petitionStatsQuery, statsOut } from './contract.js';
import { petitionStats } from './petition-stats.js';

/**
 * 信访统计: the petition figures of a period and org as of a date, read from the figures registry
 * (their records: GET /api/v1/figures/:key/records).
 */
export async function petitionStatsRoutes(app: App) {
  const { ctx } = app;
  app.get(
    '/api/v1/petitions/stats',
    {
      schema: { tags: ['petitions'], querystring: petitionStatsQuery, response: { 200: statsOut } },
      config: { access: 'petition.stats' },
    },
    async (req) => petitionStats({ ctx, actor: actorOf(req), query: req.query }),
  );
}
