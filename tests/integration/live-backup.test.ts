import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerJobs } from '../../src/server/jobs.js';
import { auditAnchors, auditLog } from '../../src/server/platform/audit/schema.js';
import { CONTROL_HEADER, openControlChannel } from '../../src/server/platform/backup/control.js';
import { BACKUP_JOB, nightlyBackup } from '../../src/server/platform/backup/jobs.js';
import { applyRetention, backupsDir, listBackups } from '../../src/server/platform/backup/live-backup.js';
import { verifyBackupFile } from '../../src/server/platform/backup/verify-file.js';
import { registeredJobs } from '../../src/server/platform/jobs/registry.js';
import { Scheduler } from '../../src/server/platform/jobs/scheduler.js';
import { jobRuns } from '../../src/server/platform/jobs/schema.js';
import { todos } from '../../src/server/platform/todos/schema.js';
import { adminWorld } from '../support/admins.js';
import { backupJobSettled, backupNow } from '../support/backup-now.js';
import { call, makeUser, type Session, signIn } from '../support/factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * Backups while the system runs (on the embedded database too): the system administrator's
 * "立即备份" with list and download, the nightly job with retention and a to-do on failure, and the
 * local channel `jiandu backup` uses. Every backup is verified by a restore and anchors the audit chain.
 */
let t: TestApp;
let w: Awaited<ReturnType<typeof adminWorld>>;
let officer: Session;
beforeAll(async () => {
  t = await createTestApp();
  w = await adminWorld(t);
  const u = await makeUser(t.ctx, { orgId: w.district.id, roles: ['district_discipline'], dataScope: 'all' });
  officer = await signIn(t, u.username);
});
afterAll(async () => t.close());

const dir = () => backupsDir(t.ctx);

