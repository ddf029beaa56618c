import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { parseLrmx } from '../../src/server/modules/cadres/lrmx/parse.js';
import { makeOrg, makeUser } from '../support/factories.js';
import { rosterRow, rosterWorkbook } from '../support/roster-sheets.js';
import { type E2E, fillLogin, startE2E } from './support/server.js';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => e?.close());

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

it('the organization officer imports a sheet, finds a cadre by pinyin initials, opens the supervision file and exports the .lrmx', async () => {
  const district = await makeOrg(e.ctx, '新城区', null, 'district');
  const town = await makeOrg(e.ctx, '大兴镇', district.id);
  await makeOrg(e.ctx, '党政办', town.id, 'department');
  await makeUser(e.ctx, { orgId: town.id, roles: ['org_officer'], username: 'zuzhi', dataScope: 'subtree' });
  const { page } = await e.newPage();
  await fillLogin(page, e.baseUrl, 'zuzhi', 'Jd!2026-test');
  await page.waitForURL(`${e.baseUrl}/`);

  // reference pages every role may read (calendar, rules, dictionaries) are not in an officer's menu
  await page.getByRole('menuitem', { name: '干部名册' }).waitFor();
  expect(await page.getByRole('menuitem', { name: /系统管理|工作日历|规则配置|数据字典/ }).count()).toBe(0);

  // 1. import the roster sheet
  const rows = Array.from({ length: 20 }, (_, i) => rosterRow(i, '党政办'));
  rows[7].姓名 = '张思远';
  rows[7].现任职务 = '副主任';
  rows[7].职务层次 = '中层副职';
  rows[7].是否正职 = '否';
  rows[7].任现职时间 = '2021.03';
  await page.getByRole('menuitem', { name: '干部名册' }).click();
  await page.getByRole('button', { name: /导\s*入/ }).hover();
  await page.getByText('Excel 花名册').click();
  await page.waitForURL('**/cadres/import/excel');
  await page
    .locator('input[type=file]')
    .setInputFiles({ name: '花名册.xlsx', mimeType: XLSX, buffer: await rosterWorkbook(rows) });
  await page.getByText('导入成功：共 20 名干部').waitFor();
  await page.getByRole('button', { name: '返回干部名册' }).click();

  // 2. search by pinyin initials
  await page.getByPlaceholder('姓名、拼音首字母或身份证号').fill('zsy');
  await page.getByPlaceholder('姓名、拼音首字母或身份证号').press('Enter');
  await expect.poll(() => page.getByTestId('cadre-link').allTextContents()).toEqual(['张思远']);

  // 3. the supervision file: eligibility and the timeline with the post taken up
  await page.getByTestId('cadre-link').click();
  await page.getByRole('button', { name: '监督档案' }).click();
  await page.waitForURL(/\/cadres\/\d+\/file$/);
  await page.getByText('提拔资格').first().waitFor();
  await page.getByText('副主任').first().waitFor();
  // no annual grade is on record: the answer is 无法判断 and says what is missing, never 符合
  await page.getByText('无法判断', { exact: true }).waitFor();
  await page.getByText('年度考核结果未录入，无法判断上年度考核是否影响提拔').waitFor();
  expect(await page.getByText('符合', { exact: true }).count()).toBe(0);
  // the user-and-time watermark overlays the protected page
  await expect
    .poll(() => page.locator('div[style*="background-image"][style*="pointer-events: none"]').count())
    .toBeGreaterThan(0);

  // 4. export the 任免审批表 and read it back
  await page.goBack();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出任免审批表' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('张思远.lrmx');
  const parsed = parseLrmx(new Uint8Array(await readFile((await file.path())!)));
  expect(parsed.fields.name).toBe('张思远');
  expect(parsed.fields.idNumber).toBe(rows[7].身份证号码);
});
