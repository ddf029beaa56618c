import { z } from 'zod';
import { type App, actorOf } from '../http/types.js';
import { confirmReset } from './confirm-reset.js';
import {
  idParam,
  oneTimePassword,
  requestListQuery,
  resetRequestOut,
  roleRequestOut,
  userOut,
} from './contract.js';
import { grantRoleRequest } from './grant-role-request.js';
import { listResetRequests } from './list-reset-requests.js';
import { listRoleRequests } from './list-role-requests.js';
import { refuseReset } from './refuse-reset.js';
import { refuseRoleRequest } from './refuse-role-request.js';

/**
 * The two-person steps of 三员分立: roles waiting for a security administrator's grant, and password
 * resets waiting for a second administrator. Both administrators see the lists; who may decide what
 * is the use cases' business.
 */
export async function requestRoutes(app: App) {
  const { ctx } = app;
  const tags = ['users'];
  const admins = ['user.manage', 'role.manage'] as const;
  const decided = z.object({ ok: z.boolean(), status: z.string() });

  app.get(
    '/api/v1/role-requests',
    {
      schema: { tags, querystring: requestListQuery, response: { 200: z.array(roleRequestOut) } },
      config: { access: [...admins] },
    },
    (req) => listRoleRequests({ ctx, actor: actorOf(req), query: req.query }),
  );
  app.post(
    '/api/v1/role-requests/:id/grant',
    {
      schema: { tags, params: idParam, response: { 200: userOut } },
      config: { access: 'role.manage', audit: 'role.assign' },
    },
    (req) => grantRoleRequest({ ctx, actor: actorOf(req), id: req.params.id }),
  );
  app.post(
    '/api/v1/role-requests/:id/refuse',
    {
      schema: { tags, params: idParam, response: { 200: decided } },
      config: { access: [...admins], audit: 'role.request_refuse' },
    },
    (req) => refuseRoleRequest({ ctx, actor: actorOf(req), id: req.params.id }),
  );

  app.get(
    '/api/v1/password-resets',
    {
      schema: { tags, querystring: requestListQuery, response: { 200: z.array(resetRequestOut) } },
      config: { access: [...admins] },
    },
    (req) => listResetRequests({ ctx, actor: actorOf(req), query: req.query }),
  );
  app.post(
    '/api/v1/password-resets/:id/confirm',
    {
      schema: { tags, params: idParam, response: { 200: oneTimePassword } },
      config: { access: [...admins], audit: 'user.reset_password' },
    },
    (req) => confirmReset({ ctx, actor: actorOf(req), id: req.params.id }),
  );
  app.post(
    '/api/v1/password-resets/:id/refuse',
    {
      schema: { tags, params: idParam, response: { 200: decided } },
      config: { access: [...admins], audit: 'user.reset_password_refuse' },
    },
    (req) => refuseReset({ ctx, actor: actorOf(req), id: req.params.id }),
  );
}
