import { z } from 'zod';
import { pageOf } from '../http/pagination.js';
import { type App, actorOf } from '../http/types.js';
import { idParam, orgCreate, orgListQuery, orgOut, orgUpdate } from './contract.js';
import { createOrg } from './create-org.js';
import { listOrgs, orgTree, toOut } from './list-orgs.js';
import { loadOrg } from './load-org.js';
import { deleteOrg, updateOrg } from './update-org.js';

export async function orgRoutes(app: App) {
  const { ctx } = app;
  const tags = ['orgs'];

  app.get(
    '/api/v1/orgs',
    {
      schema: { tags, querystring: orgListQuery, response: { 200: pageOf(orgOut) } },
      config: { access: 'org.read' },
    },
    (req) => listOrgs({ ctx, actor: actorOf(req), query: req.query }),
  );
  app.get(
    '/api/v1/orgs/tree',
    { schema: { tags, response: { 200: z.array(orgOut) } }, config: { access: 'org.read' } },
    (req) => orgTree({ ctx, actor: actorOf(req) }),
  );
  app.get(
    '/api/v1/orgs/:id',
    { schema: { tags, params: idParam, response: { 200: orgOut } }, config: { access: 'org.read' } },
    async (req) => toOut(await loadOrg(ctx.db, actorOf(req), req.params.id)),
  );
  app.post(
    '/api/v1/orgs',
    {
      schema: { tags, body: orgCreate, response: { 200: orgOut } },
      config: { access: 'org.manage', audit: 'org.create' },
    },
    (req) => createOrg({ ctx, actor: actorOf(req), input: req.body }),
  );
  app.put(
    '/api/v1/orgs/:id',
    {
      schema: { tags, params: idParam, body: orgUpdate, response: { 200: orgOut } },
      config: { access: 'org.manage', audit: 'org.update' },
    },
    (req) => updateOrg({ ctx, actor: actorOf(req), id: req.params.id, input: req.body }),
  );
  app.delete(
    '/api/v1/orgs/:id',
    { schema: { tags, params: idParam }, config: { access: 'org.manage', audit: 'org.delete' } },
    async (req) => {
      await deleteOrg({ ctx, actor: actorOf(req), id: req.params.id });
      return { ok: true };
    },
  );
}
