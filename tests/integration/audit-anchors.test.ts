import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { desc, sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdminCommand } from '../../src/cli/create-admin.js';
import { verifyAuditCommand } from '../../src/cli/verify-audit.js';
import { buildApp } from '../../src/server/app.js';
import { registerJobs } from '../../src/server/jobs.js';
import { anchorsDir } from '../../src/server/platform/audit/anchors.js';
import { appendAudit } from '../../src/server/platform/audit/append.js';
import { ANCHOR_JOB } from '../../src/server/platform/audit/jobs.js';
import { auditAnchors, auditLog } from '../../src/server/platform/audit/schema.js';
import { verifyAuditChain } from '../../src/server/platform/audit/verify.js';
import { backup } from '../../src/server/platform/backup/backup.js';
import { makeBackup } from '../../src/server/platform/backup/live-backup.js';
import { openContext } from '../../src/server/platform/bootstrap.js';
import type { Queryable } from '../../src/server/platform/db/client.js';
import { openDatabase } from '../../src/server/platform/db/client.js';
import { registeredJobs } from '../../src/server/platform/jobs/registry.js';
import { Scheduler } from '../../src/server/platform/jobs/scheduler.js';
import { call, makeOrg, makeUser, type Session, signIn } from '../support/factories.js';
import { createTestApp, FakeClock, type TestApp, testConfig } from '../support/test-app.js';

/**
 * The hash chain cannot show that its newest records are gone; anchors of its head can. Every
 * backup, every export and a daily checkpoint record the last id and hash in audit_anchors and in
 * a file under DATA_DIR/anchors, and the verifier checks the chain against every anchor it finds.
 */
let t: TestApp;
let auditor: Session;
beforeAll(async () => {
  t = await createTestApp();
  const district = await makeOrg(t.ctx, '锚点区', null, 'district');
  const u = await makeUser(t.ctx, { orgId: district.id, roles: ['audit_admin'], dataScope: 'all' });
  auditor = await signIn(t, u.username);
  for (let i = 0; i < 20; i++)
    await appendAudit(t.ctx.db, { at: t.clock.now(), action: 'demo.view', detail: { i } });
});
afterAll(async () => t.close());

const verify = (anchorFiles: string[] = []) =>
  verifyAuditCommand(t.ctx.db, { dataDir: t.ctx.config.dataDir, anchorFiles });

/** Removes audit records as only someone with the database's owner rights can (triggers off). */
async function removeAudit(db: Queryable, where: ReturnType<typeof sql>) {
  await db.execute(sql`alter table audit_log disable trigger user`);
  await db.execute(sql`delete from audit_log where ${where}`);
  await db.execute(sql`alter table audit_log enable trigger user`);
}

const lastId = async () =>
  (await t.ctx.db.select({ id: auditLog.id }).from(auditLog).orderBy(desc(auditLog.id)).limit(1))[0].id;

describe('anchors', () => {
  it('the daily checkpoint records the head in the table and in a private file', async () => {
    registerJobs();
    const job = registeredJobs().recurring.find((j) => j.name === ANCHOR_JOB)!;
    expect(job.everyMs).toBe(86_400_000);
    expect(await new Scheduler(t.ctx, { jobs: { recurring: [job], oneOff: [] } }).tick()).toBe(1);
    const head = await lastId();
    const rows = await t.ctx.db.select().from(auditAnchors);
    expect(rows).toEqual([expect.objectContaining({ source: 'checkpoint', lastId: head })]);
    const files = readdirSync(anchorsDir(t.ctx.config.dataDir));
    expect(files).toEqual([expect.stringMatching(new RegExp(`-checkpoint-${head}\\.json$`))]);
    const file = path.join(anchorsDir(t.ctx.config.dataDir), files[0]);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({
      lastId: head,
      lastHash: rows[0].lastHash,
    });
    // anchors are append-only too
    await expect(t.ctx.db.delete(auditAnchors)).rejects.toThrow();
    await expect(t.ctx.db.execute(sql`update audit_anchors set last_id = 1`)).rejects.toThrow();
    await expect(t.ctx.db.execute(sql`truncate audit_anchors`)).rejects.toThrow();

    const ok = await verify();
    expect(ok.ok).toBe(true);
    expect(ok.lines[1]).toContain(`最新锚点为记录 #${head}`);
  });

  it('every export records one', async () => {
    const res = await call(t, auditor, 'GET', '/api/v1/audit/export');
    expect(res.statusCode).toBe(200);
    const [anchor] = await t.ctx.db.select().from(auditAnchors).orderBy(desc(auditAnchors.id)).limit(1);
    expect(anchor).toMatchObject({ source: 'export', lastId: await lastId() });
    const [exported] = await t.ctx.db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1);
    expect(exported.action).toBe('audit.export'); // the export's own record is inside the anchor
  });
});

