import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ADMONITION_LEDGER_COLUMNS } from '../../src/domain/admonitions/admonition-ledger.js';
import { admonitions } from '../../src/server/modules/admonitions/schema.js';
import { insertCadres } from '../../src/server/modules/cadres/write-cadre.js';
import { rolePermissions, roles } from '../../src/server/platform/users/schema.js';
import { makeOrg, makeUser } from '../support/factories.js';
import { FakeClock } from '../support/test-app.js';
import { type E2E, fillLogin, startE2E } from './support/server.js';

const clock = new FakeClock(new Date('2026-03-10T02:00:00Z'));
let e: E2E;
beforeAll(async () => {
  e = await startE2E({ clock });
});
afterAll(async () => e?.close());

const HEADERS = ADMONITION_LEDGER_COLUMNS.map((c) => c.header);
async function ledger(rows: Record<string, string>[]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('诫勉台帐');
  ws.addRow(['诫勉台帐（2025 年）']);
  ws.addRow(HEADERS);
  for (const r of rows) ws.addRow(HEADERS.map((h) => r[h] ?? ''));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
const released = {
  姓名: '王建军',
  单位: '大兴镇',
  类别: '诫勉谈话',
  来源: '民主测评',
  诫勉事由: '民主测评满意度偏低',
  谈话日期: '2025-03-03',
  谈话人: '张书记、刘委员',
  谈话地点: '镇党委会议室',
  谈心谈话: '6/6',
  状态: '已解除诫勉',
  解除日期: '2025-09-10',
};
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

it('the officer imports an earlier year’s 诫勉台帐: a bad row refuses it with the reason on screen, the corrected one goes in', async () => {
  const town = await makeOrg(e.ctx, '大兴镇');
  await insertCadres(e.ctx.db, e.ctx, [{ orgId: town.id, name: '王建军', status: 'active' }], 'manual');
  const [role] = await e.ctx.db
    .insert(roles)
    .values({ code: 'supervision_desk', name: '监督办事员', mfaRequired: false })
    .returning();
  const perms = ['admonition.read', 'admonition.manage', 'cadre.read', 'org.read', 'todo.read'];
  await e.ctx.db.insert(rolePermissions).values(perms.map((permission) => ({ roleId: role.id, permission })));
  await makeUser(e.ctx, { orgId: town.id, roles: ['supervision_desk'], username: 'jianduban1' });

  const { page } = await e.newPage();
  await fillLogin(page, e.baseUrl, 'jianduban1', 'Jd!2026-test');
  await page.waitForURL(`${e.baseUrl}/`);
  await page.goto(`${e.baseUrl}/admonitions`);
  await page.getByRole('button', { name: /导入台帐/ }).click();
  await page.waitForURL(`${e.baseUrl}/admonitions/import`);
  const template = page.waitForEvent('download');
  await page.getByRole('button', { name: '下载模板' }).click();
  expect((await template).suggestedFilename()).toBe('诫勉台帐导入模板.xlsx');

  await page.locator('input[type=file]').setInputFiles({
    name: '诫勉台帐.xlsx',
    mimeType: XLSX,
    buffer: await ledger([{ ...released, 谈话人: '张书记' }]),
  });
  await page.getByText('未导入任何数据', { exact: true }).waitFor();
  await page.getByText('第 3 行等 1 行有误，未导入任何数据，请下载错误清单修改后重新导入').waitFor();
  const bad = page.getByRole('row').filter({ hasText: '不少于 2 名' });
  await expect.poll(() => bad.getByRole('cell').nth(1).textContent()).toBe('谈话人');
  await page.getByRole('button', { name: /下载错误清单/ }).waitFor();
  expect(await e.ctx.db.select().from(admonitions)).toHaveLength(0);

  await page.getByRole('button', { name: '重新上传' }).click();
  await page.locator('input[type=file]').setInputFiles({
    name: '诫勉台帐.xlsx',
    mimeType: XLSX,
    buffer: await ledger([released]),
  });
  await page.getByText('导入成功：共 1 条诫勉记录').waitFor();
  await page.getByRole('button', { name: '返回谈话诫勉' }).click();
  await page.waitForURL(`${e.baseUrl}/admonitions`);
  await page.getByRole('cell', { name: '王建军' }).first().waitFor();
  await page.getByText('已解除诫勉').first().waitFor();
});
