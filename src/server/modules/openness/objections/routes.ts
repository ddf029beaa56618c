import { portalLimits } from '../../../platform/http/portal-limits.js';
import { type App, actorOf } from '../../../platform/http/types.js';
import { itemParam } from '../portal/contract.js';
import { answerObjection } from './answer-objection.js';
import {
  answerIn,
  idParam,
  objectionCodeIn,
  objectionIn,
  objectionListOut,
  objectionListQuery,
  objectionReceiptOut,
  objectionRowOut,
  publicObjectionOut,
} from './contract.js';
import { listObjections } from './list-objections.js';
import { objectionByCode } from './objection-by-code.js';
import { submitObjection } from './submit-objection.js';

/** 村民异议 in the back office: the objections of the units in scope with their clock, and the answer. */
export async function objectionRoutes(app: App) {
  const { ctx } = app;
  const tags = ['openness'];
  app.get(
    '/api/v1/disclosure/objections',
    {
      schema: { tags, querystring: objectionListQuery, response: { 200: objectionListOut } },
      config: { access: 'disclosure.read' },
    },
    (req) => listObjections({ ctx, actor: actorOf(req), query: req.query }),
  );
  app.post(
    '/api/v1/disclosure/objections/:id/answer',
    {
      schema: { tags, params: idParam, body: answerIn, response: { 200: objectionRowOut } },
      config: { access: 'disclosure.draft', audit: 'disclosure.objection_answer' },
    },
    (req) => answerObjection({ ctx, actor: actorOf(req), id: req.params.id, input: req.body }),
  );
}

/** 村民异议 on the portal (no account): object to a published item; read the answer with the receipt code. */
export async function objectionPortalRoutes(app: App) {
  const { ctx } = app;
  const tags = ['portal'];
  await portalLimits(app, 'objections');
  const config = { access: 'public' } as const;
  app.post(
    '/api/v1/portal/openness/items/:id/objections',
    {
      schema: { tags, params: itemParam, body: objectionIn, response: { 200: objectionReceiptOut } },
      config: { ...config, rateLimit: { max: 20, timeWindow: '10 minutes' } },
    },
    (req) => submitObjection(ctx, req.params.id, req.body),
  );
  app.post(
    '/api/v1/portal/openness/objections/status',
    { schema: { tags, body: objectionCodeIn, response: { 200: publicObjectionOut } }, config },
    (req) => objectionByCode(ctx, req.ip, req.body.code),
  );
}
