import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { LEDGER_COLUMNS } from '../../src/domain/petition-ledger.js';
import { rolePermissions, roles } from '../../src/server/platform/users/schema.js';
import { makeOrg, makeUser } from '../support/factories.js';
import { seedPetition } from '../support/petition-stats-world.js';
import type { TestApp } from '../support/test-app.js';
import { type E2E, fillLogin, startE2E } from './support/server.js';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => e?.close());

it('an officer reads this year’s figures as of today, last year’s as of its end and of an earlier day, opens the records as they stood, exports the ledger, sees a refused import with its errors on screen and a clerk’s ledger imported with its notes', async () => {
  const town = await makeOrg(e.ctx, '东湖镇');
  // an office role without a second factor, to keep the browser journey short
  const [role] = await e.ctx.db
    .insert(roles)
    .values({ code: 'petition_stats', name: '信访统计员', mfaRequired: false })
    .returning();
  const perms = [
    'petition.read',
    'petition.stats',
    'petition.export',
    'petition.import',
    'org.read',
    'dict.read',
    'todo.read',
  ];
  await e.ctx.db.insert(rolePermissions).values(perms.map((permission) => ({ roleId: role.id, permission })));
  await makeUser(e.ctx, { orgId: town.id, roles: ['petition_stats'], username: 'tongji1' });
  const y = new Date().getFullYear();
  const t = { ctx: e.ctx } as TestApp;
  await seedPetition(t, town.id, {
    code: `XF${y}-0001`,
    channel: 'letter',
    receivedOn: `${y}-01-05`,
    status: 'registered',
    title: '反映干部作风问题',
  });
  await seedPetition(t, town.id, {
    code: `XF${y}-0002`,
    channel: 'visit',
    visitors: 3,
    receivedOn: `${y}-01-06`,
    status: 'accepted',
    acceptedOn: `${y}-01-07`,
    title: '反映村务不公开',
  });

  // last year: a case concluded in March, another accepted in May and concluded in September
  const z = y - 1;
  const lastYear = (code: string, received: string, concluded: string) =>
    seedPetition(t, town.id, {
      code,
      channel: 'letter',
      receivedOn: `${z}-${received}`,
      status: 'concluded',
      acceptedOn: `${z}-${received.slice(0, 3)}02`,
      disposal: 'close',
      opinions: [`【${z}-${received.slice(0, 3)}10】反映问题已解决，予以了结`],
      approvedOn: `${z}-${received.slice(0, 3)}12`,
      repliedOn: `${z}-${received.slice(0, 3)}14`,
      concludedOn: `${z}-${concluded}`,
      title: `反映事项${code}`,
    });
  await lastYear(`XF${z}-0001`, '03-01', '03-15');
  await lastYear(`XF${z}-0002`, '05-01', '09-01');

  const { page } = await e.newPage();
  await fillLogin(page, e.baseUrl, 'tongji1', 'Jd!2026-test');
  await page.waitForURL(`${e.baseUrl}/`);
  await page.getByRole('menuitem', { name: '信访统计' }).click();
  const visits = page.getByRole('button', { name: /来访：1批次，点击查看明细/ });
  await visits.waitFor();
  await page.getByRole('button', { name: /来访人数：3人次/ }).waitFor();
  // the menu marks 信访统计, not 信访举报 whose path it extends
  await expect.poll(() => page.locator('.ant-menu-item-selected').textContent()).toBe('信访统计');
  await page.getByRole('button', { name: /收件总数：2件/ }).waitFor();
  // the page says as of when it counts: today, for this year
  const today = await page.evaluate(() => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10));
  await page.getByText(`统计截至 ${today}：`).waitFor();
  // each figure's definition on hover
  await page.getByText('办结率', { exact: true }).hover();
  await page
    .getByRole('tooltip')
    .getByText(/办结率 = 办结 ÷ 受理/)
    .waitFor();

  await visits.click();
  const drawer = page.getByRole('dialog');
  await drawer.getByText(`统计截至 ${today}`, { exact: false }).waitFor();
  await drawer.getByRole('link', { name: `XF${y}-0002` }).waitFor();
  await expect.poll(() => drawer.getByRole('link', { name: `XF${y}-0001` }).count()).toBe(0);
  await drawer.getByRole('cell', { name: '3', exact: true }).waitFor();
  await page.keyboard.press('Escape');

  // last year: as of its end by default, then as of 30 June — the September conclusion not yet there
  await page.getByLabel('统计期间').first().click();
  await page.getByText('去年', { exact: true }).click();
  await page.getByText(`统计截至 ${z}-12-31：`).waitFor();
  await page.getByRole('button', { name: /办结率：100\.0%/ }).waitFor();
  const asOf = page.getByLabel('统计截至日期');
  await asOf.click();
  await asOf.fill(`${z}-06-30`);
  await asOf.press('Enter');
  await page.getByText(`统计截至 ${z}-06-30：`).waitFor();
  await page.getByRole('button', { name: /办结：1件/ }).waitFor();
  await page.getByRole('button', { name: /办结率：50\.0%/ }).waitFor();
  await page.getByRole('button', { name: /在办：1件/ }).click();
  await drawer.getByText(`统计截至 ${z}-06-30`, { exact: false }).waitFor();
  const row = drawer.getByRole('row', { name: new RegExp(`XF${z}-0002`) });
  await row.getByText('已回复反映人').waitFor();
  await page.keyboard.press('Escape');
  await page.getByLabel('统计期间').first().click();
  await page.getByText('今年', { exact: true }).click();
  await page.getByText(`统计截至 ${today}：`).waitFor();

  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: /导出台帐/ }).click(),
  ]);
  expect(file.suggestedFilename()).toBe(`信访台帐-东湖镇-${y}0101-${y}1231.xlsx`);
  const path = await file.path();

  await page.getByRole('button', { name: /导入台帐/ }).click();
  await page.waitForURL(`${e.baseUrl}/petitions/stats/import`);
  await page.locator('input[type=file]').setInputFiles({
    name: '信访台帐.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: readFileSync(path),
  });
  await page.getByText('未导入任何数据', { exact: true }).waitFor();
  await page.getByText(/第 3 行等 2 行有误/).waitFor();
  await page.getByRole('button', { name: /下载错误清单/ }).waitFor();
  // the reasons are on screen too, not only in the downloaded sheet
  await page.getByText('有误的行（共 2 行）').waitFor();
  await page
    .getByRole('row', { name: new RegExp(`^3\\s*登记编号\\s*XF${y}-0001 已在本单位登记$`) })
    .waitFor();
  await page
    .getByRole('row', { name: new RegExp(`^4\\s*登记编号\\s*XF${y}-0002 已在本单位登记$`) })
    .waitFor();

  // a clerk's own ledger: two undated opinion paragraphs in one cell go in as two, and the page says so
  const headers = LEDGER_COLUMNS.map((c) => c.header);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('信访台帐');
  ws.addRow(['信访台帐（手工整理）']);
  ws.addRow(headers);
  const clerkRow: Record<string, string> = {
    收件日期: `${z}-05-06`,
    来源渠道: '来信',
    反映人类别: '匿名',
    反映事由: '反映村干部多收费用',
    受理情况: '受理',
    受理日期: `${z}-05-08`,
    处置方式: '初步核实',
    调查报告: `【${z}-05-20】反映问题属实`,
    处理意见: `给予批评教育\n责令退还多收款项\n【${z}-05-28】审批通过`,
    回复日期: `${z}-06-01`,
    答复意见: '已责令退还。',
    办结日期: `${z}-06-03`,
  };
  ws.addRow(headers.map((h) => clerkRow[h] ?? null));
  await page.getByRole('button', { name: /重新上传/ }).click();
  await page.locator('input[type=file]').setInputFiles({
    name: '手工台帐.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: Buffer.from(await wb.xlsx.writeBuffer()),
  });
  await page.getByText('导入成功：共 1 件信访件').waitFor();
  await page.getByText('导入说明').waitFor();
  await page
    .getByText(`第 3 行：处理意见有 2 段未注明日期，按 2 条处理意见计入（日期记为 ${z}-05-28）`)
    .waitFor();
});