describe('back up now (the system administrator)', () => {
  it('makes a verified backup in DATA_DIR/backups, anchors the audit head, audits it; lists and downloads it', async () => {
    const job = await backupNow(t, w.sessions.sys);
    expect(job).toMatchObject({ status: 'succeeded', message: null });
    expect(job.processed).toBe(job.total);
    const made = job.result as NonNullable<typeof job.result> & { auditLastId: number };
    expect(made).toMatchObject({ kind: 'manual', verified: true, problem: null });
    expect(made.name).toMatch(/^jiandu-20260302T\d{6}Z-manual\.jsonl\.gz$/);
    const file = path.join(dir(), made.name);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(dir()).mode & 0o777).toBe(0o700);
    expect(made.keyFingerprint).toMatch(/^[0-9a-f]{16}$/);
    expect(await verifyBackupFile(file)).toBeNull();

    const [anchor] = await t.ctx.db.select().from(auditAnchors).orderBy(desc(auditAnchors.id)).limit(1);
    expect(anchor).toMatchObject({ source: 'backup', lastId: made.auditLastId });
    const anchorFiles = readdirSync(path.join(t.ctx.config.dataDir, 'anchors'));
    expect(anchorFiles.some((f) => f.endsWith(`-backup-${made.auditLastId}.json`))).toBe(true);
    const recs = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'backup.create'), eq(auditLog.objectId, made.name)));
    expect(recs).toHaveLength(1);
    expect(recs[0]).toMatchObject({ userId: w.users.sys.id, result: 'success' });
    // the request itself adds no second entry: the backup's records the outcome
    const all = await t.ctx.db.select().from(auditLog).where(eq(auditLog.action, 'backup.create'));
    expect(all).toHaveLength(1);

    const list = await call(t, w.sessions.sys, 'GET', '/api/v1/backups');
    expect(list.json()).toMatchObject({ keepDays: 30, keepMin: 7, folder: dir(), running: null });
    expect(list.json().items[0]).toMatchObject({ name: made.name, verified: true });

    const manifest = JSON.parse(gunzipSync(readFileSync(file)).toString('utf8').split('\n')[0]);
    expect(manifest).toMatchObject({ format: 'jiandu-backup', audit: { lastId: made.auditLastId } });
    // 三员分立: a backup is every case in clear; the system administrator cannot take it through the web
    expect((await call(t, w.sessions.sys, 'GET', `/api/v1/backups/${made.name}`)).statusCode).toBe(404);
  }, 180_000);

  it('answers at once with the job, before the backup is built; a second request meanwhile is refused', async () => {
    const before = listBackups(t.ctx).length;
    t.clock.advance(60_000);
    const res = await call(t, w.sessions.sys, 'POST', '/api/v1/backups');
    expect(res.statusCode).toBe(202);
    const job = res.json();
    expect(job).toMatchObject({ kind: 'backup', status: 'running', processed: 0, result: null });
    // nothing is built yet: the request did not wait for it
    expect(listBackups(t.ctx)).toHaveLength(before);
    expect(readdirSync(dir()).some((f) => f.endsWith('.partial'))).toBe(false);

    const again = await call(t, w.sessions.sys, 'POST', '/api/v1/backups');
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe('正在进行另一次备份，请等它完成后再试');
    // the page, reloaded, finds the backup in progress
    const list = await call(t, w.sessions.sys, 'GET', '/api/v1/backups');
    expect(list.json().running).toMatchObject({ id: job.id, status: 'running' });
    // other requests are answered meanwhile
    expect((await call(t, officer, 'GET', '/api/v1/me')).statusCode).toBe(200);

    const done = await backupJobSettled(t, w.sessions.sys, job.id);
    expect(done).toMatchObject({ status: 'succeeded', result: { verified: true } });
    expect(done.total).toBeGreaterThan(2);
    expect(listBackups(t.ctx)).toHaveLength(before + 1);
    expect(await verifyBackupFile(path.join(dir(), done.result!.name))).toBeNull();
    expect((await call(t, w.sessions.sys, 'GET', '/api/v1/backups')).json().running).toBeNull();
  }, 240_000);

  it('a backup that fails says why on its job, and frees the slot', async () => {
    t.clock.advance(60_000);
    const name = `jiandu-${t.clock
      .now()
      .toISOString()
      .replace(/[-:]/g, '')
      .replace(/\.\d+Z$/, 'Z')}-manual.jsonl.gz`;
    const blocker = path.join(dir(), `${name}.partial`);
    mkdirSync(blocker, { recursive: true });
    const failed = await backupNow(t, w.sessions.sys);
    rmSync(blocker, { recursive: true });
    expect(failed).toMatchObject({ status: 'failed', result: null });
    expect(failed.message).toMatch(/[\u4e00-\u9fff]/);
    // the slot is free again
    t.clock.advance(60_000);
    expect((await backupNow(t, w.sessions.sys)).status).toBe('succeeded');
    // a job is found only by a whole-scope system administrator, and only a backup's
    expect((await call(t, officer, 'GET', `/api/v1/backups/jobs/${failed.id}`)).statusCode).toBe(403);
    expect((await call(t, w.sessions.sys, 'GET', '/api/v1/backups/jobs/999999')).statusCode).toBe(404);
  }, 240_000);

  it('is refused to everyone else: other administrators, a business role, a township system administrator', async () => {
    for (const s of [w.sessions.sec, w.sessions.aud, officer]) {
      expect((await call(t, s, 'POST', '/api/v1/backups')).statusCode).toBe(403);
      expect((await call(t, s, 'GET', '/api/v1/backups')).statusCode).toBe(403);
    }
    // a system administrator whose scope is one township: a backup holds every unit's data
    const town = await call(t, w.sessions.townSys, 'POST', '/api/v1/backups');
    expect(town.statusCode).toBe(403);
    expect(town.json().error.message).toContain('数据范围为“全部”');
  });
});

describe('the local channel of `jiandu backup`', () => {
  it('makes a backup for the token of this server, from this machine only', async () => {
    const url = '/api/v1/backups/local';
    const close = openControlChannel(t.ctx, 1234);
    const info = JSON.parse(
      (await import('node:fs')).readFileSync(path.join(t.ctx.config.dataDir, 'control.json'), 'utf8'),
    );
    expect(statSync(path.join(t.ctx.config.dataDir, 'control.json')).mode & 0o777).toBe(0o600);
    const post = (token: string | undefined, remoteAddress = '127.0.0.1') =>
      t.app.inject({ method: 'POST', url, remoteAddress, headers: token ? { [CONTROL_HEADER]: token } : {} });
    expect((await post(undefined)).statusCode).toBe(403);
    expect((await post(`${info.token.slice(0, -1)}x`)).statusCode).toBe(403);
    expect((await post(info.token, '10.0.0.9')).statusCode).toBe(403);
    const ok = await post(info.token);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ kind: 'cli', verified: true, path: path.join(dir(), ok.json().name) });
    close();
    expect(existsSync(path.join(t.ctx.config.dataDir, 'control.json'))).toBe(false);
    expect((await post(info.token)).statusCode).toBe(403);
  }, 120_000);
});

