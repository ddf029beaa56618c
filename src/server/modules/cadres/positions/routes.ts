import { z } from 'zod';
import { pageOf } from '../../../platform/http/pagination.js';
import { type App, actorOf } from '../../../platform/http/types.js';
import { idParam } from '../contract.js';
import { positionFields, positionListQuery, positionOut, positionUpdate } from './contract.js';
import { deletePosition } from './delete-position.js';
import { getPosition, listPositions } from './list-positions.js';
import { createPosition, updatePosition } from './save-position.js';

/** 职务: the posts of each org, read by cadre readers and kept by cadre managers. */
export async function positionRoutes(app: App) {
  const { ctx } = app;
  const tags = ['positions'];

  app.get(
    '/api/v1/positions',
    {
      schema: { tags, querystring: positionListQuery, response: { 200: pageOf(positionOut) } },
      config: { access: 'cadre.read' },
    },
    (req) => listPositions({ ctx, actor: actorOf(req), query: req.query }),
  );
  app.get(
    '/api/v1/positions/:id',
    { schema: { tags, params: idParam, response: { 200: positionOut } }, config: { access: 'cadre.read' } },
    (req) => getPosition({ ctx, actor: actorOf(req), id: req.params.id }),
  );
  app.post(
    '/api/v1/positions',
    {
      schema: { tags, body: positionFields, response: { 200: positionOut } },
      config: { access: 'cadre.manage', audit: 'position.create' },
    },
    async (req) => {
      const id = await createPosition({ ctx, actor: actorOf(req), input: req.body });
      return getPosition({ ctx, actor: actorOf(req), id });
    },
  );
  app.put(
    '/api/v1/positions/:id',
    {
      schema: { tags, params: idParam, body: positionUpdate, response: { 200: positionOut } },
      config: { access: 'cadre.manage', audit: 'position.update' },
    },
    async (req) => {
      await updatePosition({ ctx, actor: actorOf(req), id: req.params.id, input: req.body });
      return getPosition({ ctx, actor: actorOf(req), id: req.params.id });
    },
  );
  app.delete(
    '/api/v1/positions/:id',
    {
      schema: { tags, params: idParam, response: { 200: z.object({ ok: z.boolean() }) } },
      config: { access: 'cadre.manage', audit: 'position.delete' },
    },
    async (req) => {
      await deletePosition({ ctx, actor: actorOf(req), id: req.params.id });
      return { ok: true };
    },
  );
}
