import { desc } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { petitions } from '../../src/server/modules/petitions/schema.js';
import { makeOrg } from '../support/factories.js';
import { advance, toConcluded } from '../support/portal-helpers.js';
import { type E2E, startE2E } from './support/server.js';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => e?.close());

it('on a 375-pixel phone, a citizen reports anonymously, saves the code, looks the case up, reads the reply and rates it', async () => {
  const district = await makeOrg(e.ctx, '清江区', null, 'district');
  await makeOrg(e.ctx, '东湖镇', district.id);
  await makeOrg(e.ctx, '西岭镇', district.id);
  const { page, context } = await e.newPage({ mobile: true });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: e.baseUrl });
  const problems: string[] = [];
  // CSP refusals and script errors show here; the empty form's 400 and the wrong code's 404 below are expected
  page.on(
    'console',
    (m) => m.type() === 'error' && !/status of (404|400)/.test(m.text()) && problems.push(m.text()),
  );
  page.on('pageerror', (err) => problems.push(err.message));

  await page.goto(`${e.baseUrl}/portal`);
  await page.getByRole('heading', { name: '网上信访举报' }).waitFor();
  await page.getByRole('link', { name: /我要举报.*实名、匿名均可/ }).click();
  await page.waitForURL(`${e.baseUrl}/portal/report`);

  await page.getByLabel('受理乡镇').selectOption({ label: '东湖镇' });
  await page.getByText('匿名举报', { exact: true }).click();
  await page.getByText('匿名举报不需要填写任何个人信息').waitFor();
  // sent empty: each field says what is missing; fixing a field takes its message away at once
  await page.getByRole('button', { name: '提交', exact: true }).click();
  const errorOf = (label: string) =>
    page.locator('.field', { has: page.getByLabel(label) }).locator('.error');
  await errorOf('标题').waitFor();
  await errorOf('反映内容').waitFor();
  await page.getByLabel('标题').fill('反映村干部优亲厚友问题');
  await expect.poll(() => errorOf('标题').count()).toBe(0);
  expect(await errorOf('反映内容').count()).toBe(1);
  await page.getByLabel('问题类别').selectOption({ label: '村务管理' });
  await page
    .getByLabel('反映内容')
    .fill('东湖村村委会主任在低保评定中优亲厚友，把名额给了自己的亲戚，群众意见很大。');
  await page.getByLabel('被反映人1姓名').fill('赵有才');
  await page.getByLabel('被反映人1单位及职务').fill('东湖村村委会主任');
  await page.getByLabel('选择附件').setInputFiles({
    name: '现场照片.jpg',
    mimeType: 'image/jpeg',
    buffer: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('photo')]),
  });
  await page.getByText(/现场照片\.jpg（1 KB）/).waitFor();
  await page.getByText('安全校验已完成').waitFor({ timeout: 30_000 }); // the worker ran under the CSP
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await page.getByRole('button', { name: '提交', exact: true }).click();

  await page.getByRole('heading', { name: '提交成功' }).waitFor();
  await page.getByText('请务必抄写或截图保存查询码，它只显示这一次，丢失后无法找回').waitFor();
  const code = (await page.getByLabel('查询码').textContent())!.trim();
  expect(code).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){3}[0-9A-HJKMNP-TV-Z]{4}$/);
  expect(page.url()).not.toContain(code);
  await page.getByRole('button', { name: '复制查询码' }).click();
  await page.getByRole('button', { name: '已复制' }).waitFor();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code);
  const [row] = await e.ctx.db.select().from(petitions).orderBy(desc(petitions.id)).limit(1);
  expect(row).toMatchObject({ channel: 'online', realName: false, title: '反映村干部优亲厚友问题' });

  // look it up, typed loosely
  await page.getByRole('link', { name: '去查询进度' }).click();
  await page.getByLabel('查询码').fill('ZZZZ-ZZZZ-ZZZZ-ZZZZ');
  await page.getByRole('button', { name: '查询', exact: true }).click();
  await page.getByText('未找到该查询码对应的信访件').waitFor();
  await page.getByLabel('查询码').fill(code.toLowerCase().replaceAll('-', ''));
  await page.getByRole('button', { name: '查询', exact: true }).click();
  await page.getByText('已收到，等待受理').waitFor();
  await page.getByText('反映村干部优亲厚友问题').waitFor();

  // the officers handle it to its end; the citizen reads the reply and rates it
  await advance(e, row.id, toConcluded);
  await page.getByRole('button', { name: '查询其他查询码' }).click();
  await page.getByLabel('查询码').fill(code);
  await page.getByRole('button', { name: '查询', exact: true }).click();
  await page.getByText('已办结').first().waitFor();
  await page.getByText('经核查，您反映的问题部分属实，已责令整改。').waitFor();
  await expect.poll(() => page.getByText('内部处理意见').count()).toBe(0);
  await page.getByLabel('满意', { exact: true }).check({ force: true });
  await page.getByRole('button', { name: '提交评价' }).click();
  await page.getByText('您对办理结果的评价：★★★★☆').waitFor();
  await page.getByRole('heading', { name: '申请复查' }).waitFor();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  expect(problems).toEqual([]);
});
