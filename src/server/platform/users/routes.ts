import { z } from 'zod';
import { pageOf } from '../http/pagination.js';
import { type App, actorOf } from '../http/types.js';
import {
  idParam,
  oneTimePassword,
  resetOutcomeOut,
  roleProposalBody,
  sessionOut,
  userCreate,
  userListQuery,
  userOut,
  userRolesBody,
  userUpdate,
} from './contract.js';
import { createUser } from './create-user.js';
import { describeUser } from './describe-users.js';
import { listUsers } from './list-users.js';
import { loadUser } from './load-user.js';
import { proposeRoles } from './propose-roles.js';
import { requestRoutes } from './request-routes.js';
import { resetPassword } from './reset-password.js';
import { setUserDisabled } from './set-user-disabled.js';
import { setUserRoles } from './set-user-roles.js';
import { unlockUser } from './unlock-user.js';
import { updateUser } from './update-user.js';
import { endSessionsOf, listUserSessions } from './user-sessions.js';

export async function userRoutes(app: App) {
  const { ctx } = app;
  const tags = ['users'];
  const one = { tags, params: idParam, response: { 200: userOut } };
  const manage = (audit: string) => ({ access: 'user.manage' as const, audit });

  app.get(
    '/api/v1/users',
    {
      schema: { tags, querystring: userListQuery, response: { 200: pageOf(userOut) } },
      config: { access: 'user.read' },
    },
    (req) => listUsers({ ctx, actor: actorOf(req), query: req.query }),
  );
  // The record shows contact details unmasked: each viewing is audited.
  const view = { access: 'user.read' as const, audit: 'user.view', auditView: 'user.view' };
  app.get('/api/v1/users/:id', { schema: one, config: view }, async (req) =>
    describeUser(ctx.db, await loadUser(ctx.db, actorOf(req), req.params.id), ctx.clock.now()),
  );
  app.get(
    '/api/v1/users/:id/sessions',
    {
      schema: { tags, params: idParam, response: { 200: z.array(sessionOut) } },
      config: { access: 'user.manage' },
    },
    (req) => listUserSessions({ ctx, actor: actorOf(req), id: req.params.id }),
  );
  app.post(
    '/api/v1/users',
    { schema: { tags, body: userCreate, response: { 200: oneTimePassword } }, config: manage('user.create') },
    (req) => createUser({ ctx, actor: actorOf(req), input: req.body }),
  );
  app.put(
    '/api/v1/users/:id',
    { schema: { ...one, body: userUpdate }, config: manage('user.update') },
    (req) => updateUser({ ctx, actor: actorOf(req), id: req.params.id, input: req.body }),
  );
  // Granting and revoking roles is the security administrator's, who never learns a password.
  app.put(
    '/api/v1/users/:id/roles',
    { schema: { ...one, body: userRolesBody }, config: { access: 'role.manage', audit: 'role.assign' } },
    (req) => setUserRoles({ ctx, actor: actorOf(req), id: req.params.id, input: req.body }),
  );
  // ...the system administrator only proposes them (待授权).
  app.post(
    '/api/v1/users/:id/role-requests',
    { schema: { ...one, body: roleProposalBody }, config: manage('role.request') },
    (req) => proposeRoles({ ctx, actor: actorOf(req), id: req.params.id, input: req.body }),
  );
  app.post('/api/v1/users/:id/disable', { schema: one, config: manage('user.disable') }, (req) =>
    setUserDisabled({ ctx, actor: actorOf(req), id: req.params.id, disabled: true }),
  );
  app.post('/api/v1/users/:id/enable', { schema: one, config: manage('user.enable') }, (req) =>
    setUserDisabled({ ctx, actor: actorOf(req), id: req.params.id, disabled: false }),
  );
  app.post('/api/v1/users/:id/unlock', { schema: one, config: manage('auth.unlock') }, (req) =>
    unlockUser({ ctx, actor: actorOf(req), id: req.params.id }),
  );
  app.post(
    '/api/v1/users/:id/reset-password',
    {
      schema: { tags, params: idParam, response: { 200: resetOutcomeOut } },
      config: manage('user.reset_password'),
    },
    (req) => resetPassword({ ctx, actor: actorOf(req), id: req.params.id }),
  );
  app.post(
    '/api/v1/users/:id/end-sessions',
    {
      schema: { tags, params: idParam, response: { 200: z.object({ ended: z.number() }) } },
      config: manage('user.end_sessions'),
    },
    (req) => endSessionsOf({ ctx, actor: actorOf(req), id: req.params.id }),
  );
  await app.register(requestRoutes);
}
