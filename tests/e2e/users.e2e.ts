import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { roles } from '../../src/server/platform/users/schema.js';
import { makeOrg, makeUser } from '../support/factories.js';
import { type E2E, fillLogin, startE2E } from './support/server.js';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => e?.close());

it('an administrator creates a user, sees the initial password once, disables the account; the user must change it', async () => {
  const town = await makeOrg(e.ctx, '大兴镇');
  // The browser cannot read an authenticator app: this journey is about users, not the second factor.
  await e.ctx.db.update(roles).set({ mfaRequired: false }).where(eq(roles.code, 'sys_admin'));
  const admin = await makeUser(e.ctx, { orgId: town.id, roles: ['sys_admin'], dataScope: 'all' });
  const { page } = await e.newPage();
  await fillLogin(page, e.baseUrl, admin.username, 'Jd!2026-test');
  await page.getByTestId('user-menu').waitFor();
  await page.goto(`${e.baseUrl}/users`);
  await page.getByRole('button', { name: /新建用户/ }).click();
  await page.getByLabel('用户名').fill('lisi');
  await page.getByLabel('姓名').fill('李四');
  await page.getByLabel('所属组织').click();
  await page.getByTitle('大兴镇').last().click();
  await page.getByLabel('手机号码').fill('13912345678');
  await page.getByRole('button', { name: /保\s*存/ }).click();
  const shown = page.getByTestId('one-time-password');
  await shown.waitFor();
  const password = (await shown.textContent())!.trim();
  expect(password.length).toBeGreaterThanOrEqual(12);
  await expect.poll(() => page.getByText('此密码只显示这一次').isVisible()).toBe(true);
  await page.getByRole('button', { name: /我已记下/ }).click();

  const row = page.getByRole('row', { name: /lisi/ });
  await expect.poll(() => row.getByText('139****5678').isVisible()).toBe(true);
  await row.getByRole('button', { name: /停\s*用/ }).click();
  await page.getByRole('button', { name: /确\s*定/ }).click();
  await expect.poll(() => row.getByText('停用', { exact: true }).first().isVisible()).toBe(true);
  await row.getByRole('button', { name: /启\s*用/ }).click();
  await page.getByRole('button', { name: /确\s*定/ }).click();
  await expect.poll(() => row.getByText('正常', { exact: true }).isVisible()).toBe(true);

  const other = await e.newPage();
  await fillLogin(other.page, e.baseUrl, 'lisi', password);
  await expect.poll(() => other.page.getByText('修改密码').first().isVisible()).toBe(true);
});
