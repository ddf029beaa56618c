import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, makeOrg, makeUser, type Session, signIn } from '../support/factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * Bad input never gets a 500: every route of the table is sent random bodies, query strings and
 * path parameters by a signed-in administrator of each of the three kinds, and must answer below
 * 500 with a Chinese message whenever it refuses.
 */
let t: TestApp;
const users: { username: string }[] = [];
beforeAll(async () => {
  t = await createTestApp();
  const district = await makeOrg(t.ctx, '模糊区', null, 'district');
  for (const role of ['sys_admin', 'security_admin', 'audit_admin', 'org_officer']) {
    users.push(await makeUser(t.ctx, { orgId: district.id, roles: [role], dataScope: 'all' }));
  }
});
afterAll(async () => t.close());

const json = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.dictionary(
    fc.constantFrom(
      'name',
      'kind',
      'parentId',
      'username',
      'password',
      'code',
      'version',
      'value',
      'roles',
      'id',
      'page',
    ),
    fc.jsonValue({ maxDepth: 2 }),
  ),
);
const param = fc.oneof(
  fc.constantFrom('1', '0', '-1', '999999999999', 'abc', '%00', '2026-02-30', "'; drop table users;--", '１'),
  fc.string({ maxLength: 12 }),
);
const query = fc.dictionary(
  fc.constantFrom(
    'page',
    'pageSize',
    'sort',
    'order',
    'q',
    'from',
    'to',
    'year',
    'status',
    'orgId',
    'parentId',
    'kind',
  ),
  fc.oneof(
    fc.string({ maxLength: 10 }),
    fc.integer().map(String),
    fc.constantFrom('-1', '1e99', 'NaN', '2026-13-01'),
  ),
);
const hasChinese = (s: string) => /[\u4e00-\u9fff]/.test(s);

describe('bad input', () => {
  it('no route answers 500, and every refusal speaks Chinese', async () => {
    const routes = t.app.routeTable.filter(
      (r) =>
        r.url.startsWith('/api/v1/') && !r.url.includes('/auth/logout') && !r.url.startsWith('/api/v1/setup'),
    );
    const sessions = new Map<string, Session>();
    const sessionFor = async (username: string) => {
      const s = sessions.get(username) ?? (await signIn(t, username));
      sessions.set(username, s);
      return s;
    };
    for (const route of routes) {
      await fc.assert(
        fc.asyncProperty(fc.nat(users.length - 1), json, param, query, async (who, body, p, q) => {
          const s = await sessionFor(users[who].username);
          const url =
            route.url.replace(/:\w+/g, encodeURIComponent(p)) +
            `?${new URLSearchParams(q as Record<string, string>)}`;
          const res = await call(
            t,
            s,
            route.method,
            url,
            route.method === 'GET' || route.method === 'DELETE' ? undefined : body,
          );
          if (res.statusCode === 401) sessions.delete(users[who].username);
          expect(res.statusCode, `${route.method} ${url} ${JSON.stringify(body)} → ${res.body}`).toBeLessThan(
            500,
          );
          if (res.statusCode >= 400) expect(hasChinese(res.json().error.message), res.body).toBe(true);
        }),
        { numRuns: 12, seed: 20261129 },
      );
    }
  }, 240_000);
});
