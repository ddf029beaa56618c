import { zipSync } from 'fflate';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { positions } from '../../src/server/modules/cadres/schema.js';
import { idNumberFor } from '../support/cadre-helpers.js';
import { makeOrg, makeUser } from '../support/factories.js';
import { lrmxFixture, lrmxFor } from '../support/lrmx-helpers.js';
import { type E2E, fillLogin, startE2E } from './support/server.js';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => e?.close());

it('the organization officer uploads a zip of .lrmx files, checks each 简历 as read, ticks the files and confirms', async () => {
  const district = await makeOrg(e.ctx, '新城区', null, 'district');
  const town = await makeOrg(e.ctx, '大兴镇', district.id);
  await e.ctx.db.insert(positions).values([
    { orgId: town.id, title: '党委副书记', level: 'zhengke', isPrincipal: false },
    { orgId: town.id, title: '镇长', level: 'zhengke', isPrincipal: true },
  ]);
  await makeUser(e.ctx, { orgId: town.id, roles: ['org_officer'], username: 'zuzhi', dataScope: 'subtree' });
  const { page, context } = await e.newPage();
  await fillLogin(page, e.baseUrl, 'zuzhi', 'Jd!2026-test');
  await page.waitForURL(`${e.baseUrl}/`);

  await page.goto(`${e.baseUrl}/cadres/import/lrmx`);
  await page.getByLabel('导入到单位').click();
  await page.locator('.ant-select-tree').getByText('大兴镇', { exact: true }).click();
  const flagged = lrmxFor('吴敏', idNumberFor('1983-02-11', 33, '330102'), {
    resume:
      '2005.09--2009.07  浙江大学法学专业学习\n2009.13--2015.01  大兴镇司法所科员\n2015.01--  大兴镇司法所所长',
    current: '大兴镇司法所所长',
  })
    .toString('utf8')
    .replace(/<ShenFenZheng>[^<]*<\/ShenFenZheng>/, '<ShenFenZheng></ShenFenZheng>');
  const zip = zipSync({
    '周文斌.lrmx': lrmxFor('周文斌', idNumberFor('1979-06-18', 31, '330102')),
    '吴敏.lrmx': Buffer.from(flagged),
    '名单.lrmx': lrmxFixture('not-xml.lrmx'),
  });
  await page
    .locator('input[type=file]')
    .setInputFiles({ name: '审批表.zip', mimeType: 'application/zip', buffer: Buffer.from(zip) });
  await page.getByRole('button', { name: '开始导入' }).click();

  await page.getByText('1 个文件无法导入，1 个文件不完整；请选择要导入的文件（可导入 2 个）').waitFor();
  await expect.poll(() => page.getByRole('cell', { name: '名单.lrmx', exact: true }).count()).toBe(1);
  await page.getByText('无法导入', { exact: true }).waitFor();
  // the complete file is ticked, the incomplete one waits for the user's choice
  await expect.poll(() => page.getByRole('checkbox', { name: '选择 周文斌.lrmx' }).isChecked()).toBe(true);
  await expect.poll(() => page.getByRole('checkbox', { name: '选择 吴敏.lrmx' }).isChecked()).toBe(false);
  await expect.poll(() => page.getByRole('checkbox', { name: '选择 名单.lrmx' }).isDisabled()).toBe(true);

  // 周文斌's 简历: four posts and a study line; 现任职务 matched to the township's posts
  const zhou = page.getByRole('row').filter({ hasText: '周文斌.lrmx' });
  await zhou.getByRole('button', { name: /展开/ }).click();
  await page.getByText('现任职务关联到职务：').waitFor();
  await page.getByText('镇长（正科，正职，自 2018.09）').waitFor();
  await page.getByRole('cell', { name: '浙江农林学院农学专业学习' }).first().waitFor();
  await page.getByText('学习', { exact: true }).first().waitFor();
  // 吴敏's unreadable line is listed
  const wu = page.getByRole('row').filter({ hasText: '吴敏.lrmx' });
  await wu.getByRole('button', { name: /展开/ }).click();
  await page.getByText('1 行无法读取，保留在简历原文中，不建立任职经历').waitFor();
  await page.getByText('第 2 行“2009.13--2015.01 大兴镇司法所科员”：月份不正确').waitFor();

  await page.getByRole('button', { name: '导入选中的 1 个文件' }).click();
  await page.getByText('导入完成：新增 1 人，更新 0 人').waitFor();
  await page.getByText('从简历建立任职经历 5 条；1 个文件未选择，未导入；1 个文件无法导入').waitFor();
  await context.close();
});
