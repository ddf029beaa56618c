import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addDays, chinaDate } from '../../src/domain/calendar.js';
import { insertCadres } from '../../src/server/modules/cadres/write-cadre.js';
import { registerPetition } from '../../src/server/modules/petitions/workflow/register-petition.js';
import { recusals, rolePermissions, roles } from '../../src/server/platform/users/schema.js';
import { badCheckDigit, idNumberFor } from '../support/cadre-helpers.js';
import { makeOrg, makeUser } from '../support/factories.js';
import { seedPetition } from '../support/petition-stats-world.js';
import type { TestApp } from '../support/test-app.js';
import { type E2E, fillLogin, startE2E } from './support/server.js';

/** antd puts a space between the two characters of a two-character button label. */
const label = (text: string) => new RegExp(`(^|\\s)${[...text].join('\\s*')}$`);

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => e?.close());

it('an officer registers a visit naming a registry cadre with its scanned letter, finds it by 作风, its number and the cadre, accepts it, sees the step on the timeline and prints the 登记表', async () => {
  const town = await makeOrg(e.ctx, '东湖镇');
  await insertCadres(e.ctx.db, e.ctx, [{ orgId: town.id, name: '王建军', status: 'active' }], 'manual');
  // a registering clerk without a second factor, to keep the browser journey short
  const [role] = await e.ctx.db
    .insert(roles)
    .values({ code: 'petition_desk', name: '信访登记处理员', mfaRequired: false })
    .returning();
  const perms = [
    'petition.read',
    'petition.register',
    'petition.handle',
    'cadre.read',
    'org.read',
    'dict.read',
    'todo.read',
    'user.read',
  ];
  await e.ctx.db.insert(rolePermissions).values(perms.map((permission) => ({ roleId: role.id, permission })));
  await makeUser(e.ctx, { orgId: town.id, roles: ['petition_desk'], username: 'xinfang1' });

  const { page } = await e.newPage();
  await fillLogin(page, e.baseUrl, 'xinfang1', 'Jd!2026-test');
  await page.waitForURL(`${e.baseUrl}/`);
  await page.getByRole('menuitem', { name: '信访举报' }).click();
  await page.getByText('还没有信访件').waitFor();

  await page.getByRole('button', { name: label('登记') }).click();
  const drawer = page.getByRole('dialog');
  await drawer.getByLabel('来源渠道').click();
  await page.getByTitle('来访').click();
  await drawer.getByLabel('来访人数').fill('3');
  await drawer.getByLabel('反映事由').fill('反映干部作风问题');
  await drawer.getByLabel('反映内容').fill('村干部办事推诿，作风粗暴。');
  await drawer.getByRole('button', { name: '添加被反映人' }).click();
  await drawer.getByRole('combobox').last().fill('王建');
  await page.getByTitle(/王建军（东湖镇/).click();
  await drawer.getByLabel('联系电话（可不填）').fill('13800001111');
  // the visitor's written material, attached while registering
  await drawer.locator('input[type=file]').setInputFiles({
    name: '来访材料.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.7\n来访人提交的书面材料\n%%EOF'),
  });
  await drawer.getByText('来访材料.pdf').waitFor();
  await page.screenshot({ path: '/tmp/petition-register-attachments.png' });
  await drawer.getByRole('button', { name: label('登记') }).click();
  await page.waitForURL(/\/petitions\/\d+$/);
  // 东湖镇's own prefix: its numbers stay apart from every other township's
  const code = (await page
    .getByText(/^DH-XF\d{4}-0001$/)
    .first()
    .textContent())!.trim();
  await page.getByText('王建军（东湖镇）').waitFor();
  await expect.poll(() => page.getByText('13800001111').count()).toBe(0);
  await page.getByRole('tab', { name: '附件（1）' }).click();
  await page.getByRole('cell', { name: /来访材料\.pdf/ }).waitFor();
  await page.getByRole('tab', { name: '办理' }).click();

  await page.getByRole('button', { name: label('受理') }).click();
  await page.getByRole('button', { name: '确认受理' }).click();
  await page.getByText('已受理', { exact: true }).first().waitFor();
  await page.getByRole('tab', { name: '流程记录' }).click();
  await page.getByText('登记', { exact: true }).waitFor();

  // the 登记表 as .docx, the reporter's contact left sealed
  await page.getByRole('button', { name: /打印文书/ }).hover();
  await page.getByRole('menuitem', { name: '信访举报登记表' }).waitFor();
  await page.screenshot({ path: '/tmp/petition-print-menu.png' });
  const [doc] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('menuitem', { name: '信访举报登记表' }).click(),
  ]);
  expect(doc.suggestedFilename()).toBe(`信访举报登记表-${code}.docx`);
  const xml = strFromU8(unzipSync(new Uint8Array(readFileSync(await doc.path())))['word/document.xml']);
  expect(xml).toContain('反映干部作风问题');
  expect(xml).not.toContain('13800001111');

  await page.getByRole('button', { name: '信访举报' }).click();
  await page.getByLabel('搜索信访件').fill('作风');
  await page.getByLabel('搜索信访件').press('Enter');
  await page.getByRole('cell', { name: /反映干部作风问题/ }).waitFor();
  await page.getByText('“作风”的搜索结果，按收件日期由近及远排列').waitFor();
  await page.getByText('来访（3人）').waitFor();
  for (const q of [code, '王建军']) {
    await page.getByLabel('搜索信访件').fill(q);
    await page.getByLabel('搜索信访件').press('Enter');
    await page.getByText(`“${q}”的搜索结果，按收件日期由近及远排列`).waitFor();
    await page.getByRole('cell', { name: /反映干部作风问题/ }).waitFor();
  }
  await page.getByLabel('搜索信访件').fill('土地');
  await page.getByLabel('搜索信访件').press('Enter');
  await page.getByText('没有符合条件的信访件').waitFor();
});

