import { performance } from 'node:perf_hooks';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../src/server/platform/audit/schema.js';
import { newTotpSecret, totpCode } from '../../src/server/platform/auth/totp.js';
import { users } from '../../src/server/platform/users/schema.js';
import {
  call,
  GOOD_PASSWORD,
  loginAs,
  makeOrg,
  makeUser,
  type Session,
  signIn,
} from '../support/factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('login and sessions', () => {
  it('logs in, answers /me, and refuses a state change without the CSRF token', async () => {
    const org = await makeOrg(t.ctx, '大兴镇');
    const u = await makeUser(t.ctx, { orgId: org.id, roles: ['org_officer'] });
    const s = await signIn(t, u.username);
    const me = await call(t, s, 'GET', '/api/v1/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().roles).toEqual(['org_officer']);
    const noCsrf = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie: s.cookie },
    });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().error.code).toBe('csrf');
  });

  it('locks after five wrong passwords and unlocks after 30 minutes', async () => {
    const org = await makeOrg(t.ctx, '锁定镇');
    const u = await makeUser(t.ctx, { orgId: org.id, roles: ['org_officer'] });
    for (let i = 0; i < 4; i++) {
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: u.username, password: 'wrong' },
      });
      expect(r.statusCode).toBe(401);
    }
    const fifth = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: u.username, password: 'wrong' },
    });
    expect(fifth.statusCode).toBe(423);
    const right = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: u.username, password: GOOD_PASSWORD },
    });
    expect(right.statusCode).toBe(423);
    const locks = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'auth.lock'), eq(auditLog.objectId, String(u.id))));
    expect(locks.length).toBe(1);
    t.clock.advanceMinutes(31);
    const later = await loginAs(t, u.username);
    expect(later.cookie).toMatch(/^jd_sid=/);
  });
});

const loginFrom = (ip: string, username: string, password: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password },
    remoteAddress: ip,
  });
const unlockFrom = (ip: string, body: { username: string; password: string; code: string }) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/unlock', payload: body, remoteAddress: ip });
const sessionOf = (res: { headers: Record<string, unknown>; json(): any }): Session => ({
  cookie: String(res.headers['set-cookie']).split(';')[0],
  csrf: res.json().csrfToken,
  pending: res.json().pending,
});
const auditOf = (action: string, username: string) =>
  t.ctx.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.username, username)));

/** A user enrolled in TOTP, with the secret to compute codes from. */
async function withTotp(orgName: string) {
  const org = await makeOrg(t.ctx, orgName);
  const u = await makeUser(t.ctx, { orgId: org.id, roles: ['org_officer'] });
  const secret = newTotpSecret();
  await t.ctx.db
    .update(users)
    .set({ totpSecret: t.ctx.crypto.encrypt(secret), totpEnabledAt: t.clock.now() })
    .where(eq(users.id, u.id));
  return { user: u, secret };
}
/** A code the authenticator does not show now, nor one step either side. */
function wrongCode(secret: string) {
  const near = [-30_000, 0, 30_000].map((d) => totpCode(secret, new Date(t.clock.now().getTime() + d)));
  let c = 123456;
  while (near.includes(String(c).padStart(6, '0'))) c++;
  return String(c).padStart(6, '0');
}

