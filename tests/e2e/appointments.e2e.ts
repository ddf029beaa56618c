import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { demoActor } from '../../src/cli/demo/petition-life.js';
import { concludeObjection } from '../../src/server/modules/appointments/conclude-objection.js';
import { appointmentCandidates } from '../../src/server/modules/appointments/schema.js';
import { positions, tenures } from '../../src/server/modules/cadres/schema.js';
import { insertCadres } from '../../src/server/modules/cadres/write-cadre.js';
import { petitionSubjects, petitions } from '../../src/server/modules/petitions/schema.js';
import { makeOrg, makeUser } from '../support/factories.js';
import { type E2E, fillLogin, startE2E } from './support/server.js';

// the server's clock: Monday 2026-03-02, 10:00 in China; moved by hand to after the notice
let now = new Date('2026-03-02T02:00:00Z');
let e: E2E;
beforeAll(async () => {
  e = await startE2E({ clock: { now: () => new Date(now) } });
});
afterAll(async () => e?.close());

const pickDate = async (page: import('playwright-core').Page, label: string, day: string) => {
  const input = page.locator('.ant-modal, .ant-drawer').getByLabel(label);
  await input.click();
  await input.fill(day);
  await input.press('Enter');
};
const pickCadre = async (page: import('playwright-core').Page, label: string, name: string) => {
  const input = page.locator('.ant-modal, .ant-drawer').getByLabel(label);
  await input.click();
  await input.fill(name);
  await page.getByTitle(new RegExp(`^${name}（`)).click();
};

