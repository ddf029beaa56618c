import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { totpCode } from '../../src/server/platform/auth/totp.js';
import { orgs } from '../../src/server/platform/orgs/schema.js';
import { makeOrg, makeUser } from '../support/factories.js';
import { type E2E, fillLogin, startE2E } from './support/server.js';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => e?.close());

/** On the enrolment step: read the secret the page shows and answer with the current code. */
async function enrolTotp(page: Page) {
  await page.getByRole('button', { name: '生成两步验证密钥' }).click();
  const secret = (await page.getByTestId('totp-secret').textContent())?.trim() ?? '';
  await page.getByPlaceholder('输入验证器显示的 6 位验证码').fill(totpCode(secret, new Date()));
  await page.getByRole('button', { name: '完成绑定' }).click();
}

const menuTexts = async (page: Page) =>
  (await page.locator('.ant-layout-sider .ant-menu-title-content').allInnerTexts()).map((s) => s.trim());

it('an administrator creates an org and a user, the security administrator grants the role, the user changes the password, enrols TOTP and sees only their menu', async () => {
  const district = await makeOrg(e.ctx, '新城区', null, 'district');
  await makeUser(e.ctx, { orgId: district.id, roles: ['sys_admin'], username: 'sysadmin', dataScope: 'all' });
  await makeUser(e.ctx, {
    orgId: district.id,
    roles: ['security_admin'],
    username: 'secadmin',
    dataScope: 'all',
  });
  const { page, context } = await e.newPage();

  // the administrator's role requires a second factor: enrol it at first login
  await fillLogin(page, e.baseUrl, 'sysadmin', 'Jd!2026-test');
  await enrolTotp(page);
  await page.waitForURL(`${e.baseUrl}/`);
  await expect.poll(() => menuTexts(page)).toEqual(expect.arrayContaining(['组织机构', '用户管理']));

  // a township under the district
  await page.getByRole('menuitem', { name: '组织机构' }).click();
  await page.getByText('新城区 的下级组织').waitFor(); // one level at a time, the top of the tree first
  await page.locator('.ant-tree').getByText('新城区').click();
  await page.getByRole('button', { name: '新建组织' }).click();
  const orgDialog = page.getByRole('dialog');
  await orgDialog.getByLabel('名称').fill('大兴镇');
  // the prefix of the township's petition numbers, unique across the district
  await orgDialog.getByLabel('信访编号前缀').fill('dxz');
  await orgDialog.getByText('留空则按名称拼音首字母自动生成').waitFor();
  await orgDialog.getByRole('button', { name: /保\s*存/ }).click();
  await page.getByRole('cell', { name: '大兴镇' }).waitFor();
  await page
    .getByRole('row', { name: /大兴镇/ })
    .getByRole('cell', { name: '新城区' })
    .waitFor();
  const [daxing] = await e.ctx.db.select().from(orgs).where(eq(orgs.name, '大兴镇'));
  expect(daxing.petitionPrefix).toBe('DXZ');
  // never two orgs of one name under one parent: the form says so under the name
  await page.getByRole('button', { name: '新建组织' }).click();
  await orgDialog.getByLabel('名称').fill('大兴镇');
  await orgDialog.getByRole('button', { name: /保\s*存/ }).click();
  await orgDialog.getByText('同一上级下已有同名组织').waitFor();
  await orgDialog.getByRole('button', { name: /取\s*消/ }).click();
  await expect.poll(() => page.getByRole('cell', { name: '大兴镇', exact: true }).count()).toBe(1);

  // a discipline officer of that township
  await page.getByRole('menuitem', { name: '用户管理' }).click();
  await page.getByRole('button', { name: '新建用户' }).click();
  const userDialog = page.getByRole('dialog');
  await userDialog.getByLabel('用户名').fill('lijian');
  await userDialog.getByLabel('姓名').fill('李健');
  await userDialog.getByLabel('所属组织').click();
  await page.locator('.ant-select-tree').getByText('大兴镇', { exact: true }).click();
  await userDialog.getByLabel('提请授权的角色').click();
  await page.locator('.ant-select-item-option').getByText('纪检委员', { exact: true }).click();
  await userDialog.getByLabel('用户名').click(); // close the dropdown
  await userDialog.getByRole('button', { name: /保\s*存/ }).click();
  const initial = (await page.getByTestId('one-time-password').textContent())?.trim() ?? '';
  expect(initial.length).toBeGreaterThanOrEqual(12);
  await page.getByRole('button', { name: '我已记下，关闭' }).click();
  // the role waits for the security administrator's grant (三员分立): the creator cannot grant it
  const row = page.getByRole('row', { name: /lijian/ });
  await row.getByText('纪检委员（待授权）').waitFor();
  expect(await row.getByRole('button', { name: '分配角色' }).count()).toBe(0);
  await context.close();

  // the security administrator grants it
  const { page: sp, context: sc } = await e.newPage();
  await fillLogin(sp, e.baseUrl, 'secadmin', 'Jd!2026-test');
  await enrolTotp(sp);
  await sp.waitForURL(`${e.baseUrl}/`);
  await sp.getByRole('menuitem', { name: '用户管理' }).click();
  const pending = sp.getByTestId('pending-requests');
  await pending.getByText('待授权角色').waitFor();
  const request = pending.getByRole('row', { name: /lijian/ });
  await request.getByText('密码由管理员设置').waitFor();
  await request.getByRole('button', { name: '授权' }).click();
  await sp
    .locator('.ant-popconfirm')
    .getByRole('button', { name: /授\s*权/ })
    .click();
  await expect.poll(() => pending.isVisible()).toBe(false);
  await sp
    .getByRole('row', { name: /lijian/ })
    .getByText('纪检委员', { exact: true })
    .waitFor();
  // never one's own role: the security administrator cannot edit the role he signs in with
  await sp.getByRole('menuitem', { name: '角色权限' }).click();
  const ownRole = sp.getByRole('row', { name: /security_admin/ }).getByRole('button', { name: '编辑权限' });
  await ownRole.waitFor();
  expect(await ownRole.isDisabled()).toBe(true);
  const other = sp.getByRole('row', { name: /discipline_officer/ }).getByRole('button', { name: '编辑权限' });
  expect(await other.isDisabled()).toBe(false);
  await sc.close();

  // the new user: forced password change, then TOTP enrolment, then only their role's menu
  const { page: p2 } = await e.newPage();
  await fillLogin(p2, e.baseUrl, 'lijian', initial);
  await p2.getByText('首次登录或密码已过期，请设置新密码').waitFor();
  await p2.getByLabel('当前密码').fill(initial);
  await p2.getByLabel('新密码', { exact: true }).fill('Lj#2026-secure');
  await p2.getByLabel('确认新密码').fill('Lj#2026-secure');
  await p2.getByRole('button', { name: '修改密码' }).click();
  await enrolTotp(p2);
  await p2.waitForURL(`${e.baseUrl}/`);
  await p2.getByText('您好，李健').waitFor();
  await expect.poll(() => menuTexts(p2)).toContain('工作台');
  const menu = await menuTexts(p2);
  expect(menu).not.toContain('组织机构');
  expect(menu).not.toContain('用户管理');
  expect(menu).not.toContain('审计日志');
  expect(menu).not.toContain('角色权限');
  // and the server refuses what the menu hides
  await p2.goto(`${e.baseUrl}/users`);
  await p2.getByText('页面不存在，或您没有访问权限').waitFor();
});
