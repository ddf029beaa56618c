import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/server/platform/audit/verify.js';
import { openContext } from '../../src/server/platform/bootstrap.js';
import { openDatabase } from '../../src/server/platform/db/client.js';
import { orgs } from '../../src/server/platform/orgs/schema.js';
import { rolePermissions, roles } from '../../src/server/platform/users/schema.js';
import { GOOD_PASSWORD, makeOrg, makeUser } from '../support/factories.js';
import { freshDatabase, testConfig } from '../support/test-app.js';

/**
 * Nothing lost: a server killed with SIGKILL in the middle of a stream of writes restarts on a
 * consistent database in which every write it acknowledged is present and the audit chain holds.
 */
const root = path.resolve(import.meta.dirname, '../..');
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) c.kill('SIGKILL');
});

/**
 * Starts `jiandu serve`. With `unreaped`, under a parent that never reaps its children (a shell
 * that became `sleep`): once killed, the server stays a zombie in the process table, as it does
 * for a moment under any supervisor, and its pid still answers a signal-0 probe.
 */
async function startServer(env: Record<string, string>, port: number, opts: { unreaped?: boolean } = {}) {
  const serverEnv = { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', SCHEDULER: '0' };
  const bin = path.join(root, 'bin/jiandu.mjs');
  const child = opts.unreaped
    ? spawn('sh', ['-c', '"$0" "$1" serve 2>&1 & echo "pid $!"; exec sleep 600', process.execPath, bin], {
        env: serverEnv,
        stdio: ['ignore', 'pipe', 'pipe'],
      })
    : spawn(process.execPath, [bin, 'serve'], { env: serverEnv, stdio: ['ignore', 'ignore', 'pipe'] });
  let output = '';
  let serverPid = opts.unreaped ? 0 : (child.pid ?? 0);
  const collect = (d: Buffer) => {
    output += d;
    const m = /^pid (\d+)$/m.exec(output);
    if (m && !serverPid) serverPid = Number(m[1]);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  children.push(child);
  for (let i = 0; i < 480 && !exited; i++) {
    if (
      await fetch(`http://127.0.0.1:${port}/api/health`)
        .then((r) => r.ok)
        .catch(() => false)
    )
      return { child, pid: serverPid };
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server did not start: ${output.slice(-2000)}`);
}

async function signInOver(base: string, username: string) {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: GOOD_PASSWORD }),
  });
  const body = (await res.json()) as { csrfToken: string };
  return { cookie: String(res.headers.get('set-cookie')).split(';')[0], csrf: body.csrfToken };
}

describe('kill -9 mid-write', () => {
  it('keeps every acknowledged write and a whole audit chain', async () => {
    const fresh = await freshDatabase();
    const config = testConfig({ databaseUrl: fresh.databaseUrl });
    const env: Record<string, string> = {
      DATA_DIR: config.dataDir,
      FIELD_KEY: config.fieldKey!,
      ...(fresh.databaseUrl ? { DATABASE_URL: fresh.databaseUrl } : {}),
    };
    const open = async () => {
      const database = await openDatabase({
        databaseUrl: fresh.databaseUrl,
        dataDir: fresh.databaseUrl ? undefined : config.dataDir,
      });
      return { ctx: await openContext({ config, database }), database };
    };
    let { ctx, database } = await open();
    const district = await makeOrg(ctx, '崩溃区', null, 'district');
    const admin = await makeUser(ctx, { orgId: district.id, roles: ['org_officer'], dataScope: 'all' });
    // a writer without the second factor, to keep the HTTP client simple: org officers may manage orgs here
    const [officer] = await ctx.db.select().from(roles).where(eq(roles.code, 'org_officer'));
    await ctx.db.insert(rolePermissions).values({ roleId: officer.id, permission: 'org.manage' });
    await database.close();

    const port = 4100 + Math.floor(Math.random() * 500);
    const base = `http://127.0.0.1:${port}`;
    const server = await startServer(env, port, { unreaped: true });
    const s = await signInOver(base, admin.username);
    const acknowledged: number[] = [];
    let n = 0;
    const writer = async () => {
      for (;;) {
        const i = n++;
        const res = await fetch(`${base}/api/v1/orgs`, {
          method: 'POST',
          headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/json' },
          body: JSON.stringify({ name: `镇${i}`, kind: 'township', parentId: district.id }),
        }).catch(() => null);
        if (!res) return;
        if (res.ok) acknowledged.push(((await res.json()) as { id: number }).id);
      }
    };
    const writers = Array.from({ length: 4 }, writer);
    await new Promise((r) => setTimeout(r, 2500));
    process.kill(server.pid, 'SIGKILL');
    // Restart at once: the killed server is still in the process table (a zombie nobody reaps);
    // its lock must not keep the new one out.
    const again = await startServer(env, port + 1);
    await Promise.all(writers);
    expect(acknowledged.length).toBeGreaterThan(5);
    const stopped = new Promise((r) => again.child.once('exit', r));
    again.child.kill('SIGTERM');
    await stopped;

    ({ ctx, database } = await open());
    const found = await ctx.db.select({ id: orgs.id }).from(orgs).where(inArray(orgs.id, acknowledged));
    expect(found.length).toBe(acknowledged.length);
    const chain = await verifyAuditChain(ctx.db);
    expect(chain.firstBreak).toBeNull();
    await database.close();
    server.child.kill('SIGKILL');
    await fresh.drop();
  }, 240_000);
});
