import { eq } from 'drizzle-orm';
import { hashPassword } from '../../src/server/platform/auth/passwords.js';
import { totpCode } from '../../src/server/platform/auth/totp.js';
import type { AppContext } from '../../src/server/platform/context.js';
import { orgs } from '../../src/server/platform/orgs/schema.js';
import { roles, userRoles, users } from '../../src/server/platform/users/schema.js';
import type { TestApp } from './test-app.js';

export const GOOD_PASSWORD = 'Jd!2026-test';

/** Inserts an org directly (factories skip the use cases, the tests of which go through the API). */
export async function makeOrg(
  ctx: AppContext,
  name: string,
  parentId: number | null = null,
  kind = 'township',
) {
  const parent = parentId ? (await ctx.db.select().from(orgs).where(eq(orgs.id, parentId)))[0] : null;
  const [org] = await ctx.db.insert(orgs).values({ name, kind, parentId }).returning();
  const orgPath = `${parent?.path ?? '/'}${org.id}/`;
  await ctx.db.update(orgs).set({ path: orgPath }).where(eq(orgs.id, org.id));
  return { ...org, path: orgPath };
}

let seq = 0;
/** A user who has already changed their initial password (unless mustChange) and holds the given roles. */
export async function makeUser(
  ctx: AppContext,
  opts: {
    orgId: number;
    roles: string[];
    username?: string;
    password?: string;
    mustChange?: boolean;
    dataScope?: string;
    cadreId?: number;
    displayName?: string;
  },
) {
  const username = opts.username ?? `user${++seq}_${Date.now() % 100000}`;
  const [user] = await ctx.db
    .insert(users)
    .values({
      username,
      displayName: opts.displayName ?? `测试用户${seq}`,
      orgId: opts.orgId,
      dataScope: opts.dataScope ?? 'subtree',
      cadreId: opts.cadreId ?? null,
      passwordHash: await hashPassword(opts.password ?? GOOD_PASSWORD),
      passwordChangedAt: ctx.clock.now(),
      mustChangePassword: opts.mustChange ?? false,
    })
    .returning();
  for (const code of opts.roles) {
    const [role] = await ctx.db.select().from(roles).where(eq(roles.code, code));
    if (!role) throw new Error(`no role ${code}`);
    await ctx.db.insert(userRoles).values({ userId: user.id, roleId: role.id });
  }
  return user;
}

export interface Session {
  cookie: string;
  csrf: string;
  pending: string | null;
}

export async function loginAs(t: TestApp, username: string, password = GOOD_PASSWORD): Promise<Session> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password },
  });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = String(res.headers['set-cookie']).split(';')[0];
  return { cookie, csrf: res.json().csrfToken, pending: res.json().pending };
}

/** Logs in and completes TOTP enrolment where the role requires it, so the session is fully signed in. */
export async function signIn(t: TestApp, username: string, password = GOOD_PASSWORD): Promise<Session> {
  const s = await loginAs(t, username, password);
  if (s.pending === 'totp_enrol') {
    const setup = await call(t, s, 'POST', '/api/v1/me/totp/setup');
    const code = totpCode(setup.json().secret, t.clock.now());
    const done = await call(t, s, 'POST', '/api/v1/me/totp/enable', { code });
    s.pending = done.json().pending;
  }
  return s;
}

export function call(t: TestApp, s: Session | null, method: string, url: string, payload?: unknown) {
  return t.app.inject({
    method: method as any,
    url,
    payload: payload as any,
    headers: s ? { cookie: s.cookie, 'x-csrf-token': s.csrf } : {},
  });
}
