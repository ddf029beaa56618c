import { afterAll, beforeAll, it } from 'vitest';
import { makeOrg, makeUser } from '../support/factories.js';
import { type E2E, fillLogin, startE2E } from './support/server.js';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => e?.close());

it('the clerk drafts the village finances (a total that does not add up refused), the committee returns them with a reason, the head resubmits, the committee approves and the head publishes with its 索引号; a correction passes the committee and is version 2 with its diff', async () => {
  const district = await makeOrg(e.ctx, '新城区', null, 'district');
  const town = await makeOrg(e.ctx, '大兴镇', district.id);
  const village = await makeOrg(e.ctx, '东风村', town.id, 'village');
  await makeUser(e.ctx, {
    orgId: village.id,
    roles: ['unit_head'],
    username: 'cunzhang_o',
    dataScope: 'org',
  });
  await makeUser(e.ctx, {
    orgId: village.id,
    roles: ['village_supervisor'],
    username: 'jianwei_o',
    dataScope: 'org',
  });
  const headPage = await e.newPage();
  let page = headPage.page;
  await fillLogin(page, e.baseUrl, 'cunzhang_o', 'Jd!2026-test');
  await page.waitForURL(`${e.baseUrl}/`);
  // the clerk drafts February's finances in the browser; a total that does not add up is refused
  await page.goto(`${e.baseUrl}/openness/disclosures`);
  await page.getByRole('button', { name: '起草公开事项' }).click();
  await page.getByLabel('公开单位', { exact: true }).click();
  await page.getByTitle('东风村').click();
  await page.getByLabel('公开事项', { exact: true }).click();
  await page.getByTitle('村级财务收支').click();
  await page.getByLabel('公开期间').fill('2026-02');
  await page.getByLabel('标题', { exact: true }).fill('东风村2026年2月财务收支公开');
  await page.getByLabel('公开内容', { exact: true }).fill('现将本村2026年2月财务收支情况公开如下。');
  await page.getByLabel('发布机构').fill('东风村村民委员会');
  await page.getByLabel('附财务收支表').click();
  await page.getByRole('button', { name: '增加一行' }).click();
  await page.getByRole('button', { name: '增加一行' }).click();
  const kinds = page.locator('.ant-select').filter({ hasText: '支出' });
  await kinds.first().click();
  await page.getByTitle('收入', { exact: true }).click();
  await page.getByPlaceholder('收支项目').nth(0).fill('上级转移支付');
  await page.getByPlaceholder('金额（元）').nth(0).fill('50000');
  await page.getByPlaceholder('收支项目').nth(1).fill('办公费');
  await page.getByPlaceholder('金额（元）').nth(1).fill('350.55');
  await page.getByLabel('收入合计（元）').fill('50000');
  await page.getByLabel('支出合计（元）').fill('350');
  await page.getByRole('button', { name: '保存草稿' }).click();
  await page.getByText('支出合计 350.00 元与各支出明细之和 350.55 元不符').first().waitFor();
  await page.getByLabel('支出合计（元）').fill('350.55');
  await page.getByLabel('本期结余（元）').fill('49649.45');
  await page.getByRole('button', { name: '保存草稿' }).click();
  await page.getByText('49649.45').waitFor();
  await page.getByRole('button', { name: '提交监委会审核' }).click();
  await page.getByText('待监委会审核').first().waitFor();

  const committee = await e.newPage();
  page = committee.page;
  await fillLogin(page, e.baseUrl, 'jianwei_o', 'Jd!2026-test');
  await page.waitForURL(`${e.baseUrl}/`);
  await page.getByRole('menuitem', { name: '村务公开审核' }).click();
  await page.getByRole('link', { name: '东风村2026年2月财务收支公开' }).click();
  await page.getByRole('button', { name: /退\s*回/ }).click();
  await page.getByRole('button', { name: /确\s*定|OK/ }).click();
  await page.getByText('请填写理由').waitFor();
  await page.getByRole('textbox', { name: '理由' }).fill('办公费缺少票据说明');
  await page.getByRole('button', { name: /确\s*定|OK/ }).click();
  await page.getByText('监委会退回：办公费缺少票据说明').waitFor();

  page = headPage.page;
  await page.reload();
  await page.getByText('监委会退回：办公费缺少票据说明').waitFor();
  await page.getByRole('button', { name: '提交监委会审核' }).click();
  await page.getByText('待监委会审核').first().waitFor();

  page = committee.page;
  await page.reload();
  await page.getByRole('button', { name: '审核通过' }).click();
  await page.getByText('监委会已审核').first().waitFor();

  page = headPage.page;
  await page.reload();
  await page
    .getByRole('button', { name: /^公\s*开$/ })
    .first()
    .click();
  await page.getByRole('button', { name: /确\s*定|OK/ }).click();
  await page.getByText(`DX${String(village.id).padStart(4, '0')}-2026-00001`).waitFor();
  await page.getByText('监委会退回').first().waitFor();

  // a correction after publication is a new version whose diff names the changed line and totals
  await page.getByRole('button', { name: /修\s*订/ }).click();
  await page.getByLabel('修订说明').fill('办公费漏记打印纸款 20 元');
  await page.getByPlaceholder('金额（元）').nth(1).fill('370.55');
  await page.getByLabel('支出合计（元）').fill('370.55');
  await page.getByLabel('本期结余（元）').fill('49629.45');
  await page.getByRole('button', { name: '提交修订审核' }).click();
  // a village's correction waits for the committee; the published text is unchanged meanwhile
  await page.getByTestId('pending-revision').getByText('修订说明：办公费漏记打印纸款 20 元').waitFor();
  if (await page.getByRole('button', { name: '公开修订' }).isVisible())
    throw new Error('a revision is not published before the committee approves it');

  page = committee.page;
  await page.reload();
  await page.getByTestId('pending-revision').getByText('370.55').first().waitFor();
  await page.getByRole('button', { name: '审核通过' }).click();
  await page.getByText('修订已审核').first().waitFor();

  page = headPage.page;
  await page.reload();
  await page.getByRole('button', { name: '公开修订' }).click();
  await page.getByRole('button', { name: /确\s*定|OK/ }).click();
  const v2 = page.getByTestId('version-2');
  await v2.getByText('修订说明：办公费漏记打印纸款 20 元').waitFor();
  await v2.getByText('金额变更').first().waitFor();
  await v2.getByText('370.55').first().waitFor();
  await page.getByText('版本记录（共 2 版）').waitFor();
  if (!(await page.getByText('已公开').first().isVisible()))
    throw new Error('the revised item stays published');
});
