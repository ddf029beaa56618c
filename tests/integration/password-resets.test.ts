import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../src/server/platform/users/schema.js';
import { adminWorld, auditRows } from '../support/admins.js';
import { call, GOOD_PASSWORD, loginAs, makeUser, signIn } from '../support/factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let w: Awaited<ReturnType<typeof adminWorld>>;
beforeAll(async () => {
  t = await createTestApp();
  w = await adminWorld(t);
});
afterAll(async () => t.close());

const login = (username: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
const reset = (who: keyof typeof w.sessions, id: number) =>
  call(t, w.sessions[who], 'POST', `/api/v1/users/${id}/reset-password`);
/** Signs in with a reset password, changes it (the inbox waits behind that step), and reads the inbox. */
const inbox = async (username: string, password: string) => {
  const s = await loginAs(t, username, password);
  await call(t, s, 'POST', '/api/v1/me/password', { current: password, next: 'Own#2026-pass' });
  return (await call(t, s, 'GET', '/api/v1/notifications')).json().items as { title: string; body: string }[];
};

describe('a reset one system administrator may do alone', () => {
  it('resets an account whose password opens nothing protected, and tells its owner who and when', async () => {
    const u = await makeUser(t.ctx, { orgId: w.townA.id, roles: ['cadre'] });
    t.clock.current = new Date('2026-03-02T01:05:00Z');
    const res = await reset('sys', u.id);
    expect(res.statusCode).toBe(200);
    expect(res.json().outcome).toBe('reset');
    const { password } = res.json();
    const s = await loginAs(t, u.username, password);
    expect(s.pending).toBe('password_change');
    const notice = `您的密码已于 2026年3月2日 09:05 由 ${w.users.sys.displayName} 重置`;
    // the sign-in that follows shows the notice (the password-change step reads it from /me)
    const me = (await call(t, s, 'GET', '/api/v1/me')).json();
    expect(me.passwordReset).toMatchObject({ by: w.users.sys.displayName, notice, current: true });
    await call(t, s, 'POST', '/api/v1/me/password', { current: password, next: 'Own#2026-pass' });
    const [note] = (await call(t, s, 'GET', '/api/v1/notifications')).json().items;
    expect(note).toMatchObject({ title: '您的密码已被管理员重置', link: '/profile' });
    expect(note.body).toContain(`${notice}。如非您本人申请，请立即联系安全保密管理员。`);
    const after = (await call(t, s, 'GET', '/api/v1/me')).json();
    expect(after.passwordReset).toMatchObject({ notice, current: false }); // still on the profile
    const [row] = await auditRows(t, 'user.reset_password', u.id);
    expect(row).toMatchObject({ userId: w.users.sys.id, result: 'success' });
  });

  it('never clears the second factor: the resetter of an enrolled officer still cannot sign in as him', async () => {
    const officer = await makeUser(t.ctx, { orgId: w.townA.id, roles: ['discipline_officer'] });
    await signIn(t, officer.username); // enrols TOTP
    const res = await reset('sys', officer.id);
    expect(res.json().outcome).toBe('reset');
    const [row] = await t.ctx.db.select().from(users).where(eq(users.id, officer.id));
    expect(row.totpEnabledAt).not.toBeNull();
    expect(row.totpSecret).not.toBeNull();
    const s = await loginAs(t, officer.username, res.json().password);
    expect(s.pending).toBe('totp');
    const petitions = await call(t, s, 'GET', '/api/v1/petitions');
    expect(petitions.statusCode).toBe(403);
    expect(petitions.json().error.code).toBe('pending_totp');
  });
});

describe('a reset that needs a second administrator', () => {
  it('an account that reads cases without a second factor: asked for by one, confirmed by another, who alone gets the password', async () => {
    const secretary = await makeUser(t.ctx, { orgId: w.townA.id, roles: ['party_secretary'] });
    const res = await reset('sys', secretary.id);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      outcome: 'requested',
      message: '该账号可查看案件内容且未启用两步验证，重置密码须由另一名管理员确认',
      request: { status: 'pending', reason: 'case_content', confirmable: false },
    });
    expect(res.json().password).toBeUndefined();
    expect(res.body).not.toMatch(/"password"/);
    // nothing changed yet: the old password still works, and nobody was told
    expect((await login(secretary.username, GOOD_PASSWORD)).statusCode).toBe(200);
    const again = await reset('sys', secretary.id);
    expect(again.statusCode).toBe(422);
    expect(again.json().error.message).toBe('该账号已有等待确认的密码重置申请');

    const id = res.json().request.id;
    const own = await call(t, w.sessions.sys, 'POST', `/api/v1/password-resets/${id}/confirm`);
    expect(own.statusCode).toBe(403);
    expect(own.json().error.message).toBe('重置申请须由另一名管理员确认，申请人不能自己确认');
    expect((await call(t, w.sessions.aud, 'POST', `/api/v1/password-resets/${id}/confirm`)).statusCode).toBe(
      403,
    );
    const list = (await call(t, w.sessions.sec, 'GET', '/api/v1/password-resets')).json();
    expect(list.find((r: { id: number }) => r.id === id)).toMatchObject({
      user: { id: secretary.id },
      requestedBy: w.users.sys.displayName,
      confirmable: true,
    });
    const confirmed = await call(t, w.sessions.sec, 'POST', `/api/v1/password-resets/${id}/confirm`);
    expect(confirmed.statusCode).toBe(200);
    const { password } = confirmed.json();
    expect((await login(secretary.username, GOOD_PASSWORD)).statusCode).toBe(401);
    const [note] = await inbox(secretary.username, password);
    expect(note.body).toContain(
      `由 ${w.users.sys.displayName}（申请）、${w.users.sec.displayName}（确认） 重置`,
    );
    const [row] = await auditRows(t, 'user.reset_password', secretary.id);
    expect(row).toMatchObject({ userId: w.users.sec.id });
    expect(row.detail).toMatchObject({ requestId: id, requestedBy: w.users.sys.id, reason: 'case_content' });
    expect((await auditRows(t, 'user.reset_password_request', secretary.id))[0].userId).toBe(w.users.sys.id);
    const twice = await call(t, w.sessions.sec, 'POST', `/api/v1/password-resets/${id}/confirm`);
    expect(twice.statusCode).toBe(422);
  });

  it('an administrator account: the system administrator never learns the audit administrator’s password', async () => {
    const res = await reset('sys', w.users.aud.id);
    expect(res.json()).toMatchObject({ outcome: 'requested', request: { reason: 'admin' } });
    expect(res.body).not.toMatch(/"password"/);
    const id = res.json().request.id;
    // the target may neither confirm nor refuse a reset of his own account
    const byTarget = await call(t, w.sessions.aud, 'POST', `/api/v1/password-resets/${id}/refuse`);
    expect(byTarget.statusCode).toBe(403);
    const confirmed = await call(t, w.sessions.sec, 'POST', `/api/v1/password-resets/${id}/confirm`);
    const s = await loginAs(t, w.users.aud.username, confirmed.json().password);
    expect(s.pending).toBe('totp'); // and the confirmer still lacks the second factor
    w.sessions.aud = await signInAgain(w.users.aud.username, confirmed.json().password);
  });

  it('another system administrator may confirm; a request can be refused or withdrawn, and the password stays', async () => {
    const head = await makeUser(t.ctx, { orgId: w.townA.id, roles: ['org_officer'] });
    const asked = (await reset('sys', head.id)).json().request;
    const byTown = await call(t, w.sessions.townSys, 'GET', '/api/v1/password-resets');
    expect(byTown.json().find((r: { id: number }) => r.id === asked.id)?.confirmable).toBe(true);
    const refused = await call(t, w.sessions.townSys, 'POST', `/api/v1/password-resets/${asked.id}/refuse`);
    expect(refused.json()).toEqual({ ok: true, status: 'refused' });
    expect((await login(head.username, GOOD_PASSWORD)).statusCode).toBe(200);
    t.clock.advance(60_000);
    const second = (await reset('sys', head.id)).json().request;
    const withdrawn = await call(t, w.sessions.sys, 'POST', `/api/v1/password-resets/${second.id}/refuse`);
    expect(withdrawn.json()).toEqual({ ok: true, status: 'withdrawn' });
    t.clock.advance(60_000);
    const third = (await reset('sys', head.id)).json().request;
    const confirmed = await call(
      t,
      w.sessions.townSys,
      'POST',
      `/api/v1/password-resets/${third.id}/confirm`,
    );
    expect(confirmed.statusCode).toBe(200);
    expect((await loginAs(t, head.username, confirmed.json().password)).pending).toBe('password_change');
    const decided = (await call(t, w.sessions.sys, 'GET', '/api/v1/password-resets?status=decided')).json();
    expect(
      decided.filter((r: { user: { id: number } }) => r.user.id === head.id).map((r: any) => r.status),
    ).toEqual(['confirmed', 'withdrawn', 'refused']);
  });
});

/** The audit administrator's session after his reset: the new password, his own second factor. */
async function signInAgain(username: string, password: string) {
  const { totpCode } = await import('../../src/server/platform/auth/totp.js');
  const [u] = await t.ctx.db.select().from(users).where(eq(users.username, username));
  const s = await loginAs(t, username, password);
  t.clock.advance(60_000);
  const code = totpCode(t.ctx.crypto.decrypt(u.totpSecret!), t.clock.now());
  await call(t, s, 'POST', '/api/v1/auth/totp', { code });
  await call(t, s, 'POST', '/api/v1/me/password', { current: password, next: 'Aud#2026-new' });
  return s;
}
