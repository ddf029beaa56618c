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

it('a unit evaluation round is scored and ranked and the 末位 proposal appears', async () => {
  const town = await makeOrg(e.ctx, '大兴镇');
  const villages: { id: number; name: string }[] = [];
  for (const name of ['东风村', '红旗村', '柳湾村'])
    villages.push(await makeOrg(e.ctx, name, town.id, 'village'));
  const ids = await insertCadres(
    e.ctx.db,
    e.ctx,
    ['东书记', '红书记', '柳书记'].map((name, i) => ({
      orgId: villages[i].id,
      name,
      status: 'active' as const,
    })),
    'manual',
  );
  await e.ctx.db.insert(tenures).values(
    ids.map((cadreId, i) => ({
      cadreId,
      orgId: villages[i].id,
      title: `${villages[i].name}党支部书记`,
      level: 'village',
      isPrincipal: true,
      startDate: '2020-01-01',
    })),
  );
  await makeUser(e.ctx, { orgId: town.id, roles: ['org_officer'], username: 'zuzhi2' });

  const { page } = await e.newPage();
  await fillLogin(page, e.baseUrl, 'zuzhi2', 'Jd!2026-test');
  await page.waitForURL(`${e.baseUrl}/`);
  await page.getByRole('menuitem', { name: '单位考评排名' }).click();
  await page.getByRole('button', { name: '录入考评结果' }).click();
  const drawer = page.getByRole('dialog');
  await drawer.getByLabel('考评名称').fill('2026 年第一季度目标考评');
  await drawer.getByLabel('考评日期').fill('2026-03-01');
  await drawer.getByLabel('考评名称').click();
  await drawer.getByLabel('东风村得分').fill('92');
  await drawer.getByLabel('红旗村得分').fill('88');
  await drawer.getByLabel('柳湾村得分').fill('75');
  await drawer.getByLabel('柳湾村扣分').fill('5');
  await drawer.getByRole('button', { name: '排名并保存' }).click();
  await page.waitForURL(/\/assessments\/rounds\/\d+$/);
  const board = page.getByTestId('ranking-board');
  await board.getByText('末位').waitFor();
  const lastPlaces = page.getByTestId('last-places');
  await lastPlaces.getByText(/柳湾村：主要负责人 柳书记/).waitFor();
  await lastPlaces.getByRole('link', { name: '查看责任追究建议' }).click();
  await page.waitForURL(/\/accountability\/\d+$/);
  await page.getByText('目标考评排名末位：柳湾村').first().waitFor();

  // the quality structure of the township's force: three secretaries in post
  await page.getByRole('menuitem', { name: '干部素质结构' }).click();
  await page.getByTestId('structure-headline').getByText('大兴镇（2026-03-02）').waitFor();
  await page.getByText('任现职年限').waitFor();
}, 120_000);
