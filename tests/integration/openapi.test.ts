import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

it('answers health without a session', async () => {
  const res = await t.app.inject({ method: 'GET', url: '/api/health' });
  expect(res.statusCode).toBe(200);
  // the database answers; no scheduler runs in a test app (see monitoring.test.ts)
  expect(res.json()).toMatchObject({ status: 'degraded', database: { ok: true } });
});

it('generates the OpenAPI document from the route schemas, covering every /api/v1 route', async () => {
  const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
  expect(res.statusCode).toBe(200);
  const doc = res.json();
  expect(doc.openapi).toMatch(/^3\./);
  const documented = new Set(
    Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([p, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${p.replace(/\{(\w+)\}/g, ':$1')}`),
    ),
  );
  const routes = t.app.routeTable
    .filter((r) => r.url.startsWith('/api/v1/'))
    .map((r) => `${r.method} ${r.url}`);
  expect(routes.filter((r) => !documented.has(r))).toEqual([]);
  const login = doc.paths['/api/v1/auth/login'].post;
  expect(login.requestBody.content['application/json'].schema.required).toEqual(['username', 'password']);
});

it('answers an unknown API path with a Chinese 404 body', async () => {
  const res = await t.app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
  expect(res.statusCode).toBe(404);
  expect(res.json().error.message).toBe('请求的地址不存在');
});
