import { eq } from 'drizzle-orm';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { registerPetition } from '../../src/server/modules/petitions/workflow/register-petition.js';
import { totpCode } from '../../src/server/platform/auth/totp.js';
import { users } from '../../src/server/platform/users/schema.js';
import { makeOrg, makeUser } from '../support/factories.js';
import { type E2E, fillLogin, startE2E } from './support/server.js';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => e?.close());

const REPLY = '经初步核实，您反映的低保评定问题属实，已责令村委会重新评议并公示。';

/** The citizen's part, on a 375-pixel phone: an anonymous report; the receipt code is all they keep. */
async function reportAnonymously(page: Page): Promise<string> {
  await page.goto(`${e.baseUrl}/portal`);
  await page.getByRole('link', { name: /我要举报.*实名、匿名均可/ }).click();
  await page.getByLabel('受理乡镇').selectOption({ label: '大兴镇' });
  await page.getByText('匿名举报', { exact: true }).click();
  await page.getByLabel('标题').fill('反映村干部低保评定优亲厚友');
  await page.getByLabel('问题类别').selectOption({ label: '村务管理' });
  await page.getByLabel('反映内容').fill('东风村低保评定没有民主评议，村主任把名额给了自己的亲戚。');
  await page.getByLabel('被反映人1姓名').fill('钱有福');
  await page.getByText('安全校验已完成').waitFor({ timeout: 30_000 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await page.getByRole('button', { name: '提交', exact: true }).click();
  await page.getByRole('heading', { name: '提交成功' }).waitFor();
  return (await page.getByLabel('查询码').textContent())!.trim();
}

/** A button's name: antd puts a space between the two characters of a two-character label. */
const named = (text: string) => new RegExp(`^${[...text].join('\\s*')}$`);

/** One workflow step on the 办理 tab: its button, its form, its confirmation. */
async function step(page: Page, button: string, fill?: (dialog: Locator) => Promise<unknown>) {
  await page.getByRole('tab', { name: '办理' }).click();
  await page.getByRole('button', { name: named(button) }).click();
  const dialog = page.getByRole('dialog');
  await fill?.(dialog);
  await dialog.getByRole('button', { name: named(`确认${button}`) }).click();
  await page.getByText('已保存').last().waitFor();
  await dialog.waitFor({ state: 'hidden' });
}

it('a citizen reports anonymously on a phone, the discipline officer handles it to its end, the citizen reads the reply by the code; a real-name reporter is shown only on a reason', async () => {
  const district = await makeOrg(e.ctx, '新城区', null, 'district');
  const town = await makeOrg(e.ctx, '大兴镇', district.id);
  const officer = await makeUser(e.ctx, {
    orgId: town.id,
    roles: ['discipline_officer'],
    username: 'daxing_jw',
  });
  await e.ctx.db.update(users).set({ displayName: '刘强' }).where(eq(users.id, officer.id));
  const secretary = await makeUser(e.ctx, {
    orgId: town.id,
    roles: ['party_secretary'],
    username: 'daxing_sj',
  });
  await e.ctx.db.update(users).set({ displayName: '王书记' }).where(eq(users.id, secretary.id));

  const phone = await e.newPage({ mobile: true });
  const code = await reportAnonymously(phone.page);
  expect(code).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){3}[0-9A-HJKMNP-TV-Z]{4}$/);

  // the discipline officer signs in on a desktop, enrolling the second factor the role requires
  const { page } = await e.newPage();
  await fillLogin(page, e.baseUrl, 'daxing_jw', 'Jd!2026-test');
  await page.getByRole('button', { name: '生成两步验证密钥' }).click();
  const secret = (await page.getByTestId('totp-secret').textContent())?.trim() ?? '';
  await page.getByPlaceholder('输入验证器显示的 6 位验证码').fill(totpCode(secret, new Date()));
  await page.getByRole('button', { name: '完成绑定' }).click();
  await page.waitForURL(`${e.baseUrl}/`);

  await page.getByRole('menuitem', { name: '信访举报' }).click();
  await page.getByRole('cell', { name: /反映村干部低保评定优亲厚友/ }).waitFor();
  await page.getByRole('link', { name: /XF\d{4}-0001/ }).click();
  await page.waitForURL(/\/petitions\/\d+$/);
  await page.getByText('匿名', { exact: true }).waitFor();
  await expect.poll(() => page.getByRole('button', { name: '查看反映人信息' }).count()).toBe(0);

  await step(page, '受理');
  await step(page, '转调查核实', async (d) => {
    await d.getByText('初步核实', { exact: true }).click();
    await d.getByRole('combobox', { name: /调查人/ }).click();
    await d.getByRole('combobox', { name: /调查人/ }).fill('刘强');
    await page.getByTitle(/刘强（daxing_jw/).click();
  });
  await step(page, '录入调查报告', (d) =>
    d.getByLabel('调查报告').fill('经走访东风村村民代表和查阅评议记录，低保评定未经民主评议，反映属实。'),
  );
  await step(page, '添加处理意见', (d) =>
    d.getByLabel('处理意见').fill('建议责令东风村重新组织低保评议，对村主任钱有福进行批评教育。'),
  );
  await step(page, '提交处理意见');
  // four eyes: the officer who submitted holds petition.approve, yet the step is not theirs
  await page.getByText(/处理意见须由提交人以外的人员审批/).waitFor();
  await expect.poll(() => page.getByRole('button', { name: named('审批通过') }).count()).toBe(0);
  await page.screenshot({ path: '/tmp/petition-four-eyes.png' });
  const petitionUrl = page.url();

  // the party secretary approves, from the to-do list
  const boss = (await e.newPage()).page;
  await fillLogin(boss, e.baseUrl, 'daxing_sj', 'Jd!2026-test');
  await boss.waitForURL(`${e.baseUrl}/`);
  await boss.goto(`${e.baseUrl}/todos`);
  await boss.getByText(/审批信访件处理意见 DX-XF\d{4}-0001/).click();
  await boss.waitForURL(petitionUrl);
  await step(boss, '审批通过');
  await boss.getByText('已审批待回复', { exact: true }).first().waitFor();

  await page.reload();
  await step(page, '回复反映人', (d) => d.getByLabel('答复内容').fill(REPLY));
  await step(page, '办结');
  await page.getByText('已办结', { exact: true }).first().waitFor();
  await expect.poll(() => page.getByRole('button', { name: named('办结') }).count()).toBe(0);
  await page.getByRole('tab', { name: '流程记录' }).click();
  for (const a of ['受理', '转调查核实', '录入调查报告', '提交处理意见', '审批通过', '回复反映人', '办结'])
    await page.getByText(a, { exact: true }).first().waitFor();

  // back on the phone, the code alone shows the outcome and the reply — not the internal opinion
  await phone.page.getByRole('link', { name: '去查询进度' }).click();
  await phone.page.getByLabel('查询码').fill(code);
  await phone.page.getByRole('button', { name: '查询', exact: true }).click();
  await phone.page.getByText('已办结').first().waitFor();
  await phone.page.getByText(REPLY).waitFor();
  await expect.poll(() => phone.page.getByText('批评教育').count()).toBe(0);
  await expect.poll(() => phone.page.getByText('刘强').count()).toBe(0);
  expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

  // a real-name letter: the officer sees who reported only on a stated reason, and not after closing
  const letter = await e.ctx.db.transaction((tx) =>
    registerPetition(tx, e.ctx, null, {
      orgId: town.id,
      channel: 'letter',
      receivedOn: '2026-01-05',
      realName: true,
      reporter: { name: '闻人砚秋', phone: '13907310842' },
      title: '反映村务公开不及时',
      content: '东风村村务公开栏半年未更新。',
    }),
  );
  await page.goto(`${e.baseUrl}/petitions/${letter.id}`);
  await page.getByText('实名', { exact: true }).waitFor();
  await expect.poll(() => page.getByText('闻人砚秋').count()).toBe(0);
  await page.getByRole('button', { name: '查看反映人信息' }).click();
  const ask = page.getByRole('dialog', { name: '查看反映人信息', exact: true });
  await ask.getByLabel('查看事由').fill('核对');
  await ask.getByRole('button', { name: named('查看') }).click();
  await ask.getByText('至少 4 个字').waitFor();
  await ask.getByLabel('查看事由').fill('向实名反映人反馈办理结果');
  await ask.getByRole('button', { name: named('查看') }).click();
  const shown = page.getByRole('dialog', { name: '反映人信息', exact: true });
  await shown.getByTestId('reporter-identity').getByText('闻人砚秋').waitFor();
  await shown.getByText('13907310842').waitFor();
  await shown.getByText(/查看已记录/).waitFor();
  await shown
    .locator('.ant-modal-footer')
    .getByRole('button', { name: named('关闭') })
    .click();
  await shown.waitFor({ state: 'hidden' });
  await expect.poll(() => page.getByText('闻人砚秋').count()).toBe(0);
  expect(await page.content()).not.toContain('13907310842');
});
