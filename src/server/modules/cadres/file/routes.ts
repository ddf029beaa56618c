import { type App, actorOf } from '../../../platform/http/types.js';
import { idParam } from '../contract.js';
import { cadreEligibility } from './cadre-eligibility.js';
import { cadreFile } from './cadre-file.js';
import './concurrent-post-provider.js';
import { cadreFileOut, eligibilityOut, eligibilityQuery } from './contract.js';

/** The supervision file and promotion eligibility; both show protected records, so every viewing is audited. */
export async function cadreFileRoutes(app: App) {
  const { ctx } = app;
  const tags = ['cadres'];

  app.get(
    '/api/v1/cadres/:id/file',
    {
      schema: { tags, params: idParam, response: { 200: cadreFileOut } },
      config: { access: 'cadre.file', audit: 'cadre.file_view', auditView: 'cadre.file_view' },
    },
    (req) => cadreFile({ ctx, actor: actorOf(req), id: req.params.id }),
  );
  app.get(
    '/api/v1/cadres/:id/eligibility',
    {
      schema: { tags, params: idParam, querystring: eligibilityQuery, response: { 200: eligibilityOut } },
      config: { access: 'cadre.file', audit: 'cadre.eligibility_view', auditView: 'cadre.eligibility_view' },
    },
    (req) => {
      const { date, targetLevel, targetPrincipal } = req.query;
      const target = targetLevel
        ? { level: targetLevel, isPrincipal: targetPrincipal !== 'false' }
        : undefined;
      return cadreEligibility({ ctx, actor: actorOf(req), id: req.params.id, date, target });
    },
  );
}
