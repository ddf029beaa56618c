import { z } from 'zod';
import { type App, actorOf } from '../http/types.js';
import { idParam, permissionOut, roleCreate, roleOut, roleUpdate } from './contract.js';
import { createRole } from './create-role.js';
import { deleteRole } from './delete-role.js';
import { listRoles } from './list-roles.js';
import { permissionCatalogue } from './permission-catalogue.js';
import { updateRole } from './update-role.js';

export async function roleRoutes(app: App) {
  const { ctx } = app;
  const tags = ['roles'];

  app.get(
    '/api/v1/roles',
    { schema: { tags, response: { 200: z.array(roleOut) } }, config: { access: 'role.read' } },
    () => listRoles(ctx.db),
  );
  app.get(
    '/api/v1/roles/permissions',
    { schema: { tags, response: { 200: z.array(permissionOut) } }, config: { access: 'role.read' } },
    async () => permissionCatalogue(),
  );
  app.post(
    '/api/v1/roles',
    {
      schema: { tags, body: roleCreate, response: { 200: roleOut } },
      config: { access: 'role.manage', audit: 'role.create' },
    },
    (req) => createRole({ ctx, actor: actorOf(req), input: req.body }),
  );
  app.put(
    '/api/v1/roles/:id',
    {
      schema: { tags, params: idParam, body: roleUpdate, response: { 200: roleOut } },
      config: { access: 'role.manage', audit: 'role.update' },
    },
    (req) => updateRole({ ctx, actor: actorOf(req), id: req.params.id, input: req.body }),
  );
  app.delete(
    '/api/v1/roles/:id',
    { schema: { tags, params: idParam }, config: { access: 'role.manage', audit: 'role.delete' } },
    async (req) => {
      await deleteRole({ ctx, actor: actorOf(req), id: req.params.id });
      return { ok: true };
    },
  );
}
