import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdminCommand } from '../../src/cli/create-admin.js';
import { loadDemo } from '../../src/cli/demo/index.js';
import { demoOrgs, demoUser } from '../../src/cli/demo/lookup.js';
import { demoCommand } from '../../src/cli/demo-command.js';
import { verifyAuditCommand } from '../../src/cli/verify-audit.js';
import { auditLog } from '../../src/server/platform/audit/schema.js';
import { openDatabase } from '../../src/server/platform/db/client.js';
import { orgs } from '../../src/server/platform/orgs/schema.js';
import { roles, userRoles, users } from '../../src/server/platform/users/schema.js';
import { loginAs } from '../support/factories.js';
import { embeddedSuite, holdDataDir, runCli, startServe, stopServe } from '../support/run-cli.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;

/** Every folder and file under `dir` with its permission bits. */
function modesUnder(dir: string): { path: string; mode: number }[] {
  const out = [{ path: dir, mode: statSync(dir).mode & 0o777 }];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...modesUnder(p));
    else out.push({ path: p, mode: statSync(p).mode & 0o777 });
  }
  return out;
}
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const PW = 'Cli!2026-admin';
const roleOf = async (userId: number) =>
  (
    await t.ctx.db
      .select({ code: roles.code })
      .from(userRoles)
      .innerJoin(roles, eq(roles.id, userRoles.roleId))
      .where(eq(userRoles.userId, userId))
  ).map((r) => r.code);

describe('jiandu create-admin', () => {
  it('refuses a weak password with every reason in Chinese, and a bad role', async () => {
    const weak = createAdminCommand(t.ctx, { username: 'root1', org: '新城区', password: 'password' });
    await expect(weak).rejects.toThrow(/密码不符合要求：.*至少 3 类.*过于常见/);
    const role = createAdminCommand(t.ctx, { username: 'root1', org: '新城区', role: 'cadre', password: PW });
    await expect(role).rejects.toThrow('角色只能是');
    expect(await t.ctx.db.select().from(users)).toHaveLength(0);
  });

  it('creates the org as a district root, the user with scope "all" and no forced change, audited as via cli', async () => {
    const lines = await createAdminCommand(t.ctx, { username: 'root1', org: '新城区', password: PW });
    expect(lines[0]).toContain('已创建系统管理员账号「root1」');
    const [u] = await t.ctx.db.select().from(users).where(eq(users.username, 'root1'));
    expect(u).toMatchObject({ displayName: 'root1', dataScope: 'all', mustChangePassword: false });
    expect(await roleOf(u.id)).toEqual(['sys_admin']);
    const [org] = await t.ctx.db.select().from(orgs).where(eq(orgs.id, u.orgId));
    expect(org).toMatchObject({ name: '新城区', kind: 'district', parentId: null, path: `/${org.id}/` });
    const [rec] = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'user.create'), eq(auditLog.objectId, String(u.id))));
    expect(rec.detail).toMatchObject({ via: 'cli', username: 'root1', role: 'sys_admin' });

    await createAdminCommand(t.ctx, {
      username: 'auditor1',
      org: '新城区',
      role: 'audit_admin',
      displayName: '唐磊',
      password: PW,
    });
    const [a] = await t.ctx.db.select().from(users).where(eq(users.username, 'auditor1'));
    expect(a).toMatchObject({ orgId: u.orgId, displayName: '唐磊' });
    expect(await roleOf(a.id)).toEqual(['audit_admin']);
    expect(await t.ctx.db.select().from(orgs).where(eq(orgs.name, '新城区'))).toHaveLength(1);
  });

  it('refuses an existing username', async () => {
    const again = createAdminCommand(t.ctx, { username: 'root1', org: '别的区', password: PW });
    await expect(again).rejects.toThrow('用户名「root1」已存在');
    expect(await t.ctx.db.select().from(orgs).where(eq(orgs.name, '别的区'))).toHaveLength(0);
  });
});