describe('password step: no enumeration, no lockout as a weapon', () => {
  it('answers an unknown username exactly as a known one: status, message and lock, and takes as long', async () => {
    const org = await makeOrg(t.ctx, '枚举镇');
    const known = await makeUser(t.ctx, { orgId: org.id, roles: ['org_officer'] });
    const times = { known: [] as number[], unknown: [] as number[] };
    for (let i = 1; i <= 6; i++) {
      let t0 = performance.now();
      const a = await loginFrom('10.1.0.1', known.username, `wrong-${i}`);
      times.known.push(performance.now() - t0);
      t0 = performance.now();
      const b = await loginFrom('10.1.0.2', 'no_such_admin', `wrong-${i}`);
      times.unknown.push(performance.now() - t0);
      expect([b.statusCode, b.json()], `try ${i}`).toEqual([a.statusCode, a.json()]);
      if (i < 5) {
        expect(a.statusCode).toBe(401);
        expect(a.json().error.message).toBe(
          `用户名或密码错误，再错 ${5 - i} 次将暂停此地址登录该账号 30 分钟`,
        );
      } else {
        expect(a.statusCode).toBe(423);
        expect(a.json().error.message).toMatch(/^登录失败次数过多，此地址已暂停登录该账号至 \d\d:\d\d。/);
      }
    }
    // an unknown name is checked against a dummy hash: not answered measurably faster
    const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
    expect(median(times.unknown.slice(0, 4))).toBeGreaterThan(median(times.known.slice(0, 4)) * 0.4);
    // both locks are audited, the unknown one under the name typed
    expect(await auditOf('auth.lock', known.username)).toHaveLength(1);
    expect(await auditOf('auth.lock', 'no_such_admin')).toHaveLength(1);
  });

  it('locks only the address that failed: the right password from another address gets in; the locked one waits 30 minutes', async () => {
    const org = await makeOrg(t.ctx, '地址镇');
    const u = await makeUser(t.ctx, { orgId: org.id, roles: ['org_officer'] });
    for (let i = 0; i < 5; i++) await loginFrom('10.2.0.1', u.username, 'wrong');
    expect((await loginFrom('10.2.0.1', u.username, GOOD_PASSWORD)).statusCode).toBe(423);
    const elsewhere = await loginFrom('10.2.0.9', u.username, GOOD_PASSWORD);
    expect(elsewhere.statusCode).toBe(200);
    expect((await call(t, sessionOf(elsewhere), 'GET', '/api/v1/me')).statusCode).toBe(200);
    const [lock] = await auditOf('auth.lock', u.username);
    expect(lock.detail).toMatchObject({ minutes: 30, after: 5, address: '10.2.0.1' });
    // the administrators' list still shows the account as locked (at one address)
    const [row] = await t.ctx.db.select().from(users).where(eq(users.id, u.id));
    expect(row.lockedUntil?.getTime()).toBe(t.clock.now().getTime() + 30 * 60_000);
    t.clock.advanceMinutes(29);
    expect((await loginFrom('10.2.0.1', u.username, GOOD_PASSWORD)).statusCode).toBe(423);
    t.clock.advanceMinutes(2);
    expect((await loginFrom('10.2.0.1', u.username, GOOD_PASSWORD)).statusCode).toBe(200);
    const [after] = await t.ctx.db.select().from(users).where(eq(users.id, u.id));
    expect(after).toMatchObject({ lockedUntil: null, failedLogins: 0 });
  });

  it('slows new addresses down, growing, once an account fails often across addresses — never the address its owner uses', async () => {
    const org = await makeOrg(t.ctx, '分布镇');
    const u = await makeUser(t.ctx, { orgId: org.id, roles: ['org_officer'] });
    expect((await loginFrom('10.3.0.100', u.username, GOOD_PASSWORD)).statusCode).toBe(200);
    for (const name of [u.username, 'ghost_of_nobody']) {
      for (let i = 0; i < 10; i++)
        expect((await loginFrom(`10.3.1.${i}`, name, 'wrong')).statusCode, `${name} ${i}`).toBe(401);
    }
    const slowed = await loginFrom('10.3.2.1', u.username, GOOD_PASSWORD);
    expect(slowed.statusCode).toBe(429);
    expect(slowed.json().error.message).toBe('该账号近期登录失败较多，请 1 秒后再试');
    expect((await loginFrom('10.3.2.1', 'ghost_of_nobody', 'x')).json()).toEqual(slowed.json());
    t.clock.advance(1000);
    expect((await loginFrom('10.3.2.1', u.username, 'wrong')).statusCode).toBe(401);
    expect((await loginFrom('10.3.2.2', u.username, GOOD_PASSWORD)).json().error.message).toBe(
      '该账号近期登录失败较多，请 2 秒后再试',
    );
    // the owner's own address is not slowed down
    expect((await loginFrom('10.3.0.100', u.username, GOOD_PASSWORD)).statusCode).toBe(200);
    t.clock.advance(2000);
    expect((await loginFrom('10.3.2.2', u.username, GOOD_PASSWORD)).statusCode).toBe(200);
    expect(
      (await auditOf('auth.login', u.username)).some((a) => (a.detail as any).reason === 'slowed_down'),
    ).toBe(true);
  });

  it('an administrator’s unlock lifts the lock at every address', async () => {
    const org = await makeOrg(t.ctx, '解锁镇');
    const u = await makeUser(t.ctx, { orgId: org.id, roles: ['org_officer'] });
    const admin = await signIn(
      t,
      (await makeUser(t.ctx, { orgId: org.id, roles: ['sys_admin'], dataScope: 'all' })).username,
    );
    for (const ip of ['10.4.0.1', '10.4.0.2'])
      for (let i = 0; i < 5; i++) await loginFrom(ip, u.username, 'wrong');
    expect((await loginFrom('10.4.0.1', u.username, GOOD_PASSWORD)).statusCode).toBe(423);
    const res = await call(t, admin, 'POST', `/api/v1/users/${u.id}/unlock`);
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('active');
    const [rec] = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'auth.unlock'), eq(auditLog.objectId, String(u.id))));
    expect(rec.detail).toMatchObject({ wasLocked: true, addresses: 2 });
    for (const ip of ['10.4.0.1', '10.4.0.2'])
      expect((await loginFrom(ip, u.username, GOOD_PASSWORD)).statusCode, ip).toBe(200);
  });
});

