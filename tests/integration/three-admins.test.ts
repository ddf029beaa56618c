import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILTIN_ROLES } from '../../src/domain/permissions.js';
import { adminWorld } from '../support/admins.js';
import { call } from '../support/factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let w: Awaited<ReturnType<typeof adminWorld>>;
beforeAll(async () => {
  t = await createTestApp();
  w = await adminWorld(t);
});
afterAll(async () => t.close());

const concrete = (url: string) => url.replace(/:\w+/g, '1');
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Non-GET routes that only read, which the audit administrator may call (none yet). */
const READS_BY_POST = new Set<string>([]);
/** Where routes open to any signed-in account may live: the caller's own session, profile and inbox. */
const OWN_BUSINESS = /^\/api\/v1\/(auth|me|notifications)\//;

describe('三员分立 over the whole route table', () => {
  it('the audit administrator changes nothing: every state-changing route answers 403', async () => {
    const auditPerms = new Set(BUILTIN_ROLES.find((r) => r.code === 'audit_admin')!.permissions);
    // Self-service routes (sign in and out, own password and second factor) are every account's own business.
    const changing = t.app.routeTable.filter(
      (r) =>
        r.url.startsWith('/api/') &&
        !SAFE.has(r.method) &&
        r.access !== 'public' &&
        r.access !== 'authenticated',
    );
    expect(changing.length).toBeGreaterThan(10);
    const selfService = t.app.routeTable.filter(
      (r) => r.url.startsWith('/api/') && !SAFE.has(r.method) && r.access === 'authenticated',
    );
    for (const r of selfService) expect(r.url, `${r.method} ${r.url}`).toMatch(OWN_BUSINESS);
    const refused: string[] = [];
    for (const r of changing) {
      const label = `${r.method} ${r.url} (${r.access})`;
      if (r.access && auditPerms.has(r.access as never)) {
        // A POST the audit administrator may call must be a read (an export), listed here after review.
        expect(READS_BY_POST.has(`${r.method} ${r.url}`), label).toBe(true);
        continue;
      }
      const res = await call(t, w.sessions.aud, r.method, concrete(r.url), {});
      expect(res.statusCode, label).toBe(403);
      expect(res.json().error.message, label).toBe('没有权限执行此操作');
      refused.push(label);
    }
    expect(refused).toEqual(expect.arrayContaining(['POST /api/v1/users (user.manage)']));
    expect((await call(t, w.sessions.aud, 'GET', '/api/v1/me')).statusCode).toBe(200);
  });

  it('the system and security administrators cannot read the audit log', async (ctx) => {
    const exists = t.app.routeTable.some((r) => r.method === 'GET' && r.url === '/api/v1/audit');
    if (!exists) ctx.skip('GET /api/v1/audit is not registered yet');
    for (const s of [w.sessions.sys, w.sessions.sec]) {
      expect((await call(t, s, 'GET', '/api/v1/audit')).statusCode).toBe(403);
    }
    expect((await call(t, w.sessions.aud, 'GET', '/api/v1/audit')).statusCode).toBe(200);
  });

  it('none of the three holds both user.manage and role.manage, or any audit permission outside the auditor', () => {
    for (const r of BUILTIN_ROLES.filter((x) => x.adminClass)) {
      expect(r.permissions.includes('user.manage') && r.permissions.includes('role.manage'), r.code).toBe(
        false,
      );
      if (r.adminClass !== 'audit')
        expect(
          r.permissions.filter((p) => p.startsWith('audit.')),
          r.code,
        ).toEqual([]);
    }
  });
});