it('a case every township officer must recuse from is on the district’s to-do list, and its timeline says it went up', async () => {
  const district = await makeOrg(e.ctx, '清江区', null, 'district');
  const town = await makeOrg(e.ctx, '西岭镇', district.id);
  const [cadreId] = await insertCadres(
    e.ctx.db,
    e.ctx,
    [{ orgId: town.id, name: '李西岭', status: 'active' }],
    'manual',
  );
  // one township officer, registered as related to the cadre; a district desk without a second factor
  const [role] = await e.ctx.db
    .insert(roles)
    .values({ code: 'district_desk', name: '区纪委信访室', mfaRequired: false })
    .returning();
  const perms = ['petition.read', 'petition.handle', 'cadre.read', 'org.read', 'dict.read', 'todo.read'];
  await e.ctx.db.insert(rolePermissions).values(perms.map((permission) => ({ roleId: role.id, permission })));
  const relative = await makeUser(e.ctx, { orgId: town.id, roles: ['discipline_officer'] });
  await e.ctx.db.insert(recusals).values({ userId: relative.id, cadreId, reason: 'family' });
  await makeUser(e.ctx, { orgId: district.id, roles: ['district_desk'], username: 'quxinfang' });
  const today = chinaDate(new Date());
  const p = await e.ctx.db.transaction((tx) =>
    registerPetition(tx, e.ctx, null, {
      orgId: town.id,
      channel: 'letter',
      receivedOn: today,
      realName: false,
      title: '反映李西岭违规问题',
      content: '违规发放补贴。',
      subjects: [{ cadreId }],
    }),
  );

  const { page } = await e.newPage();
  await fillLogin(page, e.baseUrl, 'quxinfang', 'Jd!2026-test');
  await page.waitForURL(`${e.baseUrl}/`);
  await page.goto(`${e.baseUrl}/todos`);
  await page.getByText(new RegExp(`受理信访件 ${p.code}`)).click();
  await page.waitForURL(new RegExp(`/petitions/${p.id}$`));
  await page.getByText('因回避由 清江区 办理').waitFor();
  await page.getByRole('tab', { name: '流程记录' }).click();
  await page.getByText('回避上移', { exact: true }).waitFor();
  await page.getByText('因回避上移至 清江区 办理').waitFor();
  await page.getByText('系统', { exact: true }).waitFor();
  await page.screenshot({ path: '/tmp/recusal-timeline.png' });
});

