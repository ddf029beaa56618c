import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { newTotpSecret, totpCode } from '../../src/server/platform/auth/totp.js';
import { users } from '../../src/server/platform/users/schema.js';
import { makeOrg, makeUser } from '../support/factories.js';
import { type E2E, fillLogin, startE2E } from './support/server.js';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => e?.close());

const WARN = (left: number) => `用户名或密码错误，再错 ${left} 次将暂停此地址登录该账号 30 分钟`;

it('five wrong passwords pause this address for the account, and an unknown name reads exactly the same', async () => {
  const org = await makeOrg(e.ctx, '大兴镇');
  const user = await makeUser(e.ctx, { orgId: org.id, roles: ['org_officer'], username: 'zhangsan' });
  const { page } = await e.newPage();
  for (const name of [user.username, 'no_such_person']) {
    for (let i = 1; i <= 4; i++) {
      await fillLogin(page, e.baseUrl, name, `wrong-${i}`);
      await expect.poll(() => page.getByText(WARN(5 - i)).isVisible()).toBe(true);
    }
    await fillLogin(page, e.baseUrl, name, 'wrong-5');
    await expect.poll(() => page.getByText(/此地址已暂停登录该账号至/).isVisible()).toBe(true);
  }
  await fillLogin(page, e.baseUrl, user.username, 'Jd!2026-test');
  await expect.poll(() => page.getByText(/此地址已暂停登录该账号至/).isVisible()).toBe(true);
  expect(page.url()).toContain('/login');
});

it('the owner unlocks the address with the password and a code from the authenticator, and is signed in', async () => {
  const org = await makeOrg(e.ctx, '青山镇');
  const user = await makeUser(e.ctx, { orgId: org.id, roles: ['org_officer'], username: 'lisi' });
  const secret = newTotpSecret();
  await e.ctx.db
    .update(users)
    .set({ totpSecret: e.ctx.crypto.encrypt(secret), totpEnabledAt: new Date() })
    .where(eq(users.id, user.id));
  const { page } = await e.newPage();
  for (let i = 1; i <= 5; i++) await fillLogin(page, e.baseUrl, user.username, `wrong-${i}`);
  await expect.poll(() => page.getByText(/此地址已暂停登录该账号至/).isVisible()).toBe(true);

  await page.getByRole('button', { name: '已启用两步验证？用验证码解锁' }).click();
  await expect.poll(() => page.getByText(/验证通过即解除此地址的暂停并登录/).isVisible()).toBe(true);
  await page.getByPlaceholder('密码').fill('Jd!2026-test');
  await page.getByPlaceholder('6 位验证码').fill('000000');
  await page.getByRole('button', { name: '验证并解锁' }).click();
  await expect.poll(() => page.getByText(/^用户名、密码或验证码不正确/).isVisible()).toBe(true);

  await page.getByPlaceholder('6 位验证码').fill(totpCode(secret, new Date()));
  await page.getByRole('button', { name: '验证并解锁' }).click();
  await expect.poll(() => page.url(), { timeout: 15_000 }).not.toContain('/login');
});
