import { type App, actorOf } from '../../../platform/http/types.js';
import { leaderContactIn, leaderListOut, leadersQuery, tenureParam } from './contract.js';
import { listLeaders } from './list-leaders.js';
import { setLeaderContact } from './set-leader-contact.js';

/** The leaders directory's back office: each unit's post holders and what the portal publishes of them. */
export async function leaderContactRoutes(app: App) {
  const { ctx } = app;
  const tags = ['openness'];
  app.get(
    '/api/v1/disclosure/leaders',
    {
      schema: { tags, querystring: leadersQuery, response: { 200: leaderListOut } },
      config: { access: 'disclosure.read' },
    },
    (req) => listLeaders({ ctx, actor: actorOf(req), orgId: req.query.orgId }),
  );
  app.put(
    '/api/v1/disclosure/leaders/:tenureId',
    {
      schema: { tags, params: tenureParam, body: leaderContactIn, response: { 200: leaderListOut } },
      config: { access: 'disclosure.draft', audit: 'disclosure.leader_contact' },
    },
    (req) => setLeaderContact({ ctx, actor: actorOf(req), tenureId: req.params.tenureId, input: req.body }),
  );
}
