import { afterAll, beforeAll, it } from 'vitest';
import { insertCadres } from '../../src/server/modules/cadres/write-cadre.js';
import { makeOrg, makeUser } from '../support/factories.js';
import { FakeClock } from '../support/test-app.js';
import { type E2E, fillLogin, startE2E } from './support/server.js';

const label = (text: string) => new RegExp(`(^|\\s)${[...text].join('\\s*')}$`);
// a 1×1 PNG
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const clock = new FakeClock(new Date('2026-03-02T01:00:00Z'));
let e: E2E;
beforeAll(async () => {
  e = await startE2E({ clock });
});
afterAll(async () => e?.close());

it('the audit officer records an audit with two findings, the unit head plans and applies for 销号, the auditor accepts one and marks the other 持续整改, the joint meeting decides; the cadre’s file shows the open finding', async () => {
  const town = await makeOrg(e.ctx, '大兴镇');
  const village = await makeOrg(e.ctx, '东风村', town.id, 'village');
  const [cadreId] = await insertCadres(
    e.ctx.db,
    e.ctx,
    [{ orgId: village.id, name: '周国强', status: 'active' }],
    'manual',
  );
  await makeUser(e.ctx, {
    orgId: town.id,
    roles: ['audit_officer'],
    username: 'shenji1',
    displayName: '王审计',
  });
  await makeUser(e.ctx, {
    orgId: town.id,
    roles: ['audit_officer'],
    username: 'shenji2',
    displayName: '李审计',
  });
  await makeUser(e.ctx, { orgId: village.id, roles: ['unit_head'], username: 'cunzhuren', dataScope: 'org' });
  await makeUser(e.ctx, { orgId: town.id, roles: ['party_secretary'], username: 'shuji1' });

  // 1. the audit officer records the audit and two findings
  const { page } = await e.newPage();
  await fillLogin(page, e.baseUrl, 'shenji1', 'Jd!2026-test');
  await page.waitForURL(`${e.baseUrl}/`);
  await page.getByRole('menuitem', { name: '经济责任审计' }).click();
  await page.getByRole('button', { name: '登记审计项目' }).click();
  const create = page.getByRole('dialog');
  await create.getByLabel('审计类型').click();
  await page.getByTitle('重点审计').click();
  await create.getByLabel('审计项目名称').fill('东风村惠农资金重点审计');
  await create.getByLabel('被审计单位').click();
  await page.getByTitle('东风村').click();
  await create.getByLabel('审计期间起').fill('2025-01-01');
  await create.getByLabel('审计期间起').press('Enter');
  await create.getByLabel('审计期间止').fill('2025-12-31');
  await create.getByLabel('审计期间止').press('Enter');
  // the other auditor, among the audit officers over the unit
  await create.getByLabel('其他审计人员').click();
  await page.getByTitle('李审计').click();
  await create.getByRole('button', { name: label('确定') }).click();
  await page.waitForURL(/\/audits\/\d+$/);
  const auditUrl = page.url();
  await page.getByText('王审计、李审计').waitFor();
  for (const [summary, type] of [
    ['惠农补贴资金挪用', '专项资金'],
    ['白条入账', '会计核算'],
  ]) {
    await page.getByRole('button', { name: '登记审计发现' }).click();
    const d = page.getByRole('dialog');
    await d.getByLabel('问题摘要').fill(summary);
    await d.getByLabel('具体描述').fill(`${summary}，经审计核实。`);
    await d.getByLabel('涉及金额（元）').fill('12000');
    await d.getByLabel('定性依据').fill('《村级财务管理规定》');
    await d.getByLabel('问题类型').click();
    await page.getByTitle(type).click();
    await d.getByLabel('严重程度').click();
    await page.getByTitle('较重').click();
    await d.getByLabel('整改建议（审计建议）').fill('限期整改。');
    await d.getByLabel('责任人', { exact: true }).click();
    await d.getByLabel('责任人', { exact: true }).fill('周国强');
    await page
      .getByTitle(/周国强/)
      .first()
      .click();
    await d.getByLabel('责任层级').click();
    await page.getByTitle('直接责任').click();
    await d.getByRole('button', { name: '登记并下发' }).click();
    await d.waitFor({ state: 'hidden' });
    await page.getByRole('link', { name: summary }).waitFor();
  }

  // 2. the unit head plans both, reports progress and applies for 销号 with evidence
  const head = await e.newPage();
  await fillLogin(head.page, e.baseUrl, 'cunzhuren', 'Jd!2026-test');
  await head.page.waitForURL(`${e.baseUrl}/`);
  await head.page.getByRole('menuitem', { name: '审计整改' }).click();
  for (const summary of ['惠农补贴资金挪用', '白条入账']) {
    await head.page.getByRole('link', { name: summary }).click();
    await head.page.waitForURL(/\/rectification\/\d+$/);
    await head.page.getByRole('button', { name: '制定整改方案' }).click();
    const plan = head.page.getByRole('dialog');
    await plan.getByLabel('整改措施').fill('追回资金，补办手续。');
    await plan.getByLabel('责任人').fill('村报账员');
    await plan.getByLabel('整改时限').fill('2026-05-31');
    await plan.getByLabel('整改时限').press('Enter');
    await plan.getByRole('button', { name: label('确定') }).click();
    await plan.waitFor({ state: 'hidden' });
    await head.page.getByText('整改中').first().waitFor();
    await head.page.getByRole('button', { name: '报告整改进展' }).click();
    const report = head.page.getByRole('dialog');
    await report.getByLabel('整改进展').fill('已追回 1 万元。');
    await report.getByRole('button', { name: label('确定') }).click();
    await report.waitFor({ state: 'hidden' });
    // a scan of the receipt as a file of 证明材料
    await head.page
      .locator('input[type=file]')
      .setInputFiles({ name: '银行进账单.png', mimeType: 'image/png', buffer: PNG });
    await head.page.getByRole('button', { name: /银行进账单\.png（2026-03-02）/ }).waitFor();
    await head.page.getByRole('button', { name: '申请销号' }).click();
    const apply = head.page.getByRole('dialog');
    await apply.getByText('已上传 1 份附件，随申请一并提交').waitFor();
    await apply.getByLabel('证明材料').fill('银行进账单');
    await apply.getByRole('button', { name: label('确定') }).click();
    await apply.waitFor({ state: 'hidden' });
    await head.page.getByText('申请销号').first().waitFor();
    // the unit never closes its own item
    await head.page.getByRole('button', { name: '认定已整改，销号' }).waitFor({ state: 'detached' });
    await head.page.goBack();
  }

  // 3. the auditor accepts one and marks the other 持续整改
  await page.goto(auditUrl);
  await page.getByRole('link', { name: '惠农补贴资金挪用' }).click();
  await page.getByRole('button', { name: /银行进账单\.png/ }).waitFor();
  await page.getByRole('button', { name: '认定已整改，销号' }).click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: label('确定') })
    .click();
  await page.getByText('已销号').first().waitFor();
  await page.goto(auditUrl);
  await page.getByRole('link', { name: '白条入账' }).click();
  await page.getByRole('button', { name: '认定持续整改' }).click();
  const cont = page.getByRole('dialog');
  await cont.getByLabel('原因类别').click();
  await page.getByTitle('历史遗留').click();
  await cont.getByLabel('下一检查节点').fill('2026-06-30');
  await cont.getByLabel('下一检查节点').press('Enter');
  await cont.getByRole('button', { name: label('确定') }).click();
  await cont.waitFor({ state: 'hidden' });
  await page.getByText('持续整改').first().waitFor();

  // 4. the joint meeting decides; the decision is done on time
  const visible = page.locator('.ant-select-dropdown:visible');
  await page.goto(`${e.baseUrl}/audit-meetings`);
  await page.getByRole('button', { name: '登记联席会议' }).click();
  const meet = page.getByRole('dialog');
  await meet.getByLabel('会议名称').fill('一季度审计联席会议');
  await meet.getByLabel('单位', { exact: true }).click();
  await visible.getByTitle('大兴镇').click();
  await meet.getByLabel('会议日期').fill('2026-03-02');
  await meet.getByLabel('会议日期').press('Enter');
  await meet.getByLabel('参会人员（以顿号分隔）').fill('纪委书记、组织委员、财政所长');
  await meet.getByLabel('通报审计项目').click();
  await visible.getByTitle('东风村惠农资金重点审计').click();
  await meet.getByLabel('会议纪要').click();
  await meet.getByLabel('会议纪要').fill('通报东风村审计情况，研究落实审计建议。');
  await meet.getByRole('button', { name: '添加决定事项' }).click();
  await page.locator('#decisions_0_content').fill('约谈东风村负责人');
  await page.locator('#decisions_0_assigneeOrgId').click();
  await visible.getByTitle('大兴镇').click();
  await page.locator('#decisions_0_assigneeRole').click();
  await visible.getByTitle('财政所（审计）').click();
  // the decision concerns the audit heard, and names the audit officer who must act
  await page.locator('#decisions_0_auditId').click();
  await visible.getByTitle('东风村惠农资金重点审计').click();
  await page.locator('#decisions_0_assigneeUserId').click();
  await visible.getByTitle('王审计').click();
  await page.locator('#decisions_0_dueOn').fill('2026-03-16');
  await page.locator('#decisions_0_dueOn').press('Enter');
  await meet.getByRole('button', { name: label('确定') }).click();
  await page.waitForURL(/\/audit-meetings\/\d+$/);
  await page.getByText('办理中').waitFor();
  await page.getByRole('cell', { name: '财政所（审计）王审计' }).waitFor();
  await page.getByRole('link', { name: '东风村惠农资金重点审计' }).waitFor();
  await page.getByRole('button', { name: '登记办结' }).click();
  const doneDialog = page.getByRole('dialog');
  await doneDialog.getByLabel('办理情况').fill('已约谈。');
  await doneDialog.getByRole('button', { name: label('确定') }).click();
  await page.getByText('按期办结').waitFor();

  // 5. the cadre's file shows the open finding he is responsible for
  const sec = await e.newPage();
  await fillLogin(sec.page, e.baseUrl, 'shuji1', 'Jd!2026-test');
  await sec.page.waitForURL(`${e.baseUrl}/`);
  await sec.page.goto(`${e.baseUrl}/cadres/${cadreId}/file`);
  await sec.page.getByText('审计发现问题未整改完毕：白条入账（持续整改）').waitFor();
}, 240_000);
