import { afterAll, beforeAll, it } from 'vitest';
import { createDisclosure } from '../../src/server/modules/openness/create-disclosure.js';
import { disclosureItemTypes } from '../../src/server/modules/openness/schema.js';
import type { Actor } from '../../src/server/platform/access/actor.js';
import { makeOrg, makeUser } from '../support/factories.js';
import { type E2E, fillLogin, startE2E } from './support/server.js';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => e?.close());

it('the committee returns the village finances with a reason, the head resubmits, the committee approves and the head publishes with its 索引号', async () => {
  const district = await makeOrg(e.ctx, '新城区', null, 'district');
  const town = await makeOrg(e.ctx, '大兴镇', district.id);
  const village = await makeOrg(e.ctx, '东风村', town.id, 'village');
  const head = await makeUser(e.ctx, {
    orgId: village.id,
    roles: ['unit_head'],
    username: 'cunzhang_o',
    dataScope: 'org',
  });
  await makeUser(e.ctx, {
    orgId: village.id,
    roles: ['village_supervisor'],
    username: 'jianwei_o',
    dataScope: 'org',
  });
  const types = await e.ctx.db.select().from(disclosureItemTypes);
  const finance = types.find((t) => t.name === '村级财务收支')!;
  const actor: Actor = {
    userId: head.id,
    username: head.username,
    displayName: head.displayName,
    orgId: village.id,
    orgPath: village.path,
    dataScope: 'org',
    cadreId: null,
    roles: ['unit_head'],
    permissions: new Set(['disclosure.read', 'disclosure.draft']),
    sessionId: '',
    pending: null,
    ip: null,
  };
  const d = await createDisclosure({
    ctx: e.ctx,
    actor,
    input: {
      orgId: village.id,
      itemTypeId: finance.id,
      period: '2026-02',
      title: '东风村2026年2月财务收支公开',
      body: '现将本村2026年2月财务收支情况公开如下。',
      finance: {
        lines: [
          { kind: 'income', item: '上级转移支付', amount: 50000 },
          { kind: 'expense', item: '办公费', amount: 350.55 },
        ],
        totalIncome: 50000,
        totalExpense: 350.55,
        balance: 49649.45,
      },
      issuingBody: '东风村村民委员会',
    },
  });

  const headPage = await e.newPage();
  let page = headPage.page;
  await fillLogin(page, e.baseUrl, 'cunzhang_o', 'Jd!2026-test');
  await page.waitForURL(`${e.baseUrl}/`);
  await page.goto(`${e.baseUrl}/openness/disclosures/${d.id}`);
  await page.getByText('49649.45').waitFor();
  await page.getByRole('button', { name: '提交监委会审核' }).click();
  await page.getByText('待监委会审核').first().waitFor();

  const committee = await e.newPage();
  page = committee.page;
  await fillLogin(page, e.baseUrl, 'jianwei_o', 'Jd!2026-test');
  await page.waitForURL(`${e.baseUrl}/`);
  await page.getByRole('menuitem', { name: '村务公开审核' }).click();
  await page.getByRole('link', { name: '东风村2026年2月财务收支公开' }).click();
  await page.getByRole('button', { name: /退\s*回/ }).click();
  await page.getByRole('button', { name: /确\s*定|OK/ }).click();
  await page.getByText('请填写理由').waitFor();
  await page.getByRole('textbox', { name: '理由' }).fill('办公费缺少票据说明');
  await page.getByRole('button', { name: /确\s*定|OK/ }).click();
  await page.getByText('监委会退回：办公费缺少票据说明').waitFor();

  page = headPage.page;
  await page.reload();
  await page.getByText('监委会退回：办公费缺少票据说明').waitFor();
  await page.getByRole('button', { name: '提交监委会审核' }).click();
  await page.getByText('待监委会审核').first().waitFor();

  page = committee.page;
  await page.reload();
  await page.getByRole('button', { name: '审核通过' }).click();
  await page.getByText('监委会已审核').first().waitFor();

  page = headPage.page;
  await page.reload();
  await page
    .getByRole('button', { name: /公\s*开/ })
    .first()
    .click();
  await page.getByRole('button', { name: /确\s*定|OK/ }).click();
  await page.getByText(`DX${String(village.id).padStart(4, '0')}-2026-00001`).waitFor();
  await page.getByText('监委会退回').first().waitFor();
});