it('an officer runs a 竞争上岗 case to 任职; a citizen’s objection from the portal holds 任职 until it is concluded', async () => {
  const town = await makeOrg(e.ctx, '大兴镇');
  await makeUser(e.ctx, { orgId: town.id, roles: ['org_officer'], username: 'zuzhi_a' });
  await makeUser(e.ctx, { orgId: town.id, roles: ['discipline_officer'], username: 'jijian_a' });
  const [zhang] = await insertCadres(
    e.ctx.db,
    e.ctx,
    ['张三', '王五', '赵六', '孙七', '周八'].map((name) => ({
      orgId: town.id,
      name,
      status: 'active' as const,
    })),
    'manual',
  );
  await e.ctx.db
    .insert(positions)
    .values({ orgId: town.id, title: '财政所所长', level: 'middle_principal', isPrincipal: true });
  await e.ctx.db.insert(tenures).values({
    cadreId: zhang,
    orgId: town.id,
    title: '财政所副所长',
    level: 'middle_deputy',
    startDate: '2020-01-01',
  });

  const { page } = await e.newPage();
  await fillLogin(page, e.baseUrl, 'zuzhi_a', 'Jd!2026-test');
  await page.waitForURL(`${e.baseUrl}/`);
  await page.getByRole('menuitem', { name: '选拔任用' }).click();
  await page.getByText('还没有选拔任用事项').waitFor();

  // 动议: nothing filled says what is missing; then the post, method, deciding body and people
  await page.getByRole('button', { name: /动\s*议$/ }).click();
  const drawer = page.locator('.ant-drawer');
  await drawer.getByRole('button', { name: /^保\s*存$/ }).click();
  await drawer.getByText('请填写事项名称').waitFor();
  await drawer.getByLabel('事项名称').fill('财政所所长竞争上岗');
  await drawer.getByLabel('拟任职务').click();
  await page.getByTitle('大兴镇 财政所所长').click();
  await pickDate(page, '动议日期', '2026-03-02');
  await pickCadre(page, '推荐人（提出动议）', '王五');
  await drawer.getByLabel('承办人').fill('周立新');
  await drawer.getByRole('button', { name: /^保\s*存$/ }).click();
  await page.waitForURL(/\/appointments\/\d+$/);
  await page.getByText('大兴组〔2026〕1号').waitFor();
  // the 工作方案 as a file, listed on the case
  await page.locator('input[type=file]').setInputFiles({
    name: '财政所所长竞争上岗工作方案.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'),
  });
  await page.getByRole('button', { name: '财政所所长竞争上岗工作方案.pdf（2026-03-02）' }).waitFor();

  // 民主推荐
  await page.mouse.move(400, 600); // away from the header's account menu
  await page.getByRole('button', { name: '录入民主推荐' }).click();
  const modal = page.locator('.ant-modal');
  await pickDate(page, '推荐日期', '2026-03-03');
  await modal.getByLabel('应参加人数').fill('40');
  await modal.getByLabel('实参加人数').fill('36');
  await pickCadre(page, '人选', '张三');
  await modal.getByLabel('拟任职务').click();
  await page.getByTitle('财政所所长').last().click();
  await modal.getByLabel('得票').fill('30');
  await pickCadre(page, '推荐人', '王五');
  await modal.getByRole('button', { name: /^保\s*存$/ }).click();
  await page.getByText('30（第 1 名）').waitFor();

  // 考察
  await page.mouse.move(400, 600); // away from the header's account menu
  await page.getByRole('button', { name: '确定考察对象' }).click();
  await pickDate(page, '考察日期', '2026-03-04');
  await modal.getByLabel('考察对象').click();
  await page.getByTitle(/^张三（财政所所长/).click();
  await modal.getByLabel('考察组成员（不少于 2 人）').click();
  await modal.getByLabel('考察组成员（不少于 2 人）').fill('赵六');
  await page.getByTitle(/^赵六（/).click();
  const second = modal.locator('.ant-form-item', { hasText: '考察组成员' }).locator('input').last();
  await second.click();
  await second.fill('孙七');
  await page.getByTitle(/^孙七（/).click();
  await modal.getByLabel('谈话人数').fill('25');
  await modal.getByLabel('考察情况').fill('德才表现较好，群众公认。');
  await modal.getByRole('button', { name: /^保\s*存$/ }).click();
  await page.locator('.ant-tag', { hasText: '考察对象' }).waitFor();

  // 讨论决定: the sum is checked as the votes are typed
  await page.mouse.move(400, 600); // away from the header's account menu
  await page.getByRole('button', { name: '录入讨论决定' }).click();
  await pickDate(page, '会议日期', '2026-03-06');
  await modal.getByLabel('应到会人数').fill('9');
  await modal.getByLabel('实到会人数').fill('7');
  await pickCadre(page, '主持人（决定责任人）', '周八');
  await modal.getByText('同意票须超过应到会人数的半数：至少 5 票').waitFor();
  const cells = modal.locator('tbody .ant-input-number-input');
  await cells.nth(0).fill('5');
  await cells.nth(1).fill('1');
  await modal.getByText('6（应为 7）').waitFor();
  await cells.nth(2).fill('1');
  await modal.getByRole('button', { name: /^保\s*存$/ }).click();
  await page.getByText('同意 5 / 反对 1 / 弃权 1').waitFor();
  await page.getByText('讨论通过').waitFor();

  // 任前公示: 4 working days are refused, 5 published
  const publish = async (endsOn: string) => {
    await page.mouse.move(400, 600);
    await page.getByRole('button', { name: '发布任前公示' }).click();
    await modal.getByLabel('公示编号').fill('大兴组公〔2026〕1号');
    const range = modal.locator('.ant-picker-range input');
    await range.first().click();
    await range.first().fill('2026-03-09');
    await range.last().click();
    await range.last().fill(endsOn);
    await range.last().press('Enter');
    await modal.getByLabel('受理反映的联系方式').fill('镇纪委 0571-12345678');
    await modal.getByRole('button', { name: /^保\s*存$/ }).click();
  };
  await publish('2026-03-12');
  await modal
    .getByText(/公示期仅 4 个工作日/)
    .first()
    .waitFor();
  await modal.getByRole('button', { name: /^取\s*消$/ }).click();
  await modal.waitFor({ state: 'hidden' });
  await publish('2026-03-13');
  await page.getByText('大兴组公〔2026〕1号（2026-03-09 至 2026-03-13）').waitFor();

  // during the notice a citizen on a 375-pixel phone objects from the portal's notice page
  now = new Date('2026-03-10T02:00:00Z');
  const phone = await e.newPage({ mobile: true });
  const citizen = phone.page;
  await citizen.goto(`${e.baseUrl}/portal`);
  await citizen.getByRole('link', { name: '任前公示' }).click();
  await citizen.getByText('大兴镇 大兴组公〔2026〕1号').waitFor();
  await citizen
    .getByText(/拟任财政所所长/)
    .first()
    .waitFor();
  await citizen.getByRole('link', { name: '我要反映' }).click();
  await citizen.getByRole('heading', { name: '对任前公示对象反映问题' }).waitFor();
  await citizen.getByText(/反映对象：张三/).waitFor();
  await citizen.getByText('匿名举报', { exact: true }).click();
  await citizen.getByLabel('标题').fill('反映张三违规收受礼金');
  await citizen.getByLabel('反映内容').fill('拟任财政所所长的张三去年春节期间收受下属礼金，请组织核查。');
  await citizen.getByText('安全校验已完成').waitFor({ timeout: 30_000 });
  expect(await citizen.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await citizen.getByRole('button', { name: '提交', exact: true }).click();
  await citizen.getByRole('heading', { name: '提交成功' }).waitFor();
  await phone.context.close();

  // after the notice: 任职 is refused while the report is open, naming its number
  now = new Date('2026-03-16T02:00:00Z');
  await fillLogin(page, e.baseUrl, 'zuzhi_a', 'Jd!2026-test');
  await page.waitForURL(`${e.baseUrl}/`);
  await page.getByRole('menuitem', { name: '选拔任用' }).click();
  await page.getByRole('link', { name: '大兴组〔2026〕1号' }).click();
  await page.getByText(/公示期间有反映尚未办结：DX-XF2026-\d{4}（张三）/).waitFor();
  await page.mouse.move(400, 600); // away from the header's account menu
  await page.getByRole('button', { name: '办理任职' }).click();
  await modal.getByLabel('任免文件文号').fill('大兴组干〔2026〕3号');
  await pickDate(page, '发文日期', '2026-03-16');
  await pickDate(page, '任职日期', '2026-03-16');
  await modal.getByRole('button', { name: /^保\s*存$/ }).click();
  await modal.getByText(/张三在任前公示期间被反映的问题尚未办结（信访件 DX-XF2026-\d{4}）/).waitFor();
  await modal.getByRole('button', { name: /^取\s*消$/ }).click();
  await modal.waitFor({ state: 'hidden' });

  // the discipline officer concludes it: 不影响任用 (through the use case here: the discipline
  // officer's browser sign-in with a second factor is the petitions' journeys' own)
  const [report] = await e.ctx.db
    .select({ id: petitions.id, urgent: petitions.urgent })
    .from(petitions)
    .innerJoin(petitionSubjects, eq(petitionSubjects.petitionId, petitions.id))
    .where(eq(petitionSubjects.cadreId, zhang));
  expect(report.urgent).toBe(true);
  const caseId = Number(page.url().split('/').at(-1));
  const [candidate] = await e.ctx.db
    .select()
    .from(appointmentCandidates)
    .where(eq(appointmentCandidates.caseId, caseId));
  await concludeObjection({
    ctx: e.ctx,
    actor: await demoActor(e.ctx.db as never, 'jijian_a'),
    id: caseId,
    input: {
      candidateId: candidate.id,
      petitionId: report.id,
      outcome: 'no_effect',
      reason: '经核查，反映问题不属实。',
    },
  });
  await page.reload();
  await page.getByText(/不影响任用：经核查，反映问题不属实。/).waitFor();
  await page.mouse.move(400, 600);
  await page.getByRole('button', { name: '办理任职' }).click();
  await modal.getByLabel('任免文件文号').fill('大兴组干〔2026〕3号');
  await pickDate(page, '发文日期', '2026-03-16');
  await pickDate(page, '任职日期', '2026-03-16');
  await modal.getByRole('button', { name: /^保\s*存$/ }).click();
  await page.getByText('大兴组干〔2026〕3号（2026-03-16）').waitFor();
  await page.getByText('试用期至 2027-03-16').waitFor();
  await page.getByText('已任职').first().waitFor();
}, 180_000);

