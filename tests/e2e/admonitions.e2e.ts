import { isNull } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { admonitions } from '../../src/server/modules/admonitions/schema.js';
import { insertCadres } from '../../src/server/modules/cadres/write-cadre.js';
import { applyTransition } from '../../src/server/modules/petitions/workflow/apply-transition.js';
import { registerPetition } from '../../src/server/modules/petitions/workflow/register-petition.js';
import type { Actor } from '../../src/server/platform/access/actor.js';
import { sessions } from '../../src/server/platform/auth/schema.js';
import { rolePermissions, roles } from '../../src/server/platform/users/schema.js';
import { makeOrg, makeUser } from '../support/factories.js';
import { FakeClock } from '../support/test-app.js';
import { type E2E, fillLogin, startE2E } from './support/server.js';

const label = (text: string) => new RegExp(`(^|\\s)${[...text].join('\\s*')}$`);
const clock = new FakeClock(new Date('2026-03-02T01:00:00Z'));
let e: E2E;
beforeAll(async () => {
  e = await startE2E({ clock });
});
afterAll(async () => e?.close());

/** Moves the server's clock to 10:00 in China on `day` and keeps the open sessions alive. */
async function setDay(day: string) {
  clock.current = new Date(`${day}T02:00:00Z`);
  const now = clock.now();
  await e.ctx.db.update(sessions).set({ createdAt: now, lastSeenAt: now }).where(isNull(sessions.endedAt));
}

