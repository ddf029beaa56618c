import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { petitionAttachments } from '../../src/server/modules/petitions/schema.js';
import { totpCode } from '../../src/server/platform/auth/totp.js';
import { checkFile, keepFile } from '../../src/server/platform/files/store.js';
import { makeOrg, makeUser } from '../support/factories.js';
import { type E2E, fillLogin, startE2E } from './support/server.js';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
  const district = await makeOrg(e.ctx, '新城区', null, 'district');
  await makeUser(e.ctx, { orgId: district.id, roles: ['sys_admin'], username: 'sysadmin', dataScope: 'all' });
  await makeUser(e.ctx, {
    orgId: district.id,
    roles: ['audit_admin'],
    username: 'auditor',
    dataScope: 'all',
  });
  // an attachment, as an officer's upload leaves it: the backup carries its file
  const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(3000, 0x20)]);
  const f = await keepFile(e.ctx, checkFile(pdf, '来信.pdf', ['pdf']));
  const { fileName, contentType, size, sha256, storageKey } = f;
  await e.ctx.db
    .insert(petitionAttachments)
    .values({ petitionId: 1, fileName, contentType, size, sha256, storageKey });
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

it('the system administrator backs up the running system and sees it verified, but cannot take the cases home', async () => {
  const { page, context } = await e.newPage();
  await signInWithTotp(page, 'sysadmin');
  await page.getByRole('menuitem', { name: '数据备份' }).click();
  await page.getByText('还没有备份').waitFor();
  await page.getByText('每天凌晨 2 点自动备份并校验').waitFor();
  await page.getByRole('button', { name: '立即备份' }).click();
  // the request answers at once; the page shows the backup's progress while the worker runs
  await page.getByTestId('backup-progress').waitFor();
  await page.screenshot({ path: '/tmp/jiandu-backup-progress.png', fullPage: true });
  await page.getByText('备份完成并校验通过', { exact: false }).waitFor({ timeout: 60_000 });
  await page.getByTestId('backup-progress').waitFor({ state: 'detached' });
  const row = page.locator('.ant-table-row').first();
  await row.getByText('校验通过').waitFor();
  await row.getByText('手动').waitFor();
  await row.getByText('1 个（3 KB）').waitFor(); // the uploaded file a row refers to
  await page.getByText('每份备份含数据库的全部数据和记录引用的全部上传附件').waitFor();
  await page.screenshot({ path: '/tmp/jiandu-backups.png', fullPage: true });
  await row.getByText(/^jiandu-\d{8}T\d{6}Z-manual\.jsonl\.gz$/).waitFor();
  expect(await page.getByRole('button', { name: '下载' }).count()).toBe(0);
  await page.getByText('备份含全部案件内容，不能通过网页下载', { exact: false }).waitFor();
  await context.close();
}, 180_000);

it('the audit administrator’s chain check reports the anchors it compared', async () => {
  const { page, context } = await e.newPage();
  await signInWithTotp(page, 'auditor');
  await page.getByRole('menuitem', { name: '审计日志' }).click();
  await page.getByRole('button', { name: '校验哈希链' }).click();
  await page.getByText('哈希链完整').waitFor();
  await page.getByText(/与 1 个审计锚点一致/).waitFor();
  await page.screenshot({ path: '/tmp/jiandu-verify.png', fullPage: true });
  await context.close();
}, 120_000);
