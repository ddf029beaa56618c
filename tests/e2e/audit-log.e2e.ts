import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { chinaDate } from '../../src/domain/calendar.js';
import { insertCadres } from '../../src/server/modules/cadres/write-cadre.js';
import { registerPetition } from '../../src/server/modules/petitions/workflow/register-petition.js';
import { appendAudit } from '../../src/server/platform/audit/append.js';
import { totpCode } from '../../src/server/platform/auth/totp.js';
import { makeOrg, makeUser } from '../support/factories.js';
import { type E2E, fillLogin, startE2E } from './support/server.js';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => e?.close());

async function signInWithTotp(page: Page, username: string) {
  await fillLogin(page, e.baseUrl, username, 'Jd!2026-test');
  await page.getByRole('button', { name: '生成两步验证密钥' }).click();
  const secret = (await page.getByTestId('totp-secret').textContent())?.trim() ?? '';
  await page.getByPlaceholder('输入验证器显示的 6 位验证码').fill(totpCode(secret, new Date()));
  await page.getByRole('button', { name: '完成绑定' }).click();
  await page.waitForURL(`${e.baseUrl}/`);
}

it('the audit log names its objects (a petition by its number, a cadre by name) and roles by their Chinese names, never ids or codes', async () => {
  const district = await makeOrg(e.ctx, '新城区', null, 'district');
  const town = await makeOrg(e.ctx, '大兴镇', district.id);
  await makeUser(e.ctx, {
    orgId: district.id,
    roles: ['audit_admin'],
    username: 'auditor',
    dataScope: 'all',
  });
  const officer = await makeUser(e.ctx, {
    orgId: town.id,
    roles: ['discipline_officer'],
    username: 'jijian',
  });
  const [cadreId] = await insertCadres(
    e.ctx.db,
    e.ctx,
    [{ orgId: town.id, name: '周德明', status: 'active' }],
    'manual',
  );
  // a petition registered in the system: its registration is audited with the record's id
  const p = await e.ctx.db.transaction((tx) =>
    registerPetition(tx, e.ctx, null, {
      orgId: town.id,
      channel: 'letter',
      receivedOn: chinaDate(new Date()),
      realName: false,
      title: '反映干部违规吃喝',
      content: '某干部多次公款吃喝。',
      category: 'work_style',
      subjects: [],
    }),
  );
  // as the cadre form and the role assignment write them
  const at = new Date();
  await appendAudit(e.ctx.db, {
    at,
    userId: officer.id,
    username: 'jijian',
    orgId: town.id,
    action: 'cadre.update',
    objectType: 'cadre',
    objectId: cadreId,
  });
  await appendAudit(e.ctx.db, {
    at,
    action: 'role.assign',
    objectType: 'user',
    objectId: officer.id,
    detail: { added: ['discipline_officer'], removed: ['sys_admin'], endedSessions: 1 },
  });

  const { page, context } = await e.newPage();
  await signInWithTotp(page, 'auditor');
  await page.getByRole('menuitem', { name: '审计日志' }).click();

  const petitionRow = page.getByRole('row', { name: /登记信访件/ });
  await petitionRow.getByText(`信访件 ${p.code}`, { exact: true }).waitFor();
  expect(await petitionRow.getByText(`信访件 ${p.id}`, { exact: true }).count()).toBe(0);
  expect(await page.getByText('违规吃喝').count()).toBe(0); // a label, never the case's content
  const cadreRow = page.getByRole('row', { name: /修改干部信息/ });
  await cadreRow.getByText('干部 周德明', { exact: true }).waitFor();

  const roleRow = page.getByRole('row', { name: /分配角色/ });
  await roleRow.getByText(/^用户 测试用户\d+（jijian）$/).waitFor();
  await roleRow.getByRole('button', { name: /展开行|Expand row/ }).click();
  const detail = page.locator('.ant-descriptions');
  await detail.getByText('纪检委员', { exact: true }).waitFor();
  await detail.getByText('系统管理员', { exact: true }).waitFor();
  await detail.getByText('新增', { exact: true }).waitFor();
  expect(await page.getByText(/sys_admin|discipline_officer/).count()).toBe(0);
  await page.screenshot({ path: '/tmp/jiandu-audit-log.png', fullPage: true });
  await context.close();
}, 120_000);
