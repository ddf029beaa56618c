import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
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

it('the party secretary generates last year’s summary, rewords a paragraph, is refused a typed number, finalizes and downloads the .docx', async () => {
  const town = await makeOrg(e.ctx, '西湖镇');
  await makeUser(e.ctx, { orgId: town.id, roles: ['party_secretary'], username: 'shuji1' });
  const z = new Date().getFullYear() - 1;
  const t = { ctx: e.ctx } as TestApp;
  for (const [i, channel] of (['letter', 'letter', 'letter', 'visit'] as const).entries())
    await seedPetition(t, town.id, {
      code: `XF${z}-000${i + 1}`,
      channel,
      visitors: channel === 'visit' ? 4 : undefined,
      receivedOn: `${z}-03-0${i + 1}`,
      status: 'concluded',
      acceptedOn: `${z}-03-10`,
      disposal: 'close',
      opinions: [`【${z}-03-12】反映问题已解决，予以了结`],
      approvedOn: `${z}-03-14`,
      repliedOn: `${z}-03-16`,
      concludedOn: `${z}-03-18`,
    });

  const { page } = await e.newPage();
  await fillLogin(page, e.baseUrl, 'shuji1', 'Jd!2026-test');
  await page.waitForURL(`${e.baseUrl}/`);
  await page.getByRole('menuitem', { name: '年度工作总结' }).click();
  await page.getByRole('button', { name: /生成草稿/ }).click();
  await page.getByText(`西湖镇${z}年干部监督管理工作总结`, { exact: true }).waitFor();
  await page.getByText(`统计数据截至 ${z}-12-31`).waitFor();
  // the figures are chips: 3 letters, 4 visitors; the definition on hover
  const letters = page.locator('[data-figure="petitions.letter"]');
  await expect.poll(() => letters.textContent()).toBe('3');
  await expect.poll(() => page.locator('[data-figure="petitions.visitors"]').textContent()).toBe('4');
  await letters.hover();
  await page
    .getByRole('tooltip')
    .getByText(/收件中来源渠道为来信的件数/)
    .waitFor();

  // reword: a typed number is refused, naming the paragraph; a reworded sentence is saved
  await page.getByRole('button', { name: /修改“群众监督”措辞/ }).click();
  const box = page.getByLabel('段落措辞');
  const original = await box.inputValue();
  await box.fill(original.replace('{petitions.letter}', '5'));
  await page.getByRole('button', { name: /保\s*存/ }).click();
  await page.getByText(/段落“群众监督”/).waitFor();
  await box.fill(original.replace('全年我镇共收到', '一年来我镇共收到'));
  await page.getByRole('button', { name: /保\s*存/ }).click();
  await page.getByText('措辞已保存').waitFor();
  await page.getByText(/一年来我镇共收到群众来信/).waitFor();

  // finalize with confirmation, then download the filed .docx
  await page
    .getByRole('button', { name: /定\s*稿/ })
    .first()
    .click();
  await page.getByText('确认定稿？').waitFor();
  await page
    .getByRole('tooltip')
    .getByRole('button', { name: /定\s*稿/ })
    .click();
  await page.getByText('已定稿为第1版').waitFor();
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: /下载定稿/ }).click(),
  ]);
  expect(file.suggestedFilename()).toBe(`西湖镇${z}年干部监督管理工作总结（第1版）.docx`);
  const xml = strFromU8(unzipSync(new Uint8Array(readFileSync(await file.path())))['word/document.xml']);
  const text = xml.replace(/<[^>]+>/g, '');
  // no report, no assigned case: those clauses are left out rather than written as zeros
  expect(text).toContain('一年来我镇共收到群众来信3件，来访4人次，办结率100%，提出处理意见4条。');
  expect(text).not.toContain('[[');
  await page.getByText('第1版定稿').first().waitFor();
});