describe('the owner’s second factor unlocks their address', () => {
  it('password and a TOTP code lift the lock and sign in; any wrong part, an unknown name or no TOTP get one answer', async () => {
    const { user, secret } = await withTotp('动态码镇');
    const plain = await makeUser(t.ctx, { orgId: user.orgId, roles: ['org_officer'] });
    for (const name of [user.username, 'ghost_unlock', plain.username])
      for (let i = 0; i < 5; i++) await loginFrom('10.5.0.1', name, 'wrong');
    const code = () => totpCode(secret, t.clock.now());
    const notYet = await unlockFrom('10.5.0.9', {
      username: user.username,
      password: GOOD_PASSWORD,
      code: code(),
    });
    expect(notYet.statusCode).toBe(409);
    const answers = [
      await unlockFrom('10.5.0.1', {
        username: user.username,
        password: GOOD_PASSWORD,
        code: wrongCode(secret),
      }),
      await unlockFrom('10.5.0.1', { username: user.username, password: 'wrong', code: code() }),
      await unlockFrom('10.5.0.1', { username: 'ghost_unlock', password: GOOD_PASSWORD, code: code() }),
      await unlockFrom('10.5.0.1', { username: plain.username, password: GOOD_PASSWORD, code: code() }),
    ];
    for (const a of answers) {
      expect(a.statusCode).toBe(401);
      expect(a.json()).toEqual(answers[0].json());
    }
    expect(answers[0].json().error.message).toMatch(/^用户名、密码或验证码不正确/);
    const ok = await unlockFrom('10.5.0.1', {
      username: user.username,
      password: GOOD_PASSWORD,
      code: code(),
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().pending).toBeNull();
    expect((await call(t, sessionOf(ok), 'GET', '/api/v1/me')).statusCode).toBe(200);
    const [rec] = (await auditOf('auth.unlock', user.username)).filter((a) => a.result === 'success');
    expect(rec.detail).toMatchObject({ via: 'totp', address: '10.5.0.1' });
    // the address is open again for a normal sign-in (password, then the next code)
    expect((await loginFrom('10.5.0.1', user.username, GOOD_PASSWORD)).json().pending).toBe('totp');
  });

  it('allows five unlock attempts per locked address, then only time or an administrator', async () => {
    const { user, secret } = await withTotp('尝试镇');
    for (let i = 0; i < 5; i++) await loginFrom('10.6.0.1', user.username, 'wrong');
    for (let i = 0; i < 5; i++) {
      const r = await unlockFrom('10.6.0.1', { username: user.username, password: 'wrong', code: '000000' });
      expect(r.statusCode).toBe(401);
    }
    const sixth = await unlockFrom('10.6.0.1', {
      username: user.username,
      password: GOOD_PASSWORD,
      code: totpCode(secret, t.clock.now()),
    });
    expect(sixth.statusCode).toBe(429);
    expect(sixth.json().error.message).toBe('解锁尝试次数过多，请等待锁定结束，或联系系统管理员解锁');
  });
});

describe('the TOTP step is limited', () => {
  it('ends the half-signed-in session after five wrong codes, audited; the right code after that gets nowhere', async () => {
    const { user, secret } = await withTotp('验证码镇');
    const s = await loginAs(t, user.username);
    expect(s.pending).toBe('totp');
    for (let i = 1; i <= 4; i++) {
      const r = await call(t, s, 'POST', '/api/v1/auth/totp', { code: wrongCode(secret) });
      expect(r.statusCode).toBe(400);
      expect(r.json().error.message).toBe(`验证码不正确或已过期，本次登录还可尝试 ${5 - i} 次`);
    }
    const fifth = await call(t, s, 'POST', '/api/v1/auth/totp', { code: wrongCode(secret) });
    expect(fifth.statusCode).toBe(401);
    expect(fifth.json().error).toMatchObject({
      code: 'totp_locked',
      message: '两步验证码错误次数过多，本次登录已结束，请重新登录',
    });
    const right = await call(t, s, 'POST', '/api/v1/auth/totp', { code: totpCode(secret, t.clock.now()) });
    expect(right.statusCode).toBe(401);
    expect((await call(t, s, 'GET', '/api/v1/me')).statusCode).toBe(401);
    const [lockout] = await auditOf('auth.totp_lockout', user.username);
    expect(lockout.detail).toMatchObject({ scope: 'session', attempts: 5 });
  });

  it('pauses the account’s second factor after ten wrong codes across sessions, for 30 minutes', async () => {
    const { user, secret } = await withTotp('暂停镇');
    for (let round = 0; round < 2; round++) {
      const s = await loginAs(t, user.username);
      for (let i = 0; i < 5; i++) await call(t, s, 'POST', '/api/v1/auth/totp', { code: wrongCode(secret) });
    }
    const [paused] = (await auditOf('auth.totp_lockout', user.username)).filter(
      (a) => (a.detail as any).scope === 'account',
    );
    expect(paused.detail).toMatchObject({ accountFailures: 10 });
    const again = await loginAs(t, user.username);
    const refused = await call(t, again, 'POST', '/api/v1/auth/totp', {
      code: totpCode(secret, t.clock.now()),
    });
    expect(refused.statusCode).toBe(401);
    expect(refused.json().error.message).toMatch(/该账号的两步验证已暂停至 \d\d:\d\d/);
    t.clock.advanceMinutes(31);
    const later = await loginAs(t, user.username);
    const ok = await call(t, later, 'POST', '/api/v1/auth/totp', { code: totpCode(secret, t.clock.now()) });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().pending).toBeNull();
  });

  it('reads its numbers from the rules, with seeded defaults', async () => {
    const value = (k: string) => t.ctx.rules.value(k);
    expect(await value('security.totp.session_attempts')).toBe(5);
    expect(await value('security.totp.account_failures')).toBe(10);
    expect(await value('security.login.slowdown_after')).toBe(10);
    expect(await value('security.login.slowdown_max_seconds')).toBe(300);
    expect(await value('security.lockout.threshold')).toBe(5);
    expect(await value('security.lockout.minutes')).toBe(30);
  });
});
