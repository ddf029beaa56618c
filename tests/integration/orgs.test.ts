import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../src/server/platform/audit/schema.js';
import { call, makeOrg, makeUser, signIn } from '../support/factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('org tree', () => {
  it('creates orgs under the right parents, refuses a wrong placement with a Chinese message, and detects stale edits', async () => {
    const district = await makeOrg(t.ctx, '新城区', null, 'district');
    const admin = await makeUser(t.ctx, { orgId: district.id, roles: ['sys_admin'], dataScope: 'all' });
    const s = await signIn(t, admin.username);
    const town = await call(t, s, 'POST', '/api/v1/orgs', {
      name: '大兴镇',
      kind: 'township',
      parentId: district.id,
    });
    expect(town.statusCode).toBe(200);
    expect(town.json().path).toBe(`${district.path}${town.json().id}/`);
    const bad = await call(t, s, 'POST', '/api/v1/orgs', {
      name: '一组',
      kind: 'group',
      parentId: town.json().id,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('下不能设立');
    const empty = await call(t, s, 'POST', '/api/v1/orgs', {
      name: '',
      kind: 'village',
      parentId: town.json().id,
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.fields.name).toBe('请输入组织名称');
    expect(empty.json().error.message).toBe('名称：请输入组织名称');
    const longParam = await call(t, s, 'GET', `/api/v1/orgs/${'9'.repeat(300)}`);
    expect(longParam.statusCode).toBe(400);
    const v1 = { name: '大兴镇人民政府', sort: 1, version: 1 };
    expect((await call(t, s, 'PUT', `/api/v1/orgs/${town.json().id}`, v1)).statusCode).toBe(200);
    const stale = await call(t, s, 'PUT', `/api/v1/orgs/${town.json().id}`, { ...v1, name: '旧名' });
    expect(stale.statusCode).toBe(409);
  });

  it("gives a township-A user 404 for township B's org and logs the attempt", async () => {
    const a = await makeOrg(t.ctx, '甲镇');
    const b = await makeOrg(t.ctx, '乙镇');
    const officer = await makeUser(t.ctx, { orgId: a.id, roles: ['org_officer'], dataScope: 'subtree' });
    const s = await signIn(t, officer.username);
    expect((await call(t, s, 'GET', `/api/v1/orgs/${a.id}`)).statusCode).toBe(200);
    const res = await call(t, s, 'GET', `/api/v1/orgs/${b.id}`);
    expect(res.statusCode).toBe(404);
    const denied = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.userId, officer.id), eq(auditLog.result, 'denied')));
    expect(denied.length).toBe(1);
    const list = await call(t, s, 'GET', '/api/v1/orgs?pageSize=100');
    expect(list.json().items.map((o: { name: string }) => o.name)).toEqual(['甲镇']);
  });
});
