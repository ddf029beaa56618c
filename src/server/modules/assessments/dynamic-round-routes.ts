import type { RouteAccess } from '../../../domain/permissions.js';
import { type App, actorOf } from '../../platform/http/types.js';
import { idParam } from './contract.js';
import { createDynamicRound } from './create-dynamic-round.js';
import {
  advanceIn,
  dynamicRoundIn,
  dynamicRoundOut,
  dynamicRoundsOut,
  reopenIn,
  roundLinesIn,
} from './dynamic-round-contract.js';
import { getDynamicRound, listDynamicRounds } from './get-dynamic-round.js';
import { moveDynamicRound } from './move-dynamic-round.js';
import { scoreDynamicRound } from './score-dynamic-round.js';

/** 动态考核轮次: started by the organisers, self-assessed by the units, scored, reviewed, published. */
export async function dynamicRoundRoutes(app: App) {
  const { ctx } = app;
  const tags = ['assessments'];
  const base = '/api/v1/assessments/dynamic-rounds';
  const see = { access: ['assessment.read', 'assessment.self_score'] as RouteAccess[] };
  const manage = (audit: string) => ({ access: 'assessment.manage' as RouteAccess, audit });

  app.get(base, { schema: { tags, response: { 200: dynamicRoundsOut } }, config: see }, (req) =>
    listDynamicRounds({ ctx, actor: actorOf(req) }),
  );
  app.post(
    base,
    { schema: { tags, body: dynamicRoundIn }, config: manage('assessment.dynamic_round_create') },
    (req) => createDynamicRound({ ctx, actor: actorOf(req), input: req.body }),
  );
  app.get(
    `${base}/:id`,
    { schema: { tags, params: idParam, response: { 200: dynamicRoundOut } }, config: see },
    (req) => getDynamicRound({ ctx, actor: actorOf(req), id: req.params.id }),
  );
  app.post(
    `${base}/:id/lines`,
    {
      schema: { tags, params: idParam, body: roundLinesIn },
      config: {
        access: ['assessment.manage', 'assessment.self_score'] as RouteAccess[],
        audit: 'assessment.dynamic_round_score',
      },
    },
    (req) => scoreDynamicRound({ ctx, actor: actorOf(req), id: req.params.id, input: req.body }),
  );
  app.post(
    `${base}/:id/advance`,
    {
      schema: { tags, params: idParam, body: advanceIn },
      config: manage('assessment.dynamic_round_advance'),
    },
    (req) =>
      moveDynamicRound({
        ctx,
        actor: actorOf(req),
        id: req.params.id,
        move: 'advance',
        version: req.body.version,
      }),
  );
  app.post(
    `${base}/:id/reopen`,
    { schema: { tags, params: idParam, body: reopenIn }, config: manage('assessment.dynamic_round_reopen') },
    (req) =>
      moveDynamicRound({
        ctx,
        actor: actorOf(req),
        id: req.params.id,
        move: 'reopen',
        version: req.body.version,
        reason: req.body.reason,
      }),
  );
}
