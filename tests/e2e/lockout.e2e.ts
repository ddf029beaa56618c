import { afterAll, beforeAll, expect, it } from 'vitest';
import { makeOrg, makeUser } from '../support/factories.js';
import { type E2E, fillLogin, startE2E } from './support/server.js';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => e?.close());

it('five wrong passwords lock the account, and then even the right one is refused', async () => {
  const org = await makeOrg(e.ctx, '大兴镇');
  const user = await makeUser(e.ctx, { orgId: org.id, roles: ['org_officer'], username: 'zhangsan' });
  const { page } = await e.newPage();
  for (let i = 1; i <= 4; i++) {
    await fillLogin(page, e.baseUrl, user.username, `wrong-${i}`);
    await expect.poll(() => page.getByText(`再错 ${5 - i} 次账号将被锁定`).isVisible()).toBe(true);
  }
  await fillLogin(page, e.baseUrl, user.username, 'wrong-5');
  await expect.poll(() => page.getByText('账号已锁定').first().isVisible()).toBe(true);
  await fillLogin(page, e.baseUrl, user.username, 'Jd!2026-test');
  await expect.poll(() => page.getByText(/账号已锁定，请于/).isVisible()).toBe(true);
  expect(page.url()).toContain('/login');
});
