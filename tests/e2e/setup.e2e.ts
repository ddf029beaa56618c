import { afterAll, beforeAll, it } from 'vitest';
import { type E2E, startE2E } from './support/server.js';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => e.close());

it('sends an empty system from the login page to first-run setup, then to login with the new administrator', async () => {
  const { page } = await e.newPage();
  await page.goto(`${e.baseUrl}/login`);
  await page.waitForURL('**/setup');
  await page.getByLabel('区（县）名称').fill('新城区');
  await page.getByLabel('管理员用户名').fill('founder');
  await page.getByLabel('姓名').fill('宋文博');
  await page.getByLabel('密码', { exact: true }).fill('Xc!2026-setup');
  await page.getByLabel('确认密码').fill('Xc!2026-other');
  await page.getByRole('button', { name: '完成初始化' }).click();
  await page.getByText('两次输入的密码不一致').waitFor();
  await page.getByLabel('确认密码').fill('Xc!2026-setup');
  await page.getByRole('button', { name: '完成初始化' }).click();
  await page.getByText('初始化完成').waitFor();
  await page.getByRole('button', { name: '前往登录' }).click();
  await page.waitForURL('**/login');
  await page.getByPlaceholder('用户名').fill('founder');
  await page.getByPlaceholder('密码').fill('Xc!2026-setup');
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByText('您的角色要求启用两步验证').waitFor();

  await page.goto(`${e.baseUrl}/setup`);
  await page.getByText('系统已完成初始化').waitFor();
});