describe('a shortened chain', () => {
  let offsite: string;
  let anchored: number;

  it('is reported as a truncation by verify-audit and by the audit administrator’s check', async () => {
    offsite = path.join(os.tmpdir(), `jiandu-offsite-${randomBytes(4).toString('hex')}.jsonl.gz`);
    // a copy kept elsewhere, no anchor made
    const { manifest: m } = await backup({
      database: t.ctx.database,
      out: offsite,
      filesDir: path.join(t.ctx.config.dataDir, 'files'),
    });
    anchored = await lastId();
    expect(m.audit.lastId).toBe(anchored);
    for (let i = 0; i < 3; i++) await appendAudit(t.ctx.db, { at: t.clock.now(), action: 'demo.view' });

    await removeAudit(t.ctx.db, sql`id > ${anchored - 2}`);
    expect((await verifyAuditChain(t.ctx.db)).firstBreak).toBeNull(); // the chain alone is "complete"
    const r = await verify();
    expect(r.ok).toBe(false);
    expect(r.lines[0]).toMatch(/^审计日志完整/);
    expect(r.lines[1]).toContain(`审计日志被截断：锚点记录 #${anchored} 已不存在`);
    expect(r.lines[1]).toContain(`#${anchored - 2} 之后至 #${anchored} 的记录被删除`);

    const api = await call(t, auditor, 'GET', '/api/v1/audit/verify');
    expect(api.json()).toMatchObject({ ok: false, firstBreak: null, anchors: { truncatedAt: anchored } });
    expect(api.json().anchors.problem).toContain('审计日志被截断');
  });

  it('is still found from the anchor files when the anchor rows are gone too', async () => {
    await t.ctx.db.execute(sql`alter table audit_anchors disable trigger user`);
    await t.ctx.db.execute(sql`delete from audit_anchors`);
    await t.ctx.db.execute(sql`alter table audit_anchors enable trigger user`);
    const r = await verify();
    expect(r.ok).toBe(false);
    expect(r.lines[1]).toContain('审计日志被截断');
    expect(r.lines[1]).toContain('锚点文件');
  });

  it('and from a backup or an anchor file kept elsewhere when the folder is gone as well', async () => {
    const dir = anchorsDir(t.ctx.config.dataDir);
    const kept = path.join(os.tmpdir(), `jiandu-anchors-${randomBytes(4).toString('hex')}`);
    renameSync(dir, kept);
    const blind = await verify();
    expect(blind.ok).toBe(true); // nothing left to compare with
    expect(blind.lines[1]).toContain('没有找到审计锚点');

    const fromBackup = await verify([offsite]);
    expect(fromBackup.ok).toBe(false);
    expect(fromBackup.lines[1]).toContain(`审计日志被截断：锚点记录 #${anchored} 已不存在`);
    expect(fromBackup.lines[1]).toContain(`备份文件 ${offsite}`);
    const oneFile = path.join(kept, readdirSync(kept).sort().at(-1)!);
    expect((await verify([oneFile])).ok).toBe(false);
    writeFileSync(path.join(kept, 'junk.json'), '{}');
    await expect(verify([path.join(kept, 'junk.json')])).rejects.toThrow('不是审计锚点文件');
    renameSync(kept, dir);
  });

  it('is found although new records were written after the removal', async () => {
    await appendAudit(t.ctx.db, { at: t.clock.now(), action: 'demo.view' });
    expect((await verifyAuditChain(t.ctx.db)).firstBreak).toBeNull();
    const r = await verify();
    expect(r.ok).toBe(false);
    expect(r.lines[1]).toContain(`审计日志被截断：锚点记录 #${anchored} 已不存在`);
    expect(r.lines[1]).toContain(`现存最后一条为 #${await lastId()}`);
  });

  it('reports a record whose hash differs from its anchor as replaced', async () => {
    const [row] = await t.ctx.db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1);
    const file = path.join(os.tmpdir(), `jiandu-anchor-${randomBytes(4).toString('hex')}.json`);
    const forged = {
      format: 'jiandu-audit-anchor',
      lastId: row.id,
      lastHash: '0'.repeat(64),
      at: '',
      source: 'x',
    };
    writeFileSync(file, JSON.stringify(forged));
    const r = await verify([file]);
    expect(r.ok).toBe(false);
    expect(r.lines[1]).toContain(`审计日志与锚点不符：记录 #${row.id} 的哈希与锚点不同`);
  });
});

