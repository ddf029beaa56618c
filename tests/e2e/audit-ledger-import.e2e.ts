import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { AUDIT_LEDGER_COLUMNS } from '../../src/domain/audits/audit-ledger.js';
import { econAudits, rectificationItems } from '../../src/server/modules/audits/schema.js';
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

const HEADERS = AUDIT_LEDGER_COLUMNS.map((c) => c.header);
async function ledger(rows: Record<string, string>[]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('审计台帐');
  ws.addRow(['审计台帐（2025 年）']);
  ws.addRow(HEADERS);
  for (const r of rows) ws.addRow(HEADERS.map((h) => r[h] ?? ''));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
const closed = {
  问题摘要: '违规发放津补贴',
  具体描述: '以加班费名义向在编人员发放补贴 3.6 万元。',
  涉及金额: '36000.00',
  定性依据: '《关于规范津贴补贴的通知》',
  整改建议: '清退违规发放的补贴。',
  整改措施: '清退补贴，建立审批制度',
  责任单位: '农业服务中心',
  责任人: '李四',
  整改时限: '2025-06-30',
  证明材料: '清退收款凭证 12 份',
  认定: '已整改',
  销号: '已销号 2025-05-20',
  审计项目: '2025年农业服务中心定期审计',
  整改单位: '农业服务中心',
  审计类型: '定期审计',
  审计期间: '2023-01-01至2024-12-31',
  下发日期: '2025-03-03',
  问题类型: '专项资金',
  严重程度: '较重',
};
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

it('the audit officer imports an earlier year’s 审计台帐: a bad row refuses it with the reason on screen, the corrected one goes in', async () => {
  const town = await makeOrg(e.ctx, '大兴镇');
  await makeOrg(e.ctx, '农业服务中心', town.id, 'department');
  const [role] = await e.ctx.db
    .insert(roles)
    .values({ code: 'audit_desk', name: '审计办事员', mfaRequired: false })
    .returning();
  const perms = ['econ_audit.read', 'econ_audit.manage', 'cadre.read', 'org.read', 'todo.read'];
  await e.ctx.db.insert(rolePermissions).values(perms.map((permission) => ({ roleId: role.id, permission })));
  await makeUser(e.ctx, { orgId: town.id, roles: ['audit_desk'], username: 'shenjiban1' });

  const { page } = await e.newPage();
  await fillLogin(page, e.baseUrl, 'shenjiban1', 'Jd!2026-test');
  await page.waitForURL(`${e.baseUrl}/`);
  await page.goto(`${e.baseUrl}/audits`);
  await page.getByRole('button', { name: /导入台帐/ }).click();
  await page.waitForURL(`${e.baseUrl}/audits/import`);
  const template = page.waitForEvent('download');
  await page.getByRole('button', { name: '下载模板' }).click();
  expect((await template).suggestedFilename()).toBe('审计台帐导入模板.xlsx');

  await page.locator('input[type=file]').setInputFiles({
    name: '审计台帐.xlsx',
    mimeType: XLSX,
    buffer: await ledger([{ ...closed, 涉及金额: '12.345' }]),
  });
  await page.getByText('未导入任何数据', { exact: true }).waitFor();
  await page.getByText('第 3 行等 1 行有误，未导入任何数据，请下载错误清单修改后重新导入').waitFor();
  const bad = page.getByRole('row').filter({ hasText: '最多两位小数' });
  await expect.poll(() => bad.getByRole('cell').nth(1).textContent()).toBe('涉及金额');
  await page.getByRole('button', { name: /下载错误清单/ }).waitFor();
  expect(await e.ctx.db.select().from(econAudits)).toHaveLength(0);

  await page.getByRole('button', { name: '重新上传' }).click();
  await page.locator('input[type=file]').setInputFiles({
    name: '审计台帐.xlsx',
    mimeType: XLSX,
    buffer: await ledger([closed]),
  });
  await page.getByText('导入成功：共 1 个审计问题').waitFor();
  await page.getByRole('button', { name: '返回审计项目' }).click();
  await page.waitForURL(`${e.baseUrl}/audits`);
  await page.getByText('2025年农业服务中心定期审计').first().waitFor();
  const [item] = await e.ctx.db.select().from(rectificationItems);
  expect(item).toMatchObject({ status: 'closed', closedOn: '2025-05-20', issuedOn: '2025-03-03' });
});
