import { afterAll, beforeAll, it } from 'vitest';
import { makeOrg, makeUser } from '../support/factories.js';
import { type E2E, fillLogin, startE2E } from './support/server.js';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => e?.close());

it('an officer makes a policy, revises it with a quiz, sees the diff and gives it to the township; a cadre fails then passes the quiz and confirms; coverage shows', async () => {
  const district = await makeOrg(e.ctx, '新城区', null, 'district');
  const town = await makeOrg(e.ctx, '大兴镇', district.id);
  await makeUser(e.ctx, { orgId: town.id, roles: ['org_officer'], username: 'zuzhi_p' });
  await makeUser(e.ctx, { orgId: town.id, roles: ['cadre'], username: 'ganbu_p', dataScope: 'self' });

  const officer = await e.newPage();
  let page = officer.page;
  await fillLogin(page, e.baseUrl, 'zuzhi_p', 'Jd!2026-test');
  await page.waitForURL(`${e.baseUrl}/`);
  await page.getByRole('menuitem', { name: '制度汇编' }).click();
  await page.getByText('还没有制度').waitFor();
  await page.getByRole('button', { name: '制定制度' }).click();
  await page.getByRole('button', { name: /保\s*存/ }).click();
  await page.getByText('请填写制度名称').waitFor();
  await page.getByLabel('制度名称').fill('末位惩处制度');
  await page.getByLabel('发文机关').fill('中共大兴镇委员会');
  await page.getByLabel('文号').fill('大兴党发〔2025〕10号');
  for (const label of ['通过日期', '施行日期']) {
    await page.getByLabel(label).click();
    await page.getByLabel(label).fill('2025-04-22');
    await page.getByLabel(label).press('Enter');
  }
  await page
    .getByLabel('制度正文')
    .fill(
      '第一条 排名处于末位的单位，由镇党委政府对其主要负责人进行惩处。\n第二条 连续两次排名末位的给予警告。',
    );
  await page.getByRole('button', { name: /保\s*存/ }).click();
  await page.getByText('《末位惩处制度》').waitFor();

  // revise: the text changes one line and gains one (the mouse leaves the header's account menu first)
  await page.mouse.move(400, 600);
  await page.getByRole('button', { name: /修\s*订/ }).click();
  await page.getByLabel('修订通过日期').click();
  await page.getByLabel('修订通过日期').fill('2025-10-15');
  await page.getByLabel('修订通过日期').press('Enter');
  await page.getByLabel('施行日期').click();
  await page.getByLabel('施行日期').fill('2025-10-15');
  await page.getByLabel('施行日期').press('Enter');
  await page
    .getByLabel('制度正文')
    .fill(
      '第一条 排名处于末位的单位，由镇党委政府对其主要负责人进行惩处。\n第二条 连续两次排名末位的给予警告，其年度考核为不合格。\n第三条 本制度自发布之日起施行。',
    );
  await page.getByLabel('修订说明').fill('明确年度考核');
  // with a one-question quiz, passed at 60
  await page.getByRole('button', { name: '添加测验题' }).click();
  await page.getByLabel('第 1 题').fill('排名末位的单位由谁对其主要负责人进行惩处？');
  for (const option of ['所在村', '镇党委政府']) {
    await page.getByLabel('选项').fill(option);
    await page.getByLabel('选项').press('Enter');
  }
  await page.getByLabel('正确答案（第几项）').fill('2');
  await page.getByRole('button', { name: '保存新版本' }).click();
  await page.getByText('现行版本').waitFor();
  await page.getByText('第 2 版，2025-10-15 通过').waitFor();
  await page.getByRole('tab', { name: '版本对比' }).click();
  await page.getByText('新增 2 行，删除 1 行').waitFor();
  const diff = page.getByTestId('policy-diff');
  await diff.locator('.diff-removed', { hasText: '连续两次排名末位的给予警告。' }).waitFor();
  await diff.locator('.diff-added', { hasText: '其年度考核为不合格' }).waitFor();

  // assign it to the township for reading
  await page.mouse.move(400, 600);
  await page.getByRole('button', { name: '布置学习' }).click();
  await page
    .getByRole('button', { name: /布\s*置/ })
    .last()
    .click();
  await page.getByRole('tab', { name: '学习情况' }).click();
  const row = page.getByRole('row', { name: /全体人员/ });
  await row.getByText('0%').waitFor();

  // the cadre reads it in 我的学习 and confirms
  const cadre = await e.newPage();
  page = cadre.page;
  await fillLogin(page, e.baseUrl, 'ganbu_p', 'Jd!2026-test');
  await page.waitForURL(`${e.baseUrl}/`);
  await page.getByRole('menuitem', { name: '我的学习' }).click();
  await page.getByRole('link', { name: '《末位惩处制度》' }).click();
  await page.getByText('第三条 本制度自发布之日起施行。').waitFor();
  // the quiz: a wrong answer is refused with its score and leaves the duty open; the right one confirms
  await page.getByText('学习测验（60 分及格）').waitFor();
  await page.getByRole('radio', { name: '所在村' }).check();
  await page.getByRole('button', { name: '我已认真学习，确认' }).click();
  await page.getByText('测验未通过：得分 0 分（60 分及格），请重新学习后再答').waitFor();
  await page.getByRole('radio', { name: '镇党委政府' }).check();
  await page.getByRole('button', { name: '我已认真学习，确认' }).click();
  await page.getByText(/已于 .* 确认学习，测验 100 分/).waitFor();
  await page.getByRole('menuitem', { name: '我的学习' }).click();
  await page.getByText(/已学习 \d{4}-\d{2}-\d{2}/).waitFor();

  // the officer sees the coverage: 1 of 2
  page = officer.page;
  await page.reload();
  await page.getByRole('tab', { name: '学习情况' }).click();
  await page
    .getByRole('row', { name: /全体人员/ })
    .getByText('50%')
    .waitFor();
  await page.getByRole('button', { name: '查看学习名单' }).click();
  await page.getByRole('dialog').getByText('未学习').first().waitFor();
  // those who have read, with their quiz score
  await page.getByRole('dialog').getByText('已学习', { exact: true }).click();
  await page.getByRole('dialog').getByRole('cell', { name: '100', exact: true }).waitFor();
  await officer.context.close();
  await cadre.context.close();
});