/**
 * Running as a role that may not disable the triggers: migrations as the owner
 * (MIGRATION_DATABASE_URL), the server as a separate runtime role that owns nothing.
 */
describe.skipIf(!process.env.TEST_DATABASE_URL)('PostgreSQL with a separate runtime role', () => {
  const suffix = randomBytes(4).toString('hex');
  const owner = `jd_owner_${suffix}`;
  const runtime = `jd_app_${suffix}`;
  const dbName = `jd_roles_${suffix}`;
  const base = process.env.TEST_DATABASE_URL ?? '';
  const urlFor = (user: string) => {
    const u = new URL(base);
    u.username = user;
    u.password = '';
    u.pathname = `/${dbName}`;
    return u.toString();
  };
  const admin = async (...statements: string[]) => {
    const c = new pg.Client({ connectionString: base });
    await c.connect();
    try {
      for (const s of statements) await c.query(s);
    } finally {
      await c.end();
    }
  };
  beforeAll(async () => {
    await admin(
      `create role ${owner} login`,
      `create role ${runtime} login`,
      `create database ${dbName} owner ${owner}`,
    );
  });
  afterAll(async () => {
    await admin(
      `drop database if exists ${dbName} with (force)`,
      `drop role if exists ${owner}`,
      `drop role if exists ${runtime}`,
    );
  });

  it('migrates as the owner; the app works as the runtime role, which cannot delete, truncate or alter the audit log', async () => {
    const clock = new FakeClock();
    const config = testConfig({ databaseUrl: urlFor(runtime), migrationDatabaseUrl: urlFor(owner) });
    const database = await openDatabase({ databaseUrl: config.databaseUrl, poolSize: 4 });
    try {
      const ctx = await openContext({ config, clock, database });
      const app = await buildApp(ctx);
      const t2 = { app, ctx, clock, close: async () => {} } as TestApp;
      // the app works: an administrator is created, signs in with TOTP, a backup is made and anchored
      await createAdminCommand(ctx, { username: 'root', org: '角色区', password: 'Role!2026-admin' });
      const s = await signIn(t2, 'root', 'Role!2026-admin');
      expect((await call(t2, s, 'GET', '/api/v1/me')).statusCode).toBe(200);
      const made = await makeBackup(ctx, { kind: 'manual' });
      expect(made.verified).toBe(true);
      expect((await ctx.db.select().from(auditAnchors)).length).toBe(1);
      expect(existsSync(anchorsDir(config.dataDir))).toBe(true);

      const refused = async (statement: string, message: RegExp) => {
        const e = await database.db.execute(sql.raw(statement)).then(
          () => null,
          (err) => err,
        );
        expect(e, statement).not.toBeNull();
        expect(String(e?.cause?.message ?? e?.message), statement).toMatch(message);
      };
      for (const table of ['audit_log', 'audit_anchors']) {
        await refused(`delete from ${table}`, /permission denied/);
        await refused(`update ${table} set id = id`, /permission denied/);
        await refused(`truncate ${table}`, /permission denied/);
        await refused(`alter table ${table} disable trigger user`, /must be owner/);
        await refused(`drop table ${table}`, /must be owner/);
      }
      expect((await verifyAuditChain(ctx.db)).firstBreak).toBeNull();
      const r = await verifyAuditCommand(ctx.db, { dataDir: config.dataDir });
      expect(r.ok).toBe(true);
      await app.close();
    } finally {
      await database.close();
    }
  }, 180_000);
});
