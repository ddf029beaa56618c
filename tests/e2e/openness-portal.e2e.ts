import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { tenures } from '../../src/server/modules/cadres/schema.js';
import { insertCadres } from '../../src/server/modules/cadres/write-cadre.js';
import { disclosureItemTypes, disclosures } from '../../src/server/modules/openness/schema.js';
import { pledgeItems, pledgeProgress, pledges } from '../../src/server/modules/pledges/schema.js';
import { makeOrg, makeUser } from '../support/factories.js';
import { FakeClock } from '../support/test-app.js';
import { type E2E, fillLogin, startE2E } from './support/server.js';

const clock = new FakeClock(new Date('2026-03-02T01:00:00Z'));
let e: E2E;
let village: { id: number };
beforeAll(async () => {
  e = await startE2E({ clock });
  const town = await makeOrg(e.ctx, '大兴镇');
  village = await makeOrg(e.ctx, '东风村', town.id, 'village');
  const [type] = await e.ctx.db
    .select({ id: disclosureItemTypes.id })
    .from(disclosureItemTypes)
    .where(eq(disclosureItemTypes.name, '村级财务收支'));
  await e.ctx.db.insert(disclosures).values({
    orgId: village.id,
    itemTypeId: type.id,
    period: '2026-02',
    title: '东风村2026年2月财务收支公开',
    body: '现将本村2026年2月财务收支情况公开如下。',
    finance: {
      lines: [
        { kind: 'income', item: '上级转移支付', amount: 50000 },
        { kind: 'expense', item: '办公费', amount: 350.5 },
      ],
      totalIncome: 50000,
      totalExpense: 350.5,
      balance: 49649.5,
    },
    issuingBody: '东风村村民委员会',
    indexNo: 'DF-2026-00001',
    issuedOn: '2026-03-01',
    status: 'published',
    publishedOn: '2026-03-01',
  });
  await makeUser(e.ctx, {
    orgId: village.id,
    roles: ['unit_head'],
    username: 'cunzhuren_op',
    dataScope: 'org',
  });
  // a village secretary's pledge, half of it done
  const [cadreId] = await insertCadres(
    e.ctx.db,
    e.ctx,
    [{ orgId: village.id, name: '李东风', status: 'active' }],
    'manual',
  );
  const [tenure] = await e.ctx.db
    .insert(tenures)
    .values({
      cadreId,
      orgId: village.id,
      title: '东风村党支部书记',
      level: 'village',
      startDate: '2024-01-01',
    })
    .returning({ id: tenures.id });
  const [pledge] = await e.ctx.db
    .insert(pledges)
    .values({
      orgId: village.id,
      cadreId,
      tenureId: tenure.id,
      title: '2024—2026 年任期承诺',
      pledgedOn: '2024-03-01',
    })
    .returning({ id: pledges.id });
  const items = await e.ctx.db
    .insert(pledgeItems)
    .values([
      { pledgeId: pledge.id, sort: 1, title: '村道硬化', target: '硬化村道 3 公里', dueOn: '2025-12-31' },
      { pledgeId: pledge.id, sort: 2, title: '自来水入户', target: '入户率 100%', dueOn: '2026-12-31' },
    ])
    .returning({ id: pledgeItems.id });
  await e.ctx.db.insert(pledgeProgress).values({
    pledgeId: pledge.id,
    itemId: items[0].id,
    reportedOn: '2025-11-20',
    percent: 100,
    evidence: '验收单',
  });
});
afterAll(async () => e?.close());

it('on a 375-pixel phone a villager reaches the board through its QR link, objects to the finances and reads the unit’s answer; the pledge board shows progress and 兑现率', async () => {
  const { page } = await e.newPage({ mobile: true });
  const problems: string[] = [];
  page.on('pageerror', (err) => problems.push(err.message));

  // the physical board's QR code opens the unit's page
  await page.goto(`${e.baseUrl}/portal/open/units/${village.id}`);
  await page.getByRole('heading', { name: '大兴镇 · 东风村村务公开栏' }).waitFor();
  await page.getByRole('heading', { name: '村级财务收支' }).waitFor();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await page.getByRole('link', { name: '东风村2026年2月财务收支公开' }).click();
  await page.getByText('DF-2026-00001').waitFor();
  await page.getByRole('cell', { name: '49,649.50' }).waitFor();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

  await page.getByRole('button', { name: '我对此有异议' }).click();
  await page.getByLabel('异议内容').fill('办公费 350.5 元是什么开支？请公开明细。');
  await page.getByText('安全校验已完成').waitFor({ timeout: 30_000 });
  await page.getByRole('button', { name: '提交异议' }).click();
  await page.getByText('异议已提交').waitFor();
  const code = (await page.locator('.code').textContent())!.trim();
  expect(code).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){3}[0-9A-HJKMNP-TV-Z]{4}$/);

  // the unit answers in the back office
  const admin = await e.newPage();
  await fillLogin(admin.page, e.baseUrl, 'cunzhuren_op', 'Jd!2026-test');
  await admin.page.waitForURL(`${e.baseUrl}/`);
  await admin.page.goto(`${e.baseUrl}/openness/objections`);
  await admin.page.getByText('办公费 350.5 元是什么开支？请公开明细。').waitFor();
  await admin.page.getByText('待答复').waitFor();
  await admin.page.getByRole('button', { name: /答\s*复/ }).click();
  await admin.page.getByLabel('答复内容').fill('为村委会打印机维修及纸张费用，票据可到村委会查阅。');
  await admin.page.getByRole('button', { name: '提交答复' }).click();
  await admin.page.getByText('已按时答复').waitFor();

  // the villager reads it with the code
  await page.goto(`${e.baseUrl}/portal/open/objection`);
  await page.getByLabel('查询码').fill(code.toLowerCase());
  await page.getByRole('button', { name: '查询', exact: true }).click();
  await page.getByText(/答复：为村委会打印机维修及纸张费用/).waitFor();

  // the village's pledge board
  await page.goto(`${e.baseUrl}/portal/open/units/${village.id}`);
  await page.getByRole('link', { name: /村干部任期承诺/ }).click();
  await page.getByRole('heading', { name: '东风村村干部任期承诺' }).waitFor();
  await page.getByText('到期承诺事项 1 项，已兑现 1 项，兑现率 100%').waitFor();
  await page.getByText(/总体进度.*50%/).waitFor();
  // following it: a code, and an SMS to the phone at the next entry
  await page.getByRole('button', { name: '关注此承诺' }).click();
  await page.getByLabel('手机号码').fill('13900002222');
  await page.getByRole('button', { name: '关注', exact: true }).click({ timeout: 30_000 });
  await page.getByText('已关注').waitFor();
  await page.getByText('该承诺有新进展时，将以短信通知您。').waitFor();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  expect(problems).toEqual([]);
});