describe('jiandu create-admin and unknown orgs', () => {
  it('refuses an unknown org — a typo must not found a district — listing the top-level orgs, unless asked to create it', async () => {
    const typo = createAdminCommand(t.ctx, { username: 'root2', org: '东城区', password: PW });
    await expect(typo).rejects.toThrow(
      '组织「东城区」不存在。现有的顶级组织：新城区。请检查名称；如确需新建一个区级组织，请加上 --create-org',
    );
    expect(await t.ctx.db.select().from(orgs).where(eq(orgs.name, '东城区'))).toHaveLength(0);
    expect(await t.ctx.db.select().from(users).where(eq(users.username, 'root2'))).toHaveLength(0);
    const made = await createAdminCommand(t.ctx, {
      username: 'root2',
      org: '东城区',
      password: PW,
      createOrg: true,
    });
    expect(made[0]).toBe('已创建系统管理员账号「root2」，所属组织：东城区（新建为区级组织）。');
  });
});

describe('jiandu demo', () => {
  // the whole demo loads here (every module's year): ~80 s alone, longer while the run's demo
  // snapshot is being built beside it (tests/support/prebuild-snapshots.ts): DEMO_HOOK_TIMEOUT
  it('loads the district once; every demo account must change the one random password', async () => {
    const first = await loadDemo(t.ctx);
    expect(first.alreadyLoaded).toBe(false);
    expect(first.password).toMatch(/^Demo-/);
    const demoUsers = await t.ctx.db
      .select()
      .from(users)
      .where(sql`${users.username} ~ '^(daxing|qingshan|xincheng)_'`);
    // 19 of the platform step, the account of the cadre who answers the demo's inquiry, a
    // 村务监督委员会 member per village (6) and the two office heads who score dynamic rounds
    expect(demoUsers).toHaveLength(28);
    expect(demoUsers.every((u) => u.mustChangePassword)).toBe(true);
    const towns = await t.ctx.db.select().from(orgs).where(eq(orgs.kind, 'township'));
    expect(towns.map((o) => o.name).sort()).toEqual(['大兴镇', '青山镇']);
    expect(await t.ctx.db.select().from(orgs).where(eq(orgs.kind, 'group'))).toHaveLength(12);
    expect(await roleOf(demoUsers.find((u) => u.username === 'qingshan_cadre')!.id)).toEqual(['cadre']);
    // The district made by create-admin above is reused; later demo steps find orgs by name path.
    const tree = await demoOrgs(t.ctx.db);
    expect([...tree.keys()].filter((k) => k === '新城区')).toHaveLength(1);
    expect(tree.get('新城区/青山镇/石桥村/第二村民小组')?.kind).toBe('group');
    expect(tree.get('新城区/大兴镇/财政所')?.kind).toBe('department');
    const unitHead = await demoUser(t.ctx.db, 'daxing_unit_head');
    expect(unitHead.orgId).toBe(tree.get('新城区/大兴镇/东风村')?.id);

    expect((await loginAs(t, 'daxing_org_officer', first.password!)).pending).toBe('password_change');

    const second = await demoCommand(t.ctx);
    expect(second.join('')).toContain('演示数据已经加载过');
    expect(
      await t.ctx.db.select().from(users).where(sql`${users.username} ~ '^(daxing|qingshan|xincheng)_'`),
    ).toHaveLength(28);
  }, 600_000);
});

describe('jiandu verify-audit', () => {
  it('reports a whole chain, then the first broken link of an edited row', async () => {
    const whole = await verifyAuditCommand(t.ctx.db, { dataDir: t.ctx.config.dataDir });
    expect(whole.ok).toBe(true);
    expect(whole.lines[0]).toMatch(/^审计日志完整：共 \d+ 条$/);

    const [victim] = await t.ctx.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'user.create'))
      .limit(1);
    await t.ctx.db.execute(sql`alter table audit_log disable trigger user`);
    await t.ctx.db.update(auditLog).set({ action: 'user.view' }).where(eq(auditLog.id, victim.id));
    await t.ctx.db.execute(sql`alter table audit_log enable trigger user`);
    const broken = await verifyAuditCommand(t.ctx.db, { dataDir: t.ctx.config.dataDir });
    expect(broken.ok).toBe(false);
    expect(broken.lines[0]).toContain(`审计日志在 ID ${victim.id} 处断裂`);
    expect(broken.lines[0]).toContain('可能被篡改');
  });
});

