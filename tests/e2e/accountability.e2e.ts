import { afterAll, beforeAll, expect, it } from 'vitest';
import { addDays, chinaDate } from '../../src/domain/calendar.js';
import { periodClearsOn } from '../../src/domain/effect-period.js';
import { tenures } from '../../src/server/modules/cadres/schema.js';
import { insertCadres } from '../../src/server/modules/cadres/write-cadre.js';
import { makeOrg, makeUser } from '../support/factories.js';
import { type E2E, fillLogin, startE2E } from './support/server.js';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => e?.close());

it('an officer records a 工作失误 case with a 党纪警告, confirms it, and the cadre’s eligibility shows the block until its end', async () => {
  const district = await makeOrg(e.ctx, '新城区', null, 'district');
  const town = await makeOrg(e.ctx, '大兴镇', district.id);
  await makeUser(e.ctx, { orgId: town.id, roles: ['org_officer'], username: 'zuzhi_a' });
  const [cadreId] = await insertCadres(
    e.ctx.db,
    e.ctx,
    [{ orgId: town.id, name: '张三', status: 'active' }],
    'manual',
  );
  await e.ctx.db
    .insert(tenures)
    .values({ cadreId, orgId: town.id, title: '副镇长', level: 'fuke', startDate: '2020-01-01' });
  const decided = addDays(chinaDate(new Date()), -30);
  const clears = periodClearsOn(decided, 12, 'months');

  const { page } = await e.newPage();
  await fillLogin(page, e.baseUrl, 'zuzhi_a', 'Jd!2026-test');
  await page.waitForURL(`${e.baseUrl}/`);
  await page.getByRole('menuitem', { name: '责任追究' }).click();
  await page.getByText('还没有追究事项').waitFor();
  await page.getByRole('button', { name: '登记追究事项' }).click();
  const drawer = page.locator('.ant-drawer');
  // nothing filled: the form says what is missing
  await drawer.getByRole('button', { name: '保存为待确认' }).click();
  await drawer.getByText('请填写事由').waitFor();

  await drawer.getByLabel('工作失误类别').click();
  await page.getByTitle('计生工作失职').click();
  await drawer.getByText('处理档次（规则配置）').waitFor();
  await drawer.getByLabel('事由').fill('计划生育工作失职');
  await drawer.getByLabel('基本事实').fill('辖区计划生育工作疏于管理，未按要求落实各项措施。');
  await drawer.getByLabel('追究依据').fill('《工作失误追究制》第三条');
  await drawer.getByLabel('决定机关').fill('中共大兴镇纪律检查委员会');
  await drawer.getByLabel('决定日期').click();
  await drawer.getByLabel('决定日期').fill(decided);
  await drawer.getByLabel('决定日期').press('Enter');
  await drawer.getByLabel('干部').click();
  await drawer.getByLabel('干部').fill('张三');
  await page.getByTitle(/^张三（大兴镇/).click();
  await drawer.locator('.ant-select', { hasText: '处理种类' }).click();
  await page.keyboard.type('党内警告');
  await page.getByTitle('党内警告', { exact: true }).click();
  await drawer.getByRole('button', { name: '保存为待确认' }).click();

  // the detail page: a draft, then confirmed after the warning of what it means
  await page.waitForURL(/\/accountability\/\d+$/);
  await page.getByText('待确认').first().waitFor();
  await page.mouse.move(400, 600); // away from the header's account menu
  await page.getByRole('button', { name: '确认追究' }).click();
  await page.getByText('确认后追究事项生效').waitFor();
  await page.getByRole('button', { name: '确认，生效' }).click();
  await page.getByText('已生效').first().waitFor();
  await page.getByRole('cell', { name: clears }).waitFor();

  // the cadre's supervision file: the block, its rule and the day it clears; the record on the timeline
  await page.getByRole('link', { name: '张三' }).click();
  await page.waitForURL(/\/cadres\/\d+\/file$/);
  await page.getByText('提拔资格').first().waitFor();
  await page.getByText(`党内警告（${decided} 起）影响期 12 个月`).waitFor();
  await page.getByText(`解除日期：${clears}`).waitFor();
  await page.getByText('依据：党纪警告影响期').waitFor();
  expect(await page.getByText(/党内警告（工作失误：计划生育工作失职）/).count()).toBeGreaterThan(0);
});
