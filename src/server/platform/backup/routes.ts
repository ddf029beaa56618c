import { z } from 'zod';
import type { Actor } from '../access/actor.js';
import { appendAudit } from '../audit/append.js';
import { AppError } from '../http/errors.js';
import { type App, actorOf } from '../http/types.js';
import { jobOut } from '../imports/routes.js';
import { isLoopbackRequest } from '../setup/loopback.js';
import { backupJobOut, backupListOut, localBackupOut } from './contract.js';
import { CONTROL_HEADER, controlTokenValid } from './control.js';
import { backupFile, backupsDir, listBackups, makeBackup } from './live-backup.js';
import { loadBackupJob, runningBackupJob, startBackupJob } from './start-backup-job.js';

/** A backup holds every unit's data: only an administrator whose data scope is everything may make or take one. */
const wholeScope = (actor: Actor) => {
  if (actor.dataScope !== 'all')
    throw new AppError(
      403,
      'forbidden',
      '备份包含全部单位的数据，只有数据范围为“全部”的系统管理员可以备份',
      undefined,
      true,
    );
  return actor;
};

/**
 * Backups of the running system for the system administrator (list, back up now), and the
 * local-only route `jiandu backup` uses while the server holds the embedded database. There is no
 * download through the web: a backup holds every petition's text in clear, and no one of the three
 * administrators may read case content (三员分立); the files are taken from the server's folder by
 * whoever operates the machine (docs/decisions/audit-anchors.md).
 */
export async function backupRoutes(app: App) {
  const { ctx } = app;
  const tags = ['backups'];

  app.get(
    '/api/v1/backups',
    { schema: { tags, response: { 200: backupListOut } }, config: { access: 'backup.manage' } },
    async (req) => {
      wholeScope(actorOf(req));
      const running = await runningBackupJob(ctx);
      return {
        items: listBackups(ctx),
        running: running && jobOut(running),
        folder: backupsDir(ctx),
        keepDays: await ctx.rules.value<number>('backup.keep_days'),
        keepMin: await ctx.rules.value<number>('backup.keep_min'),
      };
    },
  );
  // answers at once with the job (202); the page polls it while the worker backs up and verifies
  app.post(
    '/api/v1/backups',
    {
      schema: { tags, response: { 202: backupJobOut } },
      config: { access: 'backup.manage', audit: 'backup.create' },
    },
    async (req, reply) => {
      const job = await startBackupJob(ctx, wholeScope(actorOf(req)));
      return reply.status(202).send(jobOut(job));
    },
  );
  app.get(
    '/api/v1/backups/jobs/:id',
    {
      schema: {
        tags,
        params: z.object({ id: z.coerce.number().int().positive('编号不正确') }),
        response: { 200: backupJobOut },
      },
      config: { access: 'backup.manage' },
    },
    async (req) => {
      wholeScope(actorOf(req));
      return jobOut(await loadBackupJob(ctx, req.params.id));
    },
  );
  app.post(
    '/api/v1/backups/local',
    {
      schema: { tags, response: { 200: localBackupOut } },
      config: { access: 'public' },
    },
    async (req) => {
      const token = req.headers[CONTROL_HEADER];
      if (!isLoopbackRequest(req) || !controlTokenValid(ctx, typeof token === 'string' ? token : undefined)) {
        await appendAudit(ctx.db, {
          at: ctx.clock.now(),
          ip: req.ip,
          action: 'backup.create',
          result: 'denied',
          detail: { via: 'cli', reason: isLoopbackRequest(req) ? 'bad_token' : 'not_loopback' },
        });
        throw new AppError(403, 'forbidden', '只能在服务器本机上用 jiandu backup 命令调用');
      }
      const record = await makeBackup(ctx, { kind: 'cli', ip: req.ip });
      return { ...record, path: backupFile(ctx, record.name) };
    },
  );
}