describe('the nightly backup', () => {
  const seedOld = (days: number, verified = true) => {
    const [latest] = listBackups(t.ctx);
    const at = new Date(t.clock.now().getTime() - days * 86_400_000);
    const stamp = at
      .toISOString()
      .replace(/[-:]/g, '')
      .replace(/\.\d+Z$/, 'Z');
    const name = `jiandu-${stamp}-scheduled.jsonl.gz`;
    copyFileSync(path.join(dir(), latest.name), path.join(dir(), name));
    writeFileSync(
      path.join(dir(), `${name}.json`),
      JSON.stringify({ ...latest, name, kind: 'scheduled', createdAt: at.toISOString(), verified }),
    );
    return name;
  };

  it('runs at 02:00 China time, keeps 30 days but never fewer than 7 verified copies', async () => {
    for (const b of listBackups(t.ctx)) rmSync(path.join(dir(), b.name));
    expect((await backupNow(t, w.sessions.sys)).status).toBe('succeeded'); // a file to copy
    const seeded: string[] = [];
    for (let d = 40; d < 49; d++) seeded.push(seedOld(d)); // nine verified copies, all past 30 days
    const recentBad = seedOld(3, false);
    for (const b of listBackups(t.ctx)) if (b.kind === 'manual') rmSync(path.join(dir(), b.name));

    registerJobs();
    const job = registeredJobs().recurring.find((j) => j.name === BACKUP_JOB)!;
    const ran = await new Scheduler(t.ctx, { jobs: { recurring: [job], oneOff: [] } }).tick();
    expect(ran).toBe(1);
    const [run] = await t.ctx.db.select().from(jobRuns).where(eq(jobRuns.name, BACKUP_JOB));
    expect(run).toMatchObject({ slot: '2026-03-01T18:00:00.000Z', status: 'done' });

    const left = listBackups(t.ctx);
    const scheduled = left.filter(
      (b) => b.kind === 'scheduled' && !seeded.includes(b.name) && b.name !== recentBad,
    );
    expect(scheduled).toHaveLength(1);
    expect(scheduled[0].verified).toBe(true);
    // the new one and the six newest old ones: seven verified; the three oldest went; the recent failure stays
    expect(left.filter((b) => b.verified)).toHaveLength(7);
    expect(left.map((b) => b.name)).toEqual(expect.arrayContaining([...seeded.slice(0, 6), recentBad]));
    for (const gone of seeded.slice(6)) {
      expect(existsSync(path.join(dir(), gone))).toBe(false);
      expect(existsSync(path.join(dir(), `${gone}.json`))).toBe(false);
    }
  }, 180_000);

  it('drops copies past the days kept once enough newer verified ones exist', () => {
    const removed = applyRetention(t.ctx, t.clock.now(), 30, 1);
    expect(removed.length).toBeGreaterThan(0);
    expect(listBackups(t.ctx).filter((b) => b.verified)).toHaveLength(1);
  });

  it('puts a failure on the system administrators’ to-do list, once, and clears it after a good night', async () => {
    // the file cannot be written: a folder stands where the worker writes it
    t.clock.advance(10_000); // a time no earlier backup is named after
    const name = `jiandu-${t.clock
      .now()
      .toISOString()
      .replace(/[-:]/g, '')
      .replace(/\.\d+Z$/, 'Z')}-scheduled.jsonl.gz`;
    const blocker = path.join(dir(), `${name}.partial`);
    mkdirSync(blocker, { recursive: true });
    await expect(nightlyBackup(t.ctx)).rejects.toThrow();
    await expect(nightlyBackup(t.ctx)).rejects.toThrow();
    const failed = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'backup.create'), eq(auditLog.objectId, name)));
    expect(failed.map((r) => r.result)).toEqual(['failure', 'failure']);
    const open = await t.ctx.db
      .select()
      .from(todos)
      .where(and(eq(todos.recordType, 'backup'), eq(todos.status, 'open')));
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ assigneeRole: 'sys_admin', orgId: w.district.id, link: '/backups' });
    expect(open[0].title).toContain('自动备份失败');
    const mine = await call(t, w.sessions.sys, 'GET', '/api/v1/todos');
    expect(JSON.stringify(mine.json())).toContain('自动备份失败');
    const theirs = await call(t, officer, 'GET', '/api/v1/todos');
    expect(JSON.stringify(theirs.json())).not.toContain('自动备份失败');

    rmSync(blocker, { recursive: true });
    await nightlyBackup(t.ctx);
    const [after] = await t.ctx.db.select().from(todos).where(eq(todos.id, open[0].id));
    expect(after.status).toBe('done');
  }, 180_000);
});
