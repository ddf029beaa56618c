import { afterAll, beforeAll, expect, it } from 'vitest';
import { makeOrg, makeUser } from '../support/factories.js';
import { rosterRow, rosterWorkbook } from '../support/roster-sheets.js';
import { type E2E, fillLogin, startE2E } from './support/server.js';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => e?.close());

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

it('the organization officer imports the roster sheet: a bad row refuses it with an error list, the corrected one goes in', async () => {
  const district = await makeOrg(e.ctx, '新城区', null, 'district');
  const town = await makeOrg(e.ctx, '大兴镇', district.id);
  await makeOrg(e.ctx, '红星村', town.id, 'village');
  await makeUser(e.ctx, {
    orgId: town.id,
    roles: ['org_officer'],
    username: 'zuzhi_xl',
    dataScope: 'subtree',
  });
  const { page, context } = await e.newPage();
  await fillLogin(page, e.baseUrl, 'zuzhi_xl', 'Jd!2026-test');
  await page.waitForURL(`${e.baseUrl}/`);
  await page.goto(`${e.baseUrl}/cadres/import/excel`);

  const template = page.waitForEvent('download');
  await page.getByRole('button', { name: '下载模板' }).click();
  expect((await template).suggestedFilename()).toBe('干部花名册导入模板.xlsx');

  const rows = Array.from({ length: 12 }, (_, i) => rosterRow(i, '红星村'));
  rows[4].所在单位 = '幸福村';
  const input = page.locator('input[type=file]');
  await input.setInputFiles({ name: '花名册.xlsx', mimeType: XLSX, buffer: await rosterWorkbook(rows) });
  await page.getByText('第 6 行等 1 行有误，未导入任何数据，请下载错误清单修改后重新导入').waitFor();
  const errors = page.waitForEvent('download');
  await page.getByRole('button', { name: '下载错误清单' }).click();
  expect((await errors).suggestedFilename()).toMatch(/^导入错误清单-\d+\.xlsx$/);

  await page.getByRole('button', { name: '重新上传' }).click();
  rows[4].所在单位 = '红星村';
  await input.setInputFiles({ name: '花名册.xlsx', mimeType: XLSX, buffer: await rosterWorkbook(rows) });
  await page.getByText('导入成功：共 12 名干部').waitFor();
  await page.getByRole('button', { name: '返回干部名册' }).click();
  await page.waitForURL(`${e.baseUrl}/cadres`);
  await context.close();
});
