import { appendAudit } from '../audit/append.js';
import { AppError } from '../http/errors.js';
import type { App } from '../http/types.js';
import { setupBody, setupResult, setupState } from './contract.js';
import { createAdmin, setupDone } from './create-admin.js';
import { isLoopbackRequest } from './loopback.js';
import { setupNeeded } from './setup-needed.js';

const localOnly = () =>
  new AppError(
    403,
    'setup_local_only',
    '首次设置只能在服务器本机上进行：请在服务器上用浏览器打开 http://localhost:端口/setup，或在服务器上执行 jiandu create-admin',
  );

/** First-run setup: while no account exists, a person at the server machine creates the district and its system administrator. */
export async function setupRoutes(app: App) {
  const { ctx } = app;
  const tags = ['setup'];

  app.get(
    '/api/v1/setup',
    { schema: { tags, response: { 200: setupState } }, config: { access: 'public' } },
    async () => ({ needed: await setupNeeded(ctx.db) }),
  );

  app.post(
    '/api/v1/setup',
    { schema: { tags, body: setupBody, response: { 200: setupResult } }, config: { access: 'public' } },
    async (req) => {
      if (!(await setupNeeded(ctx.db))) throw setupDone();
      if (!isLoopbackRequest(req)) {
        await appendAudit(ctx.db, {
          at: ctx.clock.now(),
          ip: req.ip,
          action: 'setup.create_admin',
          result: 'denied',
          detail: { reason: 'not_loopback', peer: req.socket?.remoteAddress ?? null },
        });
        throw localOnly();
      }
      const { orgName, username, displayName, password } = req.body;
      const created = await createAdmin({
        ctx,
        orgName,
        username,
        displayName,
        password,
        role: 'sys_admin',
        via: 'setup',
        ip: req.ip,
        onlyIfNoUsers: true,
        createOrg: true,
      });
      return {
        userId: created.userId,
        username: created.username,
        orgId: created.orgId,
        orgName: created.orgName,
      };
    },
  );
}