it('an approver opening a case whose handling period has run out sees why it cannot be extended, and no 延期', async () => {
  const town = await makeOrg(e.ctx, '南湖镇');
  const [role] = await e.ctx.db
    .insert(roles)
    .values({ code: 'petition_lead', name: '信访审批人', mfaRequired: false })
    .returning();
  const perms = [
    'petition.read',
    'petition.handle',
    'petition.approve',
    'org.read',
    'dict.read',
    'todo.read',
  ];
  await e.ctx.db.insert(rolePermissions).values(perms.map((permission) => ({ roleId: role.id, permission })));
  await makeUser(e.ctx, { orgId: town.id, roles: ['petition_lead'], username: 'shenpi1' });
  const today = chinaDate(new Date());
  const p = await seedPetition({ ctx: e.ctx } as TestApp, town.id, {
    code: `NH-XF${today.slice(0, 4)}-0901`,
    channel: 'letter',
    receivedOn: addDays(today, -100),
    status: 'accepted',
    acceptedOn: addDays(today, -98),
    title: '反映村务不公开',
  });
  expect(p.dueOn! < today).toBe(true);

  const { page, context } = await e.newPage();
  await fillLogin(page, e.baseUrl, 'shenpi1', 'Jd!2026-test');
  await page.waitForURL(`${e.baseUrl}/`);
  await page.goto(`${e.baseUrl}/petitions/${p.id}`);
  await page.getByRole('tab', { name: '办理' }).click();
  await page
    .getByText(`办理期限已于 ${p.dueOn} 届满，逾期后不能再延期，请尽快办理；延期须在办理期限内申请`)
    .waitFor();
  await page.getByRole('button', { name: '转调查核实' }).waitFor(); // the steps are there
  expect(await page.getByRole('button', { name: label('延期') }).count()).toBe(0);
  await context.close();
});

it('a real-name reporter’s ID number is checked as the cadre form checks it, the error under its field until it is right', async () => {
  const town = await makeOrg(e.ctx, '西湖镇');
  const [role] = await e.ctx.db
    .insert(roles)
    .values({ code: 'petition_desk2', name: '信访登记员', mfaRequired: false })
    .returning();
  const perms = ['petition.read', 'petition.register', 'cadre.read', 'org.read', 'dict.read', 'todo.read'];
  await e.ctx.db.insert(rolePermissions).values(perms.map((permission) => ({ roleId: role.id, permission })));
  await makeUser(e.ctx, { orgId: town.id, roles: ['petition_desk2'], username: 'xinfang2' });
  const { page, context } = await e.newPage();
  await fillLogin(page, e.baseUrl, 'xinfang2', 'Jd!2026-test');
  await page.waitForURL(`${e.baseUrl}/`);
  await page.getByRole('menuitem', { name: '信访举报' }).click();
  await page.getByRole('button', { name: label('登记') }).click();
  const drawer = page.getByRole('dialog');
  await drawer.getByTitle('来信').waitFor(); // the channel a letter desk starts with
  await drawer.getByLabel('反映事由').fill('反映低保评定不公');
  await drawer.getByLabel('反映内容').fill('村里低保评定不公开。');
  await drawer.getByText('实名', { exact: true }).click();
  await drawer.getByLabel('姓名', { exact: true }).fill('孙志强');
  const id = idNumberFor('1980-01-01', 123, '420106');
  const idField = drawer.locator('.ant-form-item', { has: page.getByLabel('身份证号') });
  await drawer.getByLabel('身份证号').fill(badCheckDigit(id));
  await drawer.getByRole('button', { name: label('登记') }).click();
  await idField.getByText('身份证号码校验位不正确').waitFor();
  await drawer.getByLabel('身份证号').fill(id);
  await drawer.getByRole('button', { name: label('登记') }).click();
  await page.waitForURL(/\/petitions\/\d+$/);
  await context.close();
});
