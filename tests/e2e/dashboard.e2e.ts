import { afterAll, beforeAll, expect, it } from 'vitest';
import { makeOrg, makeUser } from '../support/factories.js';
import { seedPetition } from '../support/petition-stats-world.js';
import type { TestApp } from '../support/test-app.js';
import { type E2E, fillLogin, startE2E } from './support/server.js';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => e?.close());

it('the party secretary opens the dashboard, the charts draw, and a bar opens exactly its records', async () => {
  const town = await makeOrg(e.ctx, '东湖镇');
  const east = await makeOrg(e.ctx, '东湖村', town.id, 'village');
  const west = await makeOrg(e.ctx, '西湖村', town.id, 'village');
  await makeUser(e.ctx, { orgId: town.id, roles: ['party_secretary'], username: 'shuji1' });
  const y = new Date().getFullYear();
  const t = { ctx: e.ctx } as TestApp;
  const seed = (orgId: number, code: string, receivedOn: string, category: string) =>
    seedPetition(t, orgId, { code, channel: 'letter', receivedOn, status: 'registered', category });
  await seed(east.id, `XF${y}-0001`, `${y}-01-05`, 'work_style');
  await seed(east.id, `XF${y}-0002`, `${y}-01-06`, 'work_style');
  await seed(west.id, `XF${y}-0003`, `${y}-01-07`, 'integrity');

  const { page } = await e.newPage();
  // ECharts is its own chunk, fetched only when a chart renders: not for the login or the home page
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
  });
  const echartsChunk = (p: string) => /^\/assets\/echarts-[\w-]+\.js$/.test(p);
  await fillLogin(page, e.baseUrl, 'shuji1', 'Jd!2026-test');
  await page.waitForURL(`${e.baseUrl}/`);
  await page.getByRole('menuitem', { name: '领导驾驶舱' }).waitFor();
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.filter(echartsChunk)).toEqual([]);
  await page.getByRole('menuitem', { name: '领导驾驶舱' }).click();
  await page.waitForURL(`${e.baseUrl}/dashboard`);
  await page.getByRole('button', { name: /收件总数：3件，点击查看明细/ }).waitFor();
  const today = await page.evaluate(() => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10));
  await page.getByText(`统计截至 ${today}`, { exact: false }).first().waitFor();
  // the definition on hover
  await page.getByText('收件总数', { exact: true }).first().hover();
  await page
    .getByRole('tooltip')
    .getByText(/统计期内登记收件/)
    .waitFor();

  // the charts drew: each chart's canvas has painted pixels
  const byOrg = page.locator('[data-by="org"][data-chart^="petitions.received"]');
  await byOrg.locator('canvas').waitFor();
  for (const chart of ['[data-by="month"]', '[data-by="org"]', '[data-by="group"]']) {
    const painted = await page
      .locator(chart)
      .first()
      .locator('canvas')
      .evaluate((c: HTMLCanvasElement) => {
        const g = c.getContext('2d')!;
        const { data } = g.getImageData(0, 0, c.width, c.height);
        let n = 0;
        for (let i = 3; i < data.length; i += 4) if (data[i] > 0) n++;
        return n;
      });
    expect(painted, chart).toBeGreaterThan(500);
  }
  const shot = await byOrg.screenshot();
  expect(shot.length).toBeGreaterThan(2000);
  expect(scripts.filter(echartsChunk)).toHaveLength(1);

  // 西湖村's bar of 收件总数 (the first series): its one case, not 东湖村's two
  const labels = ['东湖村', '西湖村'];
  const [x, yPx] = await byOrg.evaluate(
    (el, i) => (el as HTMLElement & { pointAt: (s: number, i: number) => number[] }).pointAt(0, i),
    labels.indexOf('西湖村'),
  );
  await byOrg.click({ position: { x, y: yPx } });
  const drawer = page.getByRole('dialog');
  await drawer.getByText('收件总数 · 西湖村').waitFor();
  await drawer.getByRole('link', { name: `XF${y}-0003` }).waitFor();
  await drawer.getByText('共 1 条').waitFor();
  expect(await drawer.getByRole('link', { name: `XF${y}-0001` }).count()).toBe(0);
  await page.keyboard.press('Escape');

  // printed: the page without the shell and the controls, the figures and charts kept
  await page.getByRole('button', { name: /打印/ }).waitFor();
  expect(await page.locator('.ant-layout-sider').first().isVisible()).toBe(true);
  await page.emulateMedia({ media: 'print' });
  expect(await page.locator('.ant-layout-sider').first().isVisible()).toBe(false);
  expect(await page.getByRole('button', { name: /打印/ }).isVisible()).toBe(false);
  expect(await byOrg.locator('canvas').isVisible()).toBe(true);
  await page.getByText('收件总数', { exact: true }).first().waitFor();
  await page.screenshot({ path: '/tmp/close-i10-dashboard-print.png', fullPage: true });
  await page.emulateMedia({ media: 'screen' });
  await page.getByRole('button', { name: /打印/ }).waitFor();

  // other periods: last year (as of its end), the current quarter
  await page.getByText('上年', { exact: true }).click();
  await page.getByText(`统计期 ${y - 1}-01-01 至 ${y - 1}-12-31 · 统计截至 ${y - 1}-12-31`).waitFor();
  await page.getByRole('button', { name: /收件总数：0件，点击查看明细/ }).waitFor();
  await page.getByText('季度', { exact: true }).click();
  const q = Math.floor((Number(today.slice(5, 7)) - 1) / 3);
  const qFrom = `${y}-${String(q * 3 + 1).padStart(2, '0')}-01`;
  await page.getByText(`统计期 ${qFrom} 至`, { exact: false }).waitFor();
  await page.getByText('本年', { exact: true }).click();
  await page.getByRole('button', { name: /收件总数：3件，点击查看明细/ }).waitFor();

  // the workbook
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: /导出 Excel/ }).click(),
  ]);
  expect(file.suggestedFilename()).toMatch(/^领导驾驶舱（东湖镇/);
});