it('the officer sends an inquiry from a petition, the cadre replies, the officer concludes with 诫勉, runs the check-ins and releases; the file shows the block and its end', async () => {
  const town = await makeOrg(e.ctx, '大兴镇');
  const [cadreId] = await insertCadres(
    e.ctx.db,
    e.ctx,
    [{ orgId: town.id, name: '王建军', status: 'active' }],
    'manual',
  );
  // a supervision desk without a second factor, to keep the journey short
  const [role] = await e.ctx.db
    .insert(roles)
    .values({ code: 'supervision_desk', name: '监督办事员', mfaRequired: false })
    .returning();
  const perms = [
    'petition.read',
    'petition.handle',
    'inquiry.read',
    'inquiry.manage',
    'admonition.read',
    'admonition.manage',
    'cadre.read',
    'cadre.file',
    'org.read',
    'dict.read',
    'todo.read',
    'user.read',
    'rule.read',
  ];
  await e.ctx.db.insert(rolePermissions).values(perms.map((permission) => ({ roleId: role.id, permission })));
  const officer = await makeUser(e.ctx, {
    orgId: town.id,
    roles: ['supervision_desk'],
    username: 'jianduban1',
  });
  await makeUser(e.ctx, {
    orgId: town.id,
    roles: ['cadre'],
    username: 'wangjianjun',
    dataScope: 'self',
    cadreId,
  });
  const actor: Actor = {
    userId: officer.id,
    username: officer.username,
    displayName: officer.displayName,
    orgId: town.id,
    orgPath: town.path,
    dataScope: 'subtree',
    cadreId: null,
    roles: ['supervision_desk'],
    permissions: new Set(perms),
    sessionId: 'e2e',
    pending: null,
    ip: null,
  };
  const petition = await e.ctx.db.transaction(async (tx) => {
    let p = await registerPetition(tx, e.ctx, actor, {
      orgId: town.id,
      channel: 'letter',
      receivedOn: '2026-03-02',
      realName: false,
      title: '反映王建军征地工作作风粗暴',
      content: '王建军在征地工作中态度粗暴。',
      subjects: [{ cadreId }],
    });
    p = await applyTransition(tx, e.ctx, actor, p, 'accept', {});
    return applyTransition(tx, e.ctx, actor, p, 'investigate', {
      disposal: 'talk_inquiry',
      investigatorUserId: officer.id,
    });
  });

  // 1. the officer sends the inquiry from the petition
  const { page } = await e.newPage();
  await fillLogin(page, e.baseUrl, 'jianduban1', 'Jd!2026-test');
  await page.waitForURL(`${e.baseUrl}/`);
  await page.goto(`${e.baseUrl}/petitions/${petition.id}`);
  await page.getByRole('button', { name: '发出函询' }).click();
  const drawer = page.getByRole('dialog');
  await drawer.getByLabel('函询对象').click();
  await page.getByTitle('王建军').click();
  await drawer.getByLabel('函询事项').fill('请就群众反映你在征地工作中态度粗暴的问题作出说明。');
  await drawer.getByLabel('发函日期').fill('2026-03-02');
  await drawer.getByRole('button', { name: label('发函') }).click();
  await page.waitForURL(/\/inquiries\/\d+$/);
  const inquiryUrl = page.url();
  await page.getByText('待回复').first().waitFor();
  await page.getByText('2026-03-23').first().waitFor(); // 15 working days

  // 2. the cadre signs in and replies in 我的函询
  const cadre = await e.newPage();
  await fillLogin(cadre.page, e.baseUrl, 'wangjianjun', 'Jd!2026-test');
  await cadre.page.waitForURL(`${e.baseUrl}/`);
  await cadre.page.getByRole('menuitem', { name: '我的函询' }).click();
  await cadre.page.getByRole('link', { name: /HX2026-0001/ }).click();
  await cadre.page.getByLabel('说明内容').fill('本人在征地中确有急躁情绪，已向当事群众道歉。');
  await cadre.page.getByRole('button', { name: '提交回复' }).click();
  await cadre.page.getByRole('button', { name: '确认提交' }).click();
  await cadre.page.getByText('已提交回复').waitFor();
  await cadre.page.getByText('本人在征地中确有急躁情绪，已向当事群众道歉。').waitFor();

  // 3. endorsement and the conclusion 诫勉
  await page.goto(inquiryUrl);
  await page.getByRole('button', { name: '签字背书' }).click();
  await page.getByRole('button', { name: '确认背书' }).click();
  await page.getByText('已背书待结论').waitFor();
  await page.getByRole('button', { name: '作出结论' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('结论', { exact: true }).click();
  await page.getByTitle('诫勉').click();
  await dialog.getByLabel('结论意见').fill('工作方法简单粗暴，给予诫勉。');
  await page.getByRole('button', { name: '确认结论' }).click();
  await page.getByRole('link', { name: /JM2026-0001/ }).click();
  await page.waitForURL(/\/admonitions\/\d+$/);
  const admonitionUrl = page.url();

  // 4. the talk, with two talkers
  await page.getByRole('button', { name: '记录谈话' }).click();
  const talk = page.getByRole('dialog');
  await talk.getByLabel('谈话日期').fill('2026-03-02');
  await talk.getByLabel('谈话地点').fill('镇党委会议室');
  await talk.getByLabel('谈话人').fill('张书记');
  await talk.getByLabel('谈话人').press('Enter');
  await talk.getByLabel('谈话人').fill('刘委员');
  await talk.getByLabel('谈话人').press('Enter');
  await talk.getByLabel('谈话记录').fill('指出问题，提出整改要求。');
  await page.getByRole('button', { name: '保存谈话记录' }).click();
  await page.getByText('跟踪考察中').first().waitFor();
  await page.getByText(/诫勉影响提拔：自 2026-03-02 起至 2026-09-01/).waitFor();

  // the file's eligibility shows the block and the day it clears
  await page.goto(`${e.baseUrl}/cadres/${cadreId}/file`);
  await page.getByText(/2026-09-01 期满前不得提拔/).waitFor();
  await page.getByText('2026-09-02').first().waitFor();

  // 5. six monthly check-ins, each on its day
  const [row] = await e.ctx.db.select().from(admonitions);
  expect(row.checkInDates).toHaveLength(6);
  expect(row.reportDates).toHaveLength(2); // a written report each quarter
  const REPORT = '本季度本人认真反思征地工作中的问题，改进工作方法，已向当事群众道歉并按期整改。';
  let reported = false;
  for (const due of row.checkInDates) {
    // the first quarter's written report, handed in by the cadre from 我的诫勉 when it falls due
    if (!reported && due >= row.reportDates[0]) {
      reported = true;
      await setDay(row.reportDates[0]);
      await cadre.page.goto(`${e.baseUrl}/`);
      await cadre.page.getByRole('menuitem', { name: '我的诫勉' }).click();
      await cadre.page.getByRole('link', { name: /JM2026-0001/ }).click();
      await cadre.page.getByLabel(/本期书面报告/).fill(REPORT);
      await cadre.page.getByRole('button', { name: '提交书面报告' }).click();
      await cadre.page.getByRole('button', { name: '确认提交' }).click();
      await cadre.page.getByText('已提交书面报告').waitFor();
      await cadre.page.getByText(REPORT).waitFor();
      await cadre.page.getByText(`本期书面报告（${row.reportDates[1]} 前提交）`).waitFor();
      // the officer reads it on the record's timeline
      await page.goto(admonitionUrl);
      await page.getByText(REPORT).waitFor();
    }
    await setDay(due);
    await page.goto(admonitionUrl);
    await page.getByRole('button', { name: '记录谈心谈话' }).click();
    const d = page.getByRole('dialog');
    await d.getByLabel('谈话日期').fill(due);
    await d.getByLabel('评价').click();
    await page.getByTitle('好', { exact: true }).click();
    await d.getByLabel('情况说明').fill('工作态度明显改进');
    await d.getByRole('button', { name: label('保存') }).click();
    await d.waitFor({ state: 'hidden' });
  }
  await page.getByRole('cell', { name: row.checkInDates[5] }).first().waitFor();

  // 6. release after the tracking ends
  const releaseOn = row.trackingEndsOn!;
  await setDay(releaseOn);
  await page.goto(admonitionUrl);
  await page.getByRole('button', { name: '解除诫勉' }).click();
  const r = page.getByRole('dialog');
  await r.getByLabel('解除日期').fill(releaseOn);
  await r.getByLabel('解除意见').fill('跟踪考察期间表现良好，解除诫勉。');
  await page.getByRole('button', { name: '确认解除' }).click();
  await page.getByText('已解除诫勉').first().waitFor();

  // the file: the block has ended on its day, the timeline says so
  await page.goto(`${e.baseUrl}/cadres/${cadreId}/file`);
  await page
    .getByText(/解除诫勉 .*JM2026-0001/)
    .first()
    .waitFor();
  await expect(page.getByText(/期满前不得提拔/).count()).resolves.toBe(0);
}, 240_000);