it('an officer runs 竞争上岗 step 2: registration, qualification beside the eligibility panel, scores with live total and rank, 差额 shortlist', async () => {
  now = new Date('2026-03-02T02:00:00Z');
  const town = await makeOrg(e.ctx, '小营镇');
  await makeUser(e.ctx, { orgId: town.id, roles: ['org_officer'], username: 'zuzhi_b' });
  await insertCadres(
    e.ctx.db,
    e.ctx,
    ['甲一', '乙二', '王五'].map((name) => ({ orgId: town.id, name, status: 'active' as const })),
    'manual',
  );
  await e.ctx.db
    .insert(positions)
    .values({ orgId: town.id, title: '农业服务中心主任', level: 'middle_principal', isPrincipal: true });

  const { page } = await e.newPage();
  await fillLogin(page, e.baseUrl, 'zuzhi_b', 'Jd!2026-test');
  await page.waitForURL(`${e.baseUrl}/`);
  await page.getByRole('menuitem', { name: '选拔任用' }).click();
  await page.getByRole('button', { name: /动\s*议$/ }).click();
  const drawer = page.locator('.ant-drawer');
  await drawer.getByLabel('事项名称').fill('农业服务中心主任竞争上岗');
  await drawer.getByLabel('拟任职务').click();
  await page.getByTitle('小营镇 农业服务中心主任').click();
  await pickDate(page, '动议日期', '2026-03-02');
  await pickCadre(page, '推荐人（提出动议）', '王五');
  await drawer.getByLabel('承办人').fill('周立新');
  await drawer.getByRole('button', { name: /^保\s*存$/ }).click();
  await page.waitForURL(/\/appointments\/\d+$/);
  await page.getByText('报名、资格审查与成绩排名').waitFor();

  // 报名
  const modal = page.locator('.ant-modal');
  for (const name of ['甲一', '乙二']) {
    await page.mouse.move(400, 600);
    await page.getByRole('button', { name: '报名登记' }).click();
    await pickDate(page, '报名日期', '2026-03-03');
    await pickCadre(page, '报名干部', name);
    await modal.getByRole('button', { name: /^保\s*存$/ }).click();
    await modal.waitFor({ state: 'hidden' });
    await page.getByRole('cell', { name, exact: true }).waitFor();
  }

  // 资格审查 beside the system's eligibility for the post
  for (const name of ['甲一', '乙二']) {
    await page.getByText('审查', { exact: true }).first().click();
    await modal.getByText(`提拔资格：${name} → 农业服务中心主任`).waitFor();
    // the file's verdict view (no post held: the rules cannot all be checked)
    await modal.getByText('无法判断', { exact: true }).waitFor();
    await modal.getByText(/无在任职务记录，无法判断任职年限/).waitFor();
    await modal.getByText('通过', { exact: true }).click();
    await modal.getByLabel('审查意见').fill('符合报名条件');
    await modal.getByRole('button', { name: /^保\s*存$/ }).click();
    await modal.waitFor({ state: 'hidden' });
  }

  // 成绩: the total and rank follow the typing; an equal total goes to the higher interview
  await page.mouse.move(400, 600);
  await page.getByRole('button', { name: '录入成绩' }).click();
  const cells = modal.locator('tbody .ant-input-number-input');
  await cells.nth(0).fill('85');
  await cells.nth(1).fill('90');
  await cells.nth(2).fill('90');
  await cells.nth(3).fill('85');
  await cells.nth(3).blur();
  const rows = modal.locator('tbody tr');
  await expect.poll(() => rows.nth(0).locator('td').nth(4).textContent()).toBe('87.5');
  await expect.poll(() => rows.nth(0).locator('td').nth(5).textContent()).toBe('1');
  await expect.poll(() => rows.nth(1).locator('td').nth(5).textContent()).toBe('2');
  await modal.getByRole('button', { name: /^保\s*存$/ }).click();
  await modal.waitFor({ state: 'hidden' });

  // 确定考察对象: the 差额 ratio's fewest (2 for one post) are proposed, the top of the ranking go on
  await page.mouse.move(400, 600);
  await page.getByRole('button', { name: '确定考察对象' }).click();
  await pickDate(page, '确定日期', '2026-03-09');
  await modal.getByText('考察对象：甲一（第 1 名，87.5 分）、乙二（第 2 名，87.5 分）').waitFor();
  await modal.getByRole('button', { name: /^保\s*存$/ }).click();
  await page.getByText('85 / 90（第 1 名）').waitFor();
  await page.getByText('90 / 85（第 2 名）').waitFor();
}, 180_000);
