import { afterAll, beforeAll, expect, it } from 'vitest';
import { auditLog } from '../../src/server/platform/audit/schema.js';
import { COUNT_CAP } from '../../src/server/platform/http/capped-count.js';
import { call, makeOrg, makeUser, signIn } from '../support/factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

it('stops counting a broad audit filter at the cap and says the total is a lower bound', async () => {
  const district = await makeOrg(t.ctx, '计数区', null, 'district');
  const auditor = await makeUser(t.ctx, { orgId: district.id, roles: ['audit_admin'], dataScope: 'all' });
  const s = await signIn(t, auditor.username);
  const at = new Date('2026-02-01T02:00:00Z');
  const rows = Array.from({ length: COUNT_CAP + 50 }, (_, i) => ({
    at,
    action: 'bulk.test',
    result: 'success',
    objectId: String(i),
    prevHash: '0',
    hash: '0',
  }));
  for (let i = 0; i < rows.length; i += 2000) await t.ctx.db.insert(auditLog).values(rows.slice(i, i + 2000));

  const broad = (await call(t, s, 'GET', '/api/v1/audit?action=bulk.test&pageSize=20')).json();
  expect(broad.total).toBe(COUNT_CAP);
  expect(broad.totalCapped).toBe(true);
  expect(broad.items).toHaveLength(20);
  const narrow = (await call(t, s, 'GET', '/api/v1/audit?action=auth.login')).json();
  expect(narrow.totalCapped).toBe(false);
  expect(narrow.total).toBeGreaterThan(0);
});
