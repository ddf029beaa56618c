import { afterAll, beforeAll, expect, it } from 'vitest';
import { ROSTER_COLUMNS } from '../../src/server/modules/cadres/excel/columns.js';
import { makeOrg, makeUser } from '../support/factories.js';
import { rosterRow, rosterWorkbook } from '../support/roster-sheets.js';
import { type E2E, fillLogin, startE2E } from './support/server.js';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => e?.close());

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

it('the organization officer imports the roster sheet: a bad row refuses it with the errors on screen, the corrected one goes in; a sheet with columns it leaves out and an update wait for confirmation', async () => {
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
  // the first bad rows are on screen too: row, column, reason
  await page.getByText('有误的行（共 1 行）').waitFor();
  const bad = page.getByRole('row').filter({ hasText: '“幸福村”不存在或不在您的管理范围内' });
  await expect
    .poll(() => bad.getByRole('cell').allTextContents())
    .toEqual(['6', '所在单位', '“幸福村”不存在或不在您的管理范围内']);
  const errors = page.waitForEvent('download');
  await page.getByRole('button', { name: '下载错误清单' }).click();
  expect((await errors).suggestedFilename()).toMatch(/^导入错误清单-\d+\.xlsx$/);

  await page.getByRole('button', { name: '重新上传' }).click();
  rows[4].所在单位 = '红星村';
  await input.setInputFiles({ name: '花名册.xlsx', mimeType: XLSX, buffer: await rosterWorkbook(rows) });
  await page.getByText('导入成功：共 12 名干部').waitFor();

  // an office's sheet: 职级 is read as the level, 学位 is not read — the import waits and names it
  await page.getByRole('button', { name: '继续导入' }).click();
  const headers = [...ROSTER_COLUMNS.map((c) => c.header).filter((h) => h !== '职务层次'), '职级', '学位'];
  const office = [rosterRow(21, '红星村'), rosterRow(22, '红星村')].map((r) => ({
    ...r,
    职级: '副科级',
    学位: '学士',
  }));
  await input.setInputFiles({
    name: '办公室.xlsx',
    mimeType: XLSX,
    buffer: await rosterWorkbook(office, headers),
  });
  await page.getByText('表中有 1 列不会导入（学位）；确认后将新增 2 名干部，请核对后确认导入').waitFor();
  await page.getByRole('button', { name: '确认导入' }).click();
  await page.getByText('导入成功：共 2 名干部').waitFor();

  // updating registered cadres: the preview shows each change before anything is written
  await page.getByRole('button', { name: '继续导入' }).click();
  await page.getByRole('radio', { name: '更新已登记的干部' }).check();
  const changed = [{ ...rows[1], 联系电话: '13912345678' }, rows[2]];
  await input.setInputFiles({ name: '更新.xlsx', mimeType: XLSX, buffer: await rosterWorkbook(changed) });
  await page.getByText('确认后将更新 1 名干部，1 名没有变化，请核对后确认导入').waitFor();
  const line = page.getByRole('row').filter({ hasText: '联系电话' });
  await expect
    .poll(() => line.getByRole('cell').allTextContents())
    .toEqual(['2', String(rows[1].姓名), '联系电话', '13900000001', '13912345678']);
  await page.getByRole('button', { name: '确认导入' }).click();
  await page.getByText('导入成功：新增 0 名，更新 1 名干部').waitFor();
  await page.getByRole('button', { name: '返回干部名册' }).click();
  await page.waitForURL(`${e.baseUrl}/cadres`);
  await context.close();
});
