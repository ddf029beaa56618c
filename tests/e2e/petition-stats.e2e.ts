import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
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

it('an officer reads this year’s figures, opens the records behind one, exports the ledger and sees a refused import', async () => {
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

  const { page } = await e.newPage();
  await fillLogin(page, e.baseUrl, 'tongji1', 'Jd!2026-test');
  await page.waitForURL(`${e.baseUrl}/`);
  await page.getByRole('menuitem', { name: '信访统计' }).click();
  const visits = page.getByRole('button', { name: /来访（批次）：1，点击查看明细/ });
  await visits.waitFor();
  await page.getByText('批 · 3 人').waitFor();
  // the menu marks 信访统计, not 信访举报 whose path it extends
  await expect.poll(() => page.locator('.ant-menu-item-selected').textContent()).toBe('信访统计');
  await page.getByRole('button', { name: /收件总数：2/ }).waitFor();

  await visits.click();
  const drawer = page.getByRole('dialog');
  await drawer.getByText(`来访（批次）（${y}-01-01 至 ${y}-12-31）`).waitFor();
  await drawer.getByRole('link', { name: `XF${y}-0002` }).waitFor();
  await expect.poll(() => drawer.getByRole('link', { name: `XF${y}-0001` }).count()).toBe(0);
  await drawer.getByText('来访（3 人）').waitFor();
  await page.keyboard.press('Escape');

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
});
