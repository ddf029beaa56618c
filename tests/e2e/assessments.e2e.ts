import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { insertCadres } from '../../src/server/modules/cadres/write-cadre.js';
import { makeOrg, makeUser } from '../support/factories.js';
import { readQr } from '../support/qr-read.js';
import { FakeClock } from '../support/test-app.js';
import { type E2E, fillLogin, startE2E } from './support/server.js';

const clock = new FakeClock(new Date('2026-03-02T01:00:00Z'));
let e: E2E;
beforeAll(async () => {
  e = await startE2E({ clock });
});
afterAll(async () => e?.close());

it('the organisation officer sets up a democratic evaluation, prints the codes, ten voters vote on phones, the tally shows', async () => {
  const town = await makeOrg(e.ctx, '大兴镇');
  await insertCadres(e.ctx.db, e.ctx, [{ orgId: town.id, name: '赵建设', status: 'active' }], 'manual');
  await makeUser(e.ctx, { orgId: town.id, roles: ['org_officer'], username: 'zuzhi1' });

  const { page } = await e.newPage();
  await fillLogin(page, e.baseUrl, 'zuzhi1', 'Jd!2026-test');
  await page.waitForURL(`${e.baseUrl}/`);
  await page.getByRole('menuitem', { name: '民主测评' }).click();
  await page.getByRole('button', { name: '组织民主测评' }).click();
  const drawer = page.getByRole('dialog');
  await drawer.getByLabel('测评名称').fill('赵建设 2025 年度民主测评');
  await drawer.getByLabel('测评对象', { exact: true }).fill('赵建设');
  await page.getByTitle(/赵建设/).click();
  await drawer.getByLabel('测评日期').fill('2026-03-02');
  await drawer.getByLabel('测评名称').click();
  await drawer.getByLabel('应参加测评人数').fill('10');
  await drawer.getByRole('button', { name: /创\s*建/ }).click();
  await page.waitForURL(/\/assessments\/evaluations\/\d+$/);

  // 10 codes as slips in a .docx
  const download = page.waitForEvent('download');
  await page.getByTestId('print-codes').click();
  const file = await download;
  const slips = unzipSync(new Uint8Array(readFileSync((await file.path())!)));
  const xml = strFromU8(slips['word/document.xml']);
  const codes = [
    ...xml.matchAll(
      /[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}/g,
    ),
  ].map((m) => m[0]);
  expect(new Set(codes).size).toBe(10);
  // each slip's QR code opens the voting page with its code
  const scanned = Object.keys(slips)
    .filter((f) => f.startsWith('word/media/'))
    .map((f) => readQr(Buffer.from(slips[f])));
  expect(scanned.sort()).toEqual(codes.map((c) => `${e.baseUrl}/portal/ballot?c=${c}`).sort());

  // ten voters, each on a 375-pixel phone, no account: three say 差 overall
  for (const [i, code] of codes.entries()) {
    const phone = await e.newPage({ mobile: true });
    await phone.page.goto(scanned.find((u) => u?.endsWith(code))!);
    await phone.page.getByRole('button', { name: '开始测评' }).click();
    for (const item of ['德', '能', '勤', '绩', '廉', '总体评价']) {
      const rating = item === '总体评价' && i < 3 ? '差' : '较好';
      await phone.page
        .getByRole('radiogroup', { name: `赵建设${item}` })
        .getByText(rating, { exact: true })
        .click();
    }
    await phone.page.getByRole('button', { name: '提交测评' }).click();
    await phone.page.getByTestId('ballot-done').waitFor();
    if (i === 0) {
      // the same code again: the neutral answer
      await phone.page.goto(`${e.baseUrl}/portal/ballot?c=${code}`);
      await phone.page.getByRole('button', { name: '开始测评' }).click();
      await phone.page.getByText('测评码无效或已使用').waitFor();
    }
    await phone.context.close();
  }

  await page.reload();
  await expect.poll(() => page.getByTestId('cast').textContent()).toBe('10');
  const tally = page.getByTestId('tally');
  await tally.getByText('“差” 30%').waitFor();
  await tally.getByText('达到诫勉谈话标准（30%）').waitFor();
  await page.getByTestId('close-evaluation').click();
  await page
    .getByRole('button', { name: /结\s*束/ })
    .last()
    .click();
  await page.getByText('已于 2026-03-02 结束').waitFor();
  await page.getByRole('link', { name: '查看谈话诫勉' }).waitFor();
}, 180_000);
