import { afterAll, beforeAll, expect, it } from 'vitest';
import { insertCadres } from '../../src/server/modules/cadres/write-cadre.js';
import { idNumberFor } from '../support/cadre-helpers.js';
import { makeOrg, makeUser } from '../support/factories.js';
import { type E2E, fillLogin, startE2E } from './support/server.js';

/** antd puts a space between the two characters of a two-character button label. */
const label = (text: string) => new RegExp(`(^|\\s)${[...text].join('\\s*')}$`);

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => e?.close());

it('the organization officer registers a cadre, reveals the ID number for a reason, records a post and finds the cadre by pinyin initials', async () => {
  const town = await makeOrg(e.ctx, '大兴镇');
  await makeUser(e.ctx, { orgId: town.id, roles: ['org_officer'], username: 'zuzhi2', dataScope: 'subtree' });
  const id = idNumberFor('1985-06-15', 123);
  const { page, context } = await e.newPage();
  await fillLogin(page, e.baseUrl, 'zuzhi2', 'Jd!2026-test');
  await page.waitForURL(`${e.baseUrl}/`);

  await page.getByRole('menuitem', { name: '干部名册' }).click();
  await page.getByText('名册中还没有干部').waitFor();
  await page.getByRole('button', { name: '新增干部' }).click();
  const drawer = page.getByRole('dialog');
  await drawer.getByLabel('姓名', { exact: true }).fill('张三');
  await drawer.getByLabel('身份证号码').fill(id);
  // a birth date the ID number contradicts is refused under its field, naming both dates
  await drawer.getByLabel('出生日期').fill('1985-06-16');
  await drawer.getByLabel('出生日期').press('Enter');
  await drawer.getByRole('button', { name: label('保存') }).click();
  await drawer.getByText('出生日期 1985-06-16 与身份证号码中的 1985-06-15 不一致').waitFor();
  await drawer.getByLabel('出生日期').fill('1985-06-15');
  await drawer.getByLabel('出生日期').press('Enter');
  await expect.poll(() => drawer.getByText(/与身份证号码中的 .* 不一致/).count()).toBe(0);
  await drawer.getByRole('button', { name: label('保存') }).click();
  await page.waitForURL(/\/cadres\/\d+$/);

  // masked on the page; the full number only for a stated reason
  await expect.poll(() => page.getByTestId('id-masked').textContent()).toBe(`110101********${id.slice(-4)}`);
  await expect.poll(() => page.getByText(id).count()).toBe(0);
  await page.getByRole('button', { name: '查看完整身份证号' }).click();
  await page.getByLabel('查看事由').fill('核对档案');
  await page.getByRole('button', { name: label('查看') }).click();
  await page.getByText(id).waitFor();
  await page.getByRole('button', { name: '关闭', exact: true }).click();

  // take up a post written out, then leave it (confirmed)
  await page.getByRole('tab', { name: '任职经历' }).click();
  await page.getByRole('button', { name: label('任职') }).click();
  await page.getByText('直接填写').click();
  await page.getByLabel('职务名称').fill('党政办主任');
  await page.getByLabel('职务层次').click();
  await page.getByTitle('中层正职').click();
  await page.getByLabel('任职日期').fill('2025-04-10');
  await page.getByLabel('任职日期').press('Enter');
  await page
    .getByRole('dialog')
    .getByRole('button', { name: label('保存') })
    .click();
  await page.getByRole('cell', { name: '党政办主任', exact: true }).waitFor();
  await page.getByText('在任', { exact: true }).waitFor();
  await page.getByRole('cell', { name: /现任职务.*党政办主任/ }).waitFor();
  await page.getByRole('button', { name: label('离任') }).click();
  await page.getByLabel('离任日期').fill('2026-01-31');
  await page.getByLabel('离任日期').press('Enter');
  await page.getByLabel('离任原因').click();
  await page.getByTitle('调任').click();
  await page.getByRole('button', { name: '办理离任' }).click();
  await page
    .getByRole('tooltip')
    .getByRole('button', { name: label('确定') })
    .click();
  await page.getByRole('cell', { name: '2026-01-31' }).waitFor();
  await page.getByRole('cell', { name: '调任' }).waitFor();

  // the roster finds the cadre by pinyin initials, with the ID number masked
  await page.getByRole('button', { name: '干部名册' }).click();
  await page.getByLabel('搜索干部').fill('zs');
  await page.getByLabel('搜索干部').press('Enter');
  await page.getByRole('link', { name: '张三' }).waitFor();
  await page.getByRole('cell', { name: `110101********${id.slice(-4)}` }).waitFor();
  await context.close();
});

