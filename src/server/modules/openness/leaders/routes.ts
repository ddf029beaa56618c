import { type App, actorOf } from '../../../platform/http/types.js';
import { boardQrSvg } from './board-qr.js';
import { leaderContactIn, leaderListOut, leadersQuery, tenureParam, unitParam } from './contract.js';
import { listLeaders } from './list-leaders.js';
import { setLeaderContact } from './set-leader-contact.js';

/**
 * The back office of a unit's public side: its post holders and what the portal publishes of them,
 * and the QR code printed on its physical board.
 */
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
  app.get(
    '/api/v1/disclosure/units/:orgId/board-qr.svg',
    {
      schema: { tags, params: unitParam },
      config: { access: 'disclosure.read', audit: 'disclosure.board_qr' },
    },
    async (req, reply) => {
      // PUBLIC_URL when set (behind a proxy), else the address the officer reached the system at
      const origin = ctx.config.publicUrl ?? `${req.protocol}://${req.host}`;
      const svg = await boardQrSvg({ ctx, actor: actorOf(req), orgId: req.params.orgId, origin });
      return reply.type('image/svg+xml; charset=utf-8').send(svg);
    },
  );
}
