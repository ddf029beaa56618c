import { zipSync } from 'fflate';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { idNumberFor } from '../support/cadre-helpers.js';
import { makeOrg, makeUser } from '../support/factories.js';
import { lrmxFixture, lrmxFor } from '../support/lrmx-helpers.js';
import { type E2E, fillLogin, startE2E } from './support/server.js';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => e?.close());

it('the organization officer uploads a zip of .lrmx files, reads the report and confirms the good ones', async () => {
  const district = await makeOrg(e.ctx, '新城区', null, 'district');
  const town = await makeOrg(e.ctx, '大兴镇', district.id);
  await makeUser(e.ctx, { orgId: town.id, roles: ['org_officer'], username: 'zuzhi', dataScope: 'subtree' });
  const { page, context } = await e.newPage();
  await fillLogin(page, e.baseUrl, 'zuzhi', 'Jd!2026-test');
  await page.waitForURL(`${e.baseUrl}/`);

  await page.goto(`${e.baseUrl}/cadres/import/lrmx`);
  await page.getByLabel('导入到单位').click();
  await page.locator('.ant-select-tree').getByText('大兴镇', { exact: true }).click();
  const zip = zipSync({
    '周文斌.lrmx': lrmxFor('周文斌', idNumberFor('1979-06-18', 31, '330102')),
    '名单.lrmx': lrmxFixture('not-xml.lrmx'),
  });
  await page
    .locator('input[type=file]')
    .setInputFiles({ name: '审批表.zip', mimeType: 'application/zip', buffer: Buffer.from(zip) });
  await page.getByRole('button', { name: '开始导入' }).click();

  await page.getByText('1 个文件无法导入').waitFor();
  await expect.poll(() => page.getByRole('cell', { name: '名单.lrmx' }).count()).toBe(1);
  await page.getByText('无法识别', { exact: true }).waitFor();
  await page.getByRole('button', { name: /确认导入/ }).click();
  await page.getByText('导入完成：新增 1 人，更新 0 人').waitFor();
  await context.close();
});
