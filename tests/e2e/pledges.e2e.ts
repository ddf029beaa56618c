import { afterAll, beforeAll, it } from 'vitest';
import { tenures } from '../../src/server/modules/cadres/schema.js';
import { insertCadres } from '../../src/server/modules/cadres/write-cadre.js';
import { makeOrg, makeUser } from '../support/factories.js';
import { FakeClock } from '../support/test-app.js';
import { type E2E, fillLogin, startE2E } from './support/server.js';

const clock = new FakeClock(new Date('2026-03-02T01:00:00Z'));
let e: E2E;
beforeAll(async () => {
  e = await startE2E({ clock });
});
afterAll(async () => e?.close());

const pickDay = async (
  _page: import('playwright-core').Page,
  locator: ReturnType<import('playwright-core').Page['getByLabel']>,
  day: string,
) => {
  await locator.click();
  await locator.fill(day);
  await locator.press('Enter');
};

it('the officer registers a village secretary’s pledge; the cadre enters progress; 述诺 and a failed 评诺 propose an admonition; the village’s 兑现率 shows', async () => {
  const town = await makeOrg(e.ctx, '大兴镇');
  const village = await makeOrg(e.ctx, '东风村', town.id, 'village');
  const [cadreId] = await insertCadres(
    e.ctx.db,
    e.ctx,
    [{ orgId: village.id, name: '李东风', status: 'active' }],
    'manual',
  );
  await e.ctx.db.insert(tenures).values({
    cadreId,
    orgId: village.id,
    title: '东风村党支部书记',
    level: 'village',
    startDate: '2024-01-01',
  });
  await makeUser(e.ctx, { orgId: town.id, roles: ['org_officer'], username: 'zuzhi_pl' });
  await makeUser(e.ctx, {
    orgId: village.id,
    roles: ['cadre'],
    username: 'cunganbu_pl',
    dataScope: 'self',
    cadreId,
  });

  const officer = await e.newPage();
  let page = officer.page;
  await fillLogin(page, e.baseUrl, 'zuzhi_pl', 'Jd!2026-test');
  await page.waitForURL(`${e.baseUrl}/`);
  await page.getByRole('menuitem', { name: '任期承诺' }).click();
  await page.getByText('还没有任期承诺').waitFor();
  await page.getByRole('button', { name: '登记任期承诺' }).click();
  const drawer = page.getByRole('dialog');
  await drawer.getByLabel('村干部及职务').click();
  await page.getByTitle(/李东风/).click();
  await drawer.getByLabel('承诺标题').fill('2024—2026 年任期承诺');
  await pickDay(page, drawer.getByLabel('承诺日期'), '2024-03-01');
  await drawer.getByPlaceholder('承诺事项').fill('村道硬化');
  await drawer.getByPlaceholder('可衡量的目标').fill('硬化村道 3 公里');
  await pickDay(page, drawer.getByPlaceholder('完成期限'), '2025-12-31');
  await drawer.getByRole('button', { name: /保\s*存/ }).click();
  await page.waitForURL(/\/pledges\/\d+$/);
  await page.getByText('硬化村道 3 公里').waitFor();
  const url = page.url();

  // the cadre enters their own progress: 100%
  const cadre = await e.newPage();
  page = cadre.page;
  await fillLogin(page, e.baseUrl, 'cunganbu_pl', 'Jd!2026-test');
  await page.waitForURL(`${e.baseUrl}/`);
  await page.getByRole('menuitem', { name: '我的任期承诺' }).click();
  await page.getByRole('link', { name: '2024—2026 年任期承诺' }).click();
  await page.getByRole('button', { name: '录入践诺进度' }).click();
  const modal = page.getByRole('dialog');
  await modal.getByLabel('承诺事项').click();
  await page.getByTitle(/村道硬化/).click();
  // the browser's own clock is not the server's: the days are entered
  await pickDay(page, modal.getByLabel('日期'), '2026-02-20');
  await modal.getByLabel('完成进度（%）').fill('100');
  await modal.getByLabel('佐证材料').fill('镇交通办验收单 2026-01');
  await modal.getByRole('button', { name: /确\s*定|OK/ }).click();
  await modal.waitFor({ state: 'hidden' });
  await page.getByRole('cell', { name: '镇交通办验收单 2026-01' }).waitFor();
  await page.getByText('100%（已兑现 1 / 应兑现 1 项）').waitFor();

  // 述诺 and 评诺 by the officer: 3 of 10 不满意 reaches 30%
  page = officer.page;
  await page.goto(url);
  await page.getByRole('button', { name: '录入述诺' }).click();
  await pickDay(page, page.getByLabel('述诺日期'), '2026-02-25');
  await page.getByLabel('述诺报告').fill('任期内完成村道硬化 3 公里。');
  await page.getByRole('button', { name: /保\s*存/ }).click();
  await page.getByText('任期内完成村道硬化 3 公里。').waitFor();
  await pickDay(page, page.getByLabel('评诺日期'), '2026-02-28');
  await page.getByLabel('满意', { exact: true }).fill('5');
  await page.getByLabel('基本满意').fill('2');
  await page.getByLabel('不满意').fill('3');
  await page.getByRole('button', { name: '保存评诺结果' }).click();
  await page.getByText('达到诫勉谈话标准').first().waitFor();
  await page.getByRole('link', { name: '查看由此启动的诫勉谈话' }).waitFor();

  await page.getByRole('menuitem', { name: '任期承诺' }).click();
  await page.getByRole('cell', { name: '东风村' }).first().waitFor();
  await page.getByRole('cell', { name: '100%' }).first().waitFor();
});