describe.runIf(embeddedSuite)('the real command line', () => {
  it('creates an administrator from a password on stdin, then verifies the audit log', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'jiandu-cli-'));
    const weak = await runCli(['create-admin', '--username', 'root', '--org', '新城区'], {
      dataDir,
      stdin: 'short\n',
    });
    expect(weak.code).toBe(1);
    expect(weak.stderr).toContain('密码不符合要求');
    expect(weak.stderr).not.toContain('    at ');

    const made = await runCli(
      ['create-admin', '--username', 'root', '--org', '新城区', '--display-name', '宋文博'],
      {
        dataDir,
        stdin: `${PW}\n`,
      },
    );
    expect(made.stderr).toBe('');
    expect(made.code).toBe(0);
    expect(made.stdout).toContain('已创建系统管理员账号「root」');

    const verified = await runCli(['verify-audit'], { dataDir });
    expect(verified.code).toBe(0);
    expect(verified.stdout.split('\n')[0]).toBe('审计日志完整：共 2 条');
  }, 120_000);

  it('migrate says how many migrations it applied, and that there was nothing to do the second time', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'jiandu-migrate-'));
    const journal = JSON.parse(readFileSync(path.resolve('migrations/meta/_journal.json'), 'utf8'));
    const first = await runCli(['migrate'], { dataDir });
    expect(first.stderr).toBe('');
    expect(first.stdout.trim()).toBe(
      `已执行 ${journal.entries.length} 个数据库迁移，数据库结构已是最新（共 ${journal.entries.length} 个迁移）。`,
    );
    const again = await runCli(['migrate'], { dataDir });
    expect(again.stdout.trim()).toBe(
      `数据库已是最新结构（共 ${journal.entries.length} 个迁移），未执行新的迁移。`,
    );

    // and the real create-admin refuses a typo of an existing org, then creates it when asked
    const made = await runCli(['create-admin', '--username', 'root', '--org', '新城区'], {
      dataDir,
      stdin: `${PW}\n`,
    });
    expect(made.code).toBe(0);
    const typo = await runCli(['create-admin', '--username', 'root9', '--org', '东城区'], {
      dataDir,
      stdin: `${PW}\n`,
    });
    expect(typo.code).toBe(1);
    expect(typo.stderr).toContain('组织「东城区」不存在。现有的顶级组织：新城区。');
    const asked = await runCli(['create-admin', '--username', 'root9', '--org', '东城区', '--create-org'], {
      dataDir,
      stdin: `${PW}\n`,
    });
    expect(asked.code).toBe(0);
    expect(asked.stdout).toContain('东城区（新建为区级组织）');
  }, 180_000);

  it('keeps the data folder to its owner: folders 700, files 600, under the usual umask 022', async () => {
    const dataDir = path.join(mkdtempSync(path.join(os.tmpdir(), 'jiandu-modes-')), 'data');
    const made = await runCli(['create-admin', '--username', 'root', '--org', '新城区'], {
      dataDir,
      stdin: `${PW}\n`,
      umask: '022',
    });
    expect(made.code).toBe(0);
    const open = modesUnder(dataDir).filter((e) => e.mode & 0o077);
    expect(open).toEqual([]);
    const all = modesUnder(dataDir);
    expect(all.find((e) => e.path === dataDir)?.mode).toBe(0o700);
    expect(all.find((e) => e.path.endsWith('field.key'))?.mode).toBe(0o600);
    expect(all.filter((e) => e.path.includes(`${path.sep}pgdata${path.sep}`)).length).toBeGreaterThan(100);
  }, 120_000);

  it('refuses to restore, or to start, without the field key of the data, and never makes a new one', async () => {
    const from = mkdtempSync(path.join(os.tmpdir(), 'jiandu-keysrc-'));
    expect(
      (
        await runCli(['create-admin', '--username', 'root', '--org', '新城区'], {
          dataDir: from,
          stdin: `${PW}\n`,
        })
      ).code,
    ).toBe(0);
    const file = path.join(from, 'b.jsonl.gz');
    expect((await runCli(['backup', '--out', file], { dataDir: from })).code).toBe(0);

    const to = mkdtempSync(path.join(os.tmpdir(), 'jiandu-keydst-'));
    const refused = await runCli(['restore', '--from', file], { dataDir: to });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('没有找到密钥');
    const forced = await runCli(['restore', '--from', file, '--ignore-key-mismatch'], { dataDir: to });
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain('服务将拒绝启动');
    const start = await runCli(['migrate'], { dataDir: to });
    expect(start.code).toBe(4);
    expect(start.stderr).toContain('字段加密密钥缺失，拒绝启动');
    expect(start.stderr).toContain('FIELD_KEY');
    expect(start.stderr).not.toContain('    at ');
    expect(existsSync(path.join(to, 'field.key'))).toBe(false);
    copyFileSync(path.join(from, 'field.key'), path.join(to, 'field.key'));
    expect((await runCli(['migrate'], { dataDir: to })).code).toBe(0);
  }, 180_000);

  it('backs up through the running server, and verify-audit then finds a removed tail', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'jiandu-live-'));
    const made = await runCli(['create-admin', '--username', 'root', '--org', '新城区'], {
      dataDir,
      stdin: `${PW}\n`,
      umask: '022',
    });
    expect(made.code).toBe(0);
    const server = await startServe(dataDir, 4600 + Math.floor(Math.random() * 300));
    const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'jiandu-out-')), 'live.jsonl.gz');
    let anchored = 0;
    try {
      expect(statSync(path.join(dataDir, 'control.json')).mode & 0o777).toBe(0o600);
      const r = await runCli(['backup', '--out', out], { dataDir });
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('已由运行中的服务');
      expect(r.stdout).toContain('校验通过');
      const manifest = JSON.parse(gunzipSync(readFileSync(out)).toString('utf8').split('\n')[0]);
      anchored = manifest.audit.lastId;
      expect(anchored).toBeGreaterThan(0);
      // the server's own copies and anchors are its account's alone
      const open = modesUnder(dataDir).filter((e) => e.mode & 0o077);
      expect(open).toEqual([]);
      expect(readdirSync(path.join(dataDir, 'backups')).some((f) => f.endsWith('-cli.jsonl.gz'))).toBe(true);
      expect(readdirSync(path.join(dataDir, 'anchors')).length).toBe(1);
    } finally {
      await stopServe(server);
    }
    expect(existsSync(path.join(dataDir, 'control.json'))).toBe(false);
    expect((await runCli(['verify-audit'], { dataDir })).code).toBe(0);

    // someone with the database files removes the newest audit records
    const database = await openDatabase({ dataDir });
    await database.db.execute(sql`alter table audit_log disable trigger user`);
    await database.db.execute(sql`delete from audit_log where id >= (select max(id) - 1 from audit_log)`);
    await database.db.execute(sql`alter table audit_log enable trigger user`);
    await database.close();
    const verified = await runCli(['verify-audit'], { dataDir });
    expect(verified.code).toBe(1);
    expect(verified.stdout).toMatch(/^审计日志完整/); // the chain alone does not show it
    expect(verified.stdout).toContain(`审计日志被截断：锚点记录 #${anchored} 已不存在`);
  }, 240_000);

  it('tells a second process to stop the server first when the data folder is held', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'jiandu-lock-'));
    const holder = await holdDataDir(dataDir);
    try {
      for (const args of [['verify-audit'], ['backup', '--out', path.join(dataDir, 'b.gz')], ['demo']]) {
        const r = await runCli(args, { dataDir });
        expect(r.code).toBe(3);
        expect(r.stderr).toContain(`PID ${holder.pid}`);
        expect(r.stderr).toContain('请先停止正在运行的服务');
      }
    } finally {
      holder.kill();
    }
  }, 120_000);
});
