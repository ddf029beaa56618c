import { afterAll, beforeAll, it } from 'vitest';
import { addDays, chinaDate } from '../../src/domain/calendar.js';
import { createTodo } from '../../src/server/platform/todos/create-todo.js';
import { makeOrg, makeUser } from '../support/factories.js';
import { type E2E, fillLogin, startE2E } from './support/server.js';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => e?.close());

it('a step shows its due date as a date (in a UTC browser too) and opens its record; a personal to-do is closed by hand', async () => {
  const town = await makeOrg(e.ctx, '东湖镇');
  const clerk = await makeUser(e.ctx, { orgId: town.id, roles: ['org_officer'], username: 'zuzhi2' });
  const due = addDays(chinaDate(new Date()), -40);
  await e.ctx.db.transaction((tx) =>
    createTodo(tx, e.ctx.clock, {
      title: `报送干部监督情况（截止 ${due}）`,
      recordType: 'test',
      recordId: 1,
      link: '/cadres',
      orgId: town.id,
      assigneeUserId: clerk.id,
      dueOn: due,
    }),
  );
  // a browser in UTC: a date must not turn into the day before at 16:00
  const context = await e.browser.newContext({
    viewport: { width: 1366, height: 860 },
    locale: 'zh-CN',
    timezoneId: 'UTC',
    reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await fillLogin(page, e.baseUrl, 'zuzhi2', 'Jd!2026-test');
  await page.waitForURL(`${e.baseUrl}/`);
  await page.goto(`${e.baseUrl}/todos`);

  const step = page.getByRole('row', { name: /报送干部监督情况/ });
  await step.getByText(due, { exact: true }).waitFor(); // the same date as in its title
  await step.getByText('已逾期 40 天').waitFor();
  await step.getByRole('button', { name: '去办理' }).waitFor();
  if (await step.getByRole('button', { name: '标记完成' }).count())
    throw new Error('a step offered 标记完成');

  await page.getByRole('button', { name: '新建个人待办' }).click();
  await page.getByRole('button', { name: /保\s*存/ }).click();
  await page.getByText('请填写待办事项').waitFor();
  await page.getByLabel('待办事项').fill('整理上月干部任免材料');
  await page.getByLabel('截止日期').click();
  await page.getByLabel('截止日期').fill('2030-01-15');
  await page.getByLabel('截止日期').press('Enter');
  await page.getByRole('button', { name: /保\s*存/ }).click();
  await page.getByText('已新建个人待办').waitFor();
  const mine = page.getByRole('row', { name: /整理上月干部任免材料/ });
  await mine.getByText('2030-01-15', { exact: true }).waitFor();
  await mine.getByRole('button', { name: '标记完成' }).click();
  await page.getByRole('button', { name: /确\s*定/ }).click();
  await page.getByText('已标记完成').waitFor();
  await page.getByRole('tab', { name: '已办' }).click();
  await page.getByText('整理上月干部任免材料').waitFor();

  await page.getByRole('tab', { name: /待办/ }).first().click();
  await step.getByRole('button', { name: '去办理' }).click();
  await page.waitForURL(`${e.baseUrl}/cadres`);
  await context.close();
});
