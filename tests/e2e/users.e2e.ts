import { inArray } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { roles } from '../../src/server/platform/users/schema.js';
import { makeOrg, makeUser } from '../support/factories.js';
import { type E2E, fillLogin, startE2E } from './support/server.js';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
  // The browser cannot read an authenticator app: these journeys are about users, not the second factor.
  await e.ctx.db
    .update(roles)
    .set({ mfaRequired: false })
    .where(inArray(roles.code, ['sys_admin', 'security_admin']));
});
afterAll(async () => e?.close());

it('an administrator creates a user, sees the initial password once, disables the account; the user must change it', async () => {
  const town = await makeOrg(e.ctx, '大兴镇');
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
  await other.context.close();

  // lisi forgot it: an account that opens nothing protected, the administrator resets it alone
  await row.getByRole('button', { name: '重置密码' }).click();
  await page.getByRole('button', { name: /确\s*定/ }).click();
  const reset = page.getByTestId('one-time-password');
  await reset.waitFor();
  const fresh = (await reset.textContent())!.trim();
  await page.getByRole('button', { name: /我已记下/ }).click();
  // ...and lisi is told at the next sign-in who reset it
  const told = await e.newPage();
  await fillLogin(told.page, e.baseUrl, 'lisi', fresh);
  const notice = told.page.getByTestId('password-reset-notice');
  await notice.waitFor();
  expect(await notice.textContent()).toMatch(new RegExp(`您的密码已于 .+ 由 ${admin.displayName} 重置`));
  await told.context.close();
});

it('a case reader’s reset waits for a second administrator, who alone sees the new password', async () => {
  const town = await makeOrg(e.ctx, '小营镇');
  const sys = await makeUser(e.ctx, { orgId: town.id, roles: ['sys_admin'], dataScope: 'all' });
  const sec = await makeUser(e.ctx, { orgId: town.id, roles: ['security_admin'], dataScope: 'all' });
  const secretary = await makeUser(e.ctx, {
    orgId: town.id,
    roles: ['party_secretary'],
    username: 'wangshuji',
  });

  // the system administrator asks: no password for him
  const a = await e.newPage();
  await fillLogin(a.page, e.baseUrl, sys.username, 'Jd!2026-test');
  await a.page.getByTestId('user-menu').waitFor();
  await a.page.goto(`${e.baseUrl}/users`);
  const row = a.page.getByRole('row', { name: /wangshuji/ });
  await row.getByRole('button', { name: '重置密码' }).click();
  await a.page.getByRole('button', { name: /确\s*定/ }).click();
  await a.page.locator('.ant-modal-confirm-title', { hasText: '已提交重置申请' }).waitFor();
  await a.page
    .getByText(/须由另一名管理员确认/)
    .first()
    .waitFor();
  expect(await a.page.getByTestId('one-time-password').count()).toBe(0);
  await a.page.getByRole('button', { name: /知道了/ }).click();
  await a.page.getByTestId('pending-requests').getByText('待他人确认').waitFor();
  await a.context.close();

  // the security administrator confirms it and is shown the password once
  const b = await e.newPage();
  await fillLogin(b.page, e.baseUrl, sec.username, 'Jd!2026-test');
  await b.page.getByTestId('user-menu').waitFor();
  await b.page.goto(`${e.baseUrl}/users`);
  const pending = b.page.getByTestId('pending-requests');
  await pending.getByRole('tab', { name: /待确认的密码重置/ }).click();
  await pending
    .getByRole('row', { name: /wangshuji/ })
    .getByRole('button', { name: '确认重置' })
    .click();
  await b.page.getByRole('button', { name: '确认重置' }).last().click();
  const shown = b.page.getByTestId('one-time-password');
  await shown.waitFor();
  const password = (await shown.textContent())!.trim();
  await b.page.getByRole('button', { name: /我已记下/ }).click();
  await expect.poll(() => pending.isVisible()).toBe(false);
  await b.context.close();

  const c = await e.newPage();
  await fillLogin(c.page, e.baseUrl, secretary.username, password);
  const notice = c.page.getByTestId('password-reset-notice');
  await notice.waitFor();
  expect(await notice.textContent()).toContain(
    `由 ${sys.displayName}（申请）、${sec.displayName}（确认） 重置`,
  );
});
