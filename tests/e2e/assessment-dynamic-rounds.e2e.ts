import { afterAll, beforeAll, it } from 'vitest';
import { indicatorSystems } from '../../src/server/modules/assessments/schema.js';
import { makeOrg, makeUser } from '../support/factories.js';
import { FakeClock } from '../support/test-app.js';
import { type E2E, fillLogin, startE2E } from './support/server.js';

const clock = new FakeClock(new Date('2026-03-02T01:00:00Z'));
let e: E2E;
beforeAll(async () => {
  e = await startE2E({ clock });
});
afterAll(async () => e?.close());

it('a dynamic-assessment round is started, self-assessed by a unit, scored, published and reopened with a reason', async () => {
  const town = await makeOrg(e.ctx, '大兴镇');
  const east = await makeOrg(e.ctx, '东风村', town.id, 'village');
  await makeOrg(e.ctx, '红旗村', town.id, 'village');
  // 经发办 is an office of the township: it scores 经济发展 (its data) in 科室评分
  const jingfa = await makeOrg(e.ctx, '经发办', town.id, 'department');
  await e.ctx.db.insert(indicatorSystems).values({
    orgId: town.id,
    year: 2026,
    kind: 'village',
    version: 1,
    title: '村级动态考核指标',
    items: [
      { key: 'A', name: '党建工作', kind: 'score', weight: 60, maxPoints: 60, supplier: '党建办' },
      { key: 'B', name: '经济发展', kind: 'score', weight: 40, maxPoints: 40, supplier: '经发办' },
    ],
    bonusCap: 5,
    deductionCap: 10,
  });
  await makeUser(e.ctx, { orgId: town.id, roles: ['org_officer'], username: 'kaohe1' });
  await makeUser(e.ctx, { orgId: east.id, roles: ['unit_head'], username: 'dongfeng1' });
  await makeUser(e.ctx, { orgId: jingfa.id, roles: ['unit_head'], username: 'jingfa1' });

  const { page } = await e.newPage();
  await fillLogin(page, e.baseUrl, 'kaohe1', 'Jd!2026-test');
  await page.waitForURL(`${e.baseUrl}/`);
  await page.getByRole('menuitem', { name: /动态考核$/ }).click();
  await page.getByRole('button', { name: '发起动态考核' }).click();
  const drawer = page.getByRole('dialog');
  await drawer.getByLabel('指标体系').click();
  await page.getByTitle('村级动态考核指标（2026 年第 1 版）').click();
  await drawer.getByLabel('考核期').fill('2026Q1');
  await drawer.getByLabel('东风村').check();
  await drawer.getByLabel('红旗村').check();
  await drawer.getByLabel('单位自评截止日期').fill('2026-04-05');
  await drawer.getByLabel('科室评分截止日期').fill('2026-04-10');
  await drawer.getByLabel('复核截止日期').fill('2026-04-15');
  await drawer.getByRole('button', { name: '发起考核' }).click();
  await page.waitForURL(/\/assessments\/dynamic-rounds\/\d+$/);
  const roundUrl = page.url();
  await page.getByTestId('round-stage').getByText('单位自评').waitFor();
  await page.getByTestId('unscored').getByText('东风村（2 项未评）').waitFor();

  // the village head self-assesses, seeing only the own village
  const head = (await e.newPage()).page;
  await fillLogin(head, e.baseUrl, 'dongfeng1', 'Jd!2026-test');
  await head.waitForURL(`${e.baseUrl}/`);
  await head.goto(roundUrl);
  await head.getByLabel('党建工作分值').fill('58');
  await head.getByLabel('党建工作证据').fill('党建台账');
  await head.getByLabel('经济发展分值').fill('38');
  await head.getByRole('button', { name: '保存评分' }).click();
  await head.getByText('已保存 东风村 的单位自评').waitFor();
  await head.getByRole('tab', { name: '红旗村' }).waitFor({ state: 'detached' });

  // the organisers score 党建工作, 经发办 scores 经济发展 (the organisers cannot), then review and publish
  await page.reload();
  await page.getByTestId('score-matrix').getByText('党建台账').waitFor();
  await page.getByRole('button', { name: '结束自评，进入科室评分' }).click();
  await page.getByTestId('round-stage').getByText('科室评分').waitFor();
  await page.getByLabel('党建工作分值').fill('50');
  await page.getByLabel('党建工作说明').fill('学习记录不全');
  await page.getByTestId('score-matrix').getByText('由经发办评分').waitFor();
  await page.getByRole('button', { name: '保存评分' }).click();
  await page.getByText('已保存 东风村 的科室评分').waitFor();
  const office = (await e.newPage()).page;
  await fillLogin(office, e.baseUrl, 'jingfa1', 'Jd!2026-test');
  await office.waitForURL(`${e.baseUrl}/`);
  await office.goto(roundUrl);
  await office.getByTestId('score-matrix').getByText('不由您评分').waitFor();
  await office.getByLabel('经济发展分值').fill('36');
  await office.getByRole('button', { name: '保存评分' }).click();
  await office.getByText('已保存 东风村 的科室评分').waitFor();
  await page.getByRole('button', { name: '提交复核' }).click();
  await page.getByText('还有单位未评分完毕（红旗村），不能进入复核').waitFor();
  await page.getByRole('tab', { name: '红旗村' }).click();
  await page.getByLabel('党建工作分值').fill('55');
  await page.getByRole('button', { name: '保存评分' }).click();
  await page.getByText('已保存 红旗村 的科室评分').waitFor();
  await office.getByRole('tab', { name: '红旗村' }).click();
  await office.getByLabel('经济发展分值').fill('39');
  await office.getByRole('button', { name: '保存评分' }).click();
  await office.getByText('已保存 红旗村 的科室评分').waitFor();
  await page.getByRole('button', { name: '提交复核' }).click();
  await page.getByTestId('round-stage').getByText('复核').waitFor();
  await page.getByRole('tab', { name: '东风村' }).click();
  await page.getByTestId('self-gaps').getByText('党建工作：自评 58，评定 50').waitFor();
  await page.getByRole('button', { name: '发布结果' }).click();
  await page.getByTestId('round-stage').getByText('已发布').waitFor();
  const results = page.getByTestId('round-results');
  await results.getByRole('row', { name: /红旗村 94/ }).waitFor();
  await results.getByRole('row', { name: /东风村 86/ }).waitFor();
  await page.getByText('考核已发布，只读').waitFor();

  await page.getByRole('button', { name: '重新打开' }).click();
  await page.getByLabel('重新打开的理由').fill('红旗村经济指标数据更正');
  await page.getByRole('dialog').getByRole('button', { name: '重新打开' }).click();
  await page.getByTestId('round-stage').getByText('复核').waitFor();
}, 150_000);