it('a reader who may not edit sees the cadre as a description, not a greyed-out form with placeholders', async () => {
  const town = await makeOrg(e.ctx, '青山镇');
  await makeUser(e.ctx, { orgId: town.id, roles: ['party_secretary'], username: 'shuji3' });
  const [cadre] = await insertCadres(
    e.ctx.db,
    e.ctx,
    [{ orgId: town.id, name: '周读者', status: 'active', ethnicity: '汉族' }],
    'manual',
  );
  const { page, context } = await e.newPage();
  await fillLogin(page, e.baseUrl, 'shuji3', 'Jd!2026-test');
  await page.waitForURL(`${e.baseUrl}/`);
  await page.goto(`${e.baseUrl}/cadres/${cadre}`);
  await page.locator('.ant-descriptions-bordered').waitFor();
  await expect
    .poll(() => page.locator('th.ant-descriptions-item-label', { hasText: '民族' }).count())
    .toBe(1);
  await page.getByText('汉族', { exact: true }).waitFor();
  expect(await page.locator('input, textarea').filter({ visible: true }).count()).toBe(0);
  expect(await page.getByPlaceholder('如 2001-07').count()).toBe(0);
  expect(await page.getByText('未填写').count()).toBeGreaterThan(3);
  await context.close();
});

it('the district reads its townships’ units by township: two 组织办 on the roster and the cadre page as 大兴镇/组织办 and 东风镇/组织办', async () => {
  const district = await makeOrg(e.ctx, '新城区', null, 'district');
  const daxing = await makeOrg(e.ctx, '大兴镇', district.id);
  const dongfeng = await makeOrg(e.ctx, '东风镇', district.id);
  const units = [
    await makeOrg(e.ctx, '组织办', daxing.id, 'department'),
    await makeOrg(e.ctx, '组织办', dongfeng.id, 'department'),
  ];
  await makeUser(e.ctx, {
    orgId: district.id,
    roles: ['org_officer'],
    username: 'quzuzhi',
    dataScope: 'subtree',
  });
  const [wang] = await insertCadres(
    e.ctx.db,
    e.ctx,
    [
      { orgId: units[0].id, name: '王组织', status: 'active' },
      { orgId: units[1].id, name: '李组织', status: 'active' },
    ],
    'manual',
  );
  const { page, context } = await e.newPage();
  await fillLogin(page, e.baseUrl, 'quzuzhi', 'Jd!2026-test');
  await page.waitForURL(`${e.baseUrl}/`);
  await page.getByRole('menuitem', { name: '干部名册' }).click();
  await page
    .getByRole('row', { name: /王组织/ })
    .getByRole('cell', { name: '大兴镇/组织办', exact: true })
    .waitFor();
  await page
    .getByRole('row', { name: /李组织/ })
    .getByRole('cell', { name: '东风镇/组织办', exact: true })
    .waitFor();
  expect(await page.getByRole('cell', { name: '组织办', exact: true }).count()).toBe(0);
  await page.goto(`${e.baseUrl}/cadres/${wang}`);
  await page.getByText('大兴镇/组织办', { exact: true }).first().waitFor();
  await context.close();
});
