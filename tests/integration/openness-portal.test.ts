import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaDate } from '../../src/domain/calendar.js';
import { searchTokens } from '../../src/domain/search-tokens.js';
import { tenures } from '../../src/server/modules/cadres/schema.js';
import { insertCadres } from '../../src/server/modules/cadres/write-cadre.js';
import { backfillSearchTokens } from '../../src/server/modules/openness/backfill-search.js';
import { disclosureObjections } from '../../src/server/modules/openness/objections/schema.js';
import { sweepOverdueObjections } from '../../src/server/modules/openness/objections/sweep-objections.js';
import { disclosures } from '../../src/server/modules/openness/schema.js';
import { auditLog } from '../../src/server/platform/audit/schema.js';
import { rowsOf } from '../../src/server/platform/db/rows.js';
import { todos } from '../../src/server/platform/todos/schema.js';
import { call, makeOrg, makeUser, type Session, signIn } from '../support/factories.js';
import { formKey, solved } from '../support/portal-helpers.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// The clock starts on 2026-03-02 (China). The portal's openness boards, search and leaders directory.
let t: TestApp;
let town: { id: number };
let village: { id: number };
let dept: { id: number };
const s: Record<string, Session> = {};
const usernames: Record<string, string> = {};
/** Signs everyone in again after the clock moved past the sessions' timeouts. */
const relogin = async () => {
  for (const [key, name] of Object.entries(usernames)) s[key] = await signIn(t, name);
};
const ids: Record<string, number> = {};
let tenureIds: Record<string, number>;

// each request from its own address, so the portal's per-address limit does not count this file's many reads
let address = 0;
const get = (url: string) =>
  t.app.inject({ method: 'GET', url, remoteAddress: `10.8.${(++address >> 8) & 255}.${address & 255}` });
const typeId = async (orgId: number, name: string) => {
  const res = await call(t, s.town, 'GET', `/api/v1/disclosure/item-types?orgId=${orgId}`);
  return res.json().items.find((i: { name: string }) => i.name === name).id as number;
};

/** A draft with `marker` in its title, body and finance table. */
async function draft(who: string, orgId: number, type: string, marker: string, period?: string) {
  const res = await call(t, s[who], 'POST', '/api/v1/disclosures', {
    orgId,
    itemTypeId: await typeId(orgId, type),
    period: period ?? null,
    title: `公开事项 ${marker}`,
    body: `正文内容 ${marker} 村民监督`,
    finance:
      type === '村级财务收支'
        ? {
            lines: [
              { kind: 'income', item: `收入 ${marker}`, amount: 100 },
              { kind: 'expense', item: '办公费', amount: 40 },
            ],
            totalIncome: 100,
            totalExpense: 40,
            balance: 60,
          }
        : null,
    issuingBody: '发布机构',
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { id: number; version: number };
}
async function step(who: string, d: { id: number; version: number }, action: string, reason?: string) {
  const res = await call(t, s[who], 'POST', `/api/v1/disclosures/${d.id}/${action}`, {
    version: d.version,
    reason,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { id: number; version: number };
}

// markers that must never reach a portal response, and those that must
const HIDDEN = ['mkdraft', 'mkreview', 'mkreturned', 'mkapproved', 'mkwithdrawn', 'mkrequest'];
const SHOWN = ['mkpublic', 'mktownship', 'mkdept'];

beforeAll(async () => {
  t = await createTestApp();
  const district = await makeOrg(t.ctx, '新城区', null, 'district');
  town = await makeOrg(t.ctx, '大兴镇', district.id);
  village = await makeOrg(t.ctx, '东风村', town.id, 'village');
  dept = await makeOrg(t.ctx, '财政所', town.id, 'department');
  const user = async (key: string, orgId: number, roles: string[], dataScope = 'org') => {
    const u = await makeUser(t.ctx, { orgId, roles, dataScope });
    usernames[key] = u.username;
    s[key] = await signIn(t, u.username);
  };
  await user('town', town.id, ['unit_head'], 'subtree');
  await user('head', village.id, ['unit_head']);
  await user('committee', village.id, ['village_supervisor']);
  await user('dept', dept.id, ['unit_head']);
  await user('otherTown', (await makeOrg(t.ctx, '青山镇', district.id)).id, ['unit_head'], 'subtree');

  // the village: one of each state
  const fin = '村级财务收支';
  await draft('head', village.id, fin, 'mkdraft', '2026-01');
  await step('head', await draft('head', village.id, fin, 'mkreview', '2025-12'), 'submit');
  const ret = await step('head', await draft('head', village.id, fin, 'mkreturned', '2025-11'), 'submit');
  await step('committee', ret, 'return', '收支科目有误');
  const appr = await step('head', await draft('head', village.id, fin, 'mkapproved', '2025-10'), 'submit');
  await step('committee', appr, 'approve');
  const pub = await step('head', await draft('head', village.id, fin, 'mkpublic', '2026-02'), 'submit');
  ids.public = (await step('head', await step('committee', pub, 'approve'), 'publish')).id;
  const wd = await step(
    'head',
    await draft('head', village.id, '村务一般事项', 'mkwithdrawn', '2025-Q4'),
    'submit',
  );
  const wdPub = await step('head', await step('committee', wd, 'approve'), 'publish');
  ids.withdrawn = (await step('head', wdPub, 'withdraw', '填报有误，更正后重新公开')).id;
  // the township: one public item, and a reply to an applicant (依申请公开), which is not for the board
  ids.township = (
    await step('town', await draft('town', town.id, '政府信息（主动公开）', 'mktownship'), 'publish')
  ).id;
  ids.request = (
    await step('town', await draft('town', town.id, '政府信息（依申请公开）', 'mkrequest'), 'publish')
  ).id;
  ids.dept = (
    await step('dept', await draft('dept', dept.id, '职责范围、办事程序和服务承诺', 'mkdept'), 'publish')
  ).id;

  // the registry: the village's post holders
  const cadreIds = await insertCadres(
    t.ctx.db,
    t.ctx,
    [
      { orgId: village.id, name: '王书记', status: 'active' as const, phone: '13912345678' },
      { orgId: village.id, name: '李主任', status: 'active' as const, phone: '13800001111' },
      { orgId: village.id, name: '赵委员', status: 'active' as const, phone: '13700002222' },
    ],
    'manual',
  );
  const made = await t.ctx.db
    .insert(tenures)
    .values([
      {
        cadreId: cadreIds[0],
        orgId: village.id,
        title: '东风村党支部书记',
        level: 'village',
        isPrincipal: true,
        startDate: '2024-01-01',
      },
      {
        cadreId: cadreIds[1],
        orgId: village.id,
        title: '东风村村委会主任',
        level: 'village',
        startDate: '2024-01-01',
      },
      // leaves on 5 March
      {
        cadreId: cadreIds[2],
        orgId: village.id,
        title: '东风村村委委员',
        level: 'village',
        startDate: '2024-01-01',
        endDate: '2026-03-05',
      },
      // begins after today
      { cadreId: cadreIds[1], orgId: town.id, title: '大兴镇副镇长', level: 'fuke', startDate: '2026-06-01' },
    ])
    .returning({ id: tenures.id });
  tenureIds = { wang: made[0].id, li: made[1].id, zhao: made[2].id };
});
afterAll(() => t?.close());

describe('the unit boards', () => {
  it('lists the townships with their departments and villages', async () => {
    const res = await get('/api/v1/portal/openness/units');
    expect(res.statusCode, res.body).toBe(200);
    const daxing = res.json().townships.find((x: { id: number }) => x.id === town.id);
    expect(daxing.units.map((u: { name: string }) => u.name)).toEqual(['财政所', '东风村']);
  });

  it("a village's board shows its catalogue's sections with the published items and the withdrawal notice only", async () => {
    const res = await get(`/api/v1/portal/openness/units/${village.id}`);
    expect(res.statusCode, res.body).toBe(200);
    const board = res.json();
    expect(board.unit).toMatchObject({ name: '东风村', kind: 'village', township: '大兴镇' });
    const sections = Object.fromEntries(board.sections.map((x: { name: string }) => [x.name, x]));
    expect(Object.keys(sections)).toEqual(['村级财务收支', '村务一般事项', '村级重大事项']);
    expect(sections.村级财务收支.total).toBe(1);
    expect(sections.村级财务收支.latest[0]).toMatchObject({
      id: ids.public,
      withdrawn: false,
      period: '2026-02',
    });
    expect(sections.村务一般事项.latest[0]).toMatchObject({ id: ids.withdrawn, withdrawn: true });
    expect(sections.村务一般事项.latest[0].title).toContain('已撤回');
    expect(sections.村级重大事项).toMatchObject({ total: 0, latest: [] });
  });

  it('one item: a published one whole, a withdrawn one as its notice with the reason; unpublished ones 404', async () => {
    const one = await get(`/api/v1/portal/openness/items/${ids.public}`);
    expect(one.statusCode, one.body).toBe(200);
    expect(one.json()).toMatchObject({
      body: expect.stringContaining('mkpublic'),
      finance: { totalIncome: 100, totalExpense: 40 },
      indexNo: expect.any(String),
      catalogue: { subject: '村民委员会' },
    });
    const gone = await get(`/api/v1/portal/openness/items/${ids.withdrawn}`);
    expect(gone.statusCode, gone.body).toBe(200);
    expect(gone.json()).toMatchObject({
      withdrawn: true,
      body: null,
      finance: null,
      withdrawnOn: '2026-03-02',
      withdrawReason: '填报有误，更正后重新公开',
    });
    const request = await get(`/api/v1/portal/openness/items/${ids.request}`);
    expect(request.statusCode).toBe(404);
    expect(request.json().error.message).toContain('尚未公开');
  });

  it("pages a unit's items in the database, one type or all", async () => {
    const all = await get(`/api/v1/portal/openness/units/${village.id}/items?pageSize=1`);
    expect(all.statusCode, all.body).toBe(200);
    expect(all.json()).toMatchObject({ total: 2, page: 1, pageSize: 1 });
    expect(all.json().items).toHaveLength(1);
    const second = (await get(`/api/v1/portal/openness/units/${village.id}/items?pageSize=1&page=2`)).json();
    expect(second.items[0].id).not.toBe(all.json().items[0].id);
    const fin = await typeId(village.id, '村级财务收支');
    const one = (await get(`/api/v1/portal/openness/units/${village.id}/items?type=${fin}`)).json();
    expect(one.items.map((i: { id: number }) => i.id)).toEqual([ids.public]);
    const bad = await get(`/api/v1/portal/openness/units/${village.id}/items?pageSize=500`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('每页最多 50 条');
    expect((await get('/api/v1/portal/openness/units/999999')).statusCode).toBe(404);
  });

  it('search finds published items by their words, within a township when asked; never a withdrawn one', async () => {
    const hit = (await get(`/api/v1/portal/openness/search?q=${encodeURIComponent('村民监督')}`)).json();
    expect(hit.items.map((i: { id: number }) => i.id).sort()).toEqual(
      [ids.public, ids.township, ids.dept].sort(),
    );
    const mine = (await get(`/api/v1/portal/openness/search?q=mkpublic&township=${town.id}`)).json();
    expect(mine.items.map((i: { id: number }) => i.id)).toEqual([ids.public]);
    expect((await get('/api/v1/portal/openness/search?q=mkwithdrawn')).json().total).toBe(0);
    const empty = await get('/api/v1/portal/openness/search?q=%20');
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.message).toContain('请输入搜索内容');
  });

  it('an item published before the search existed (no tokens) is found once the hourly job has filled them', async () => {
    await t.ctx.db.update(disclosures).set({ searchTokens: [] }).where(eq(disclosures.id, ids.public));
    expect((await get('/api/v1/portal/openness/search?q=mkpublic')).json().total).toBe(0);
    expect(await backfillSearchTokens(t.ctx)).toBe(1);
    expect(await backfillSearchTokens(t.ctx)).toBe(0); // only the empty ones, once
    const found = (await get('/api/v1/portal/openness/search?q=mkpublic')).json();
    expect(found.items.map((i: { id: number }) => i.id)).toEqual([ids.public]);
  });

  it('no portal response carries anything of a draft, an item in review, returned, approved but unpublished, withdrawn or 依申请', async () => {
    const urls = ['/api/v1/portal/openness/units'];
    for (const u of [town.id, village.id, dept.id]) {
      urls.push(`/api/v1/portal/openness/units/${u}`, `/api/v1/portal/openness/units/${u}/items?pageSize=50`);
      urls.push(`/api/v1/portal/openness/units/${u}/leaders`);
      for (const type of (await get(`/api/v1/portal/openness/units/${u}`)).json().sections)
        urls.push(`/api/v1/portal/openness/units/${u}/items?type=${type.typeId}`);
    }
    for (let id = 1; id <= ids.dept + 1; id++) urls.push(`/api/v1/portal/openness/items/${id}`);
    for (const m of [...HIDDEN, ...SHOWN, '公开事项', '正文内容', '收入'])
      urls.push(`/api/v1/portal/openness/search?q=${encodeURIComponent(m)}`);
    let all = '';
    for (const url of urls) {
      const res = await get(url);
      expect(res.statusCode, url).toBeLessThan(500);
      all += res.body.toLowerCase();
    }
    for (const m of HIDDEN) expect(all, m).not.toContain(m);
    for (const m of SHOWN) expect(all, m).toContain(m);
  });
});

describe('the board’s QR code', () => {
  it('prints an SVG QR code of the unit’s portal board, for the units in scope; the print is audited', async () => {
    const res = await call(t, s.head, 'GET', `/api/v1/disclosure/units/${village.id}/board-qr.svg`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('image/svg+xml');
    expect(res.body).toMatch(/^<\?xml[\s\S]*<svg[\s\S]*<path d="M\d/);
    expect(res.body).toContain('东风村村务公开');
    expect(res.body).toContain(`/portal/open/units/${village.id}</text>`);
    expect(
      (await call(t, s.otherTown, 'GET', `/api/v1/disclosure/units/${village.id}/board-qr.svg`)).statusCode,
    ).toBe(404);
    const [row] = await t.ctx.db.select().from(auditLog).where(eq(auditLog.action, 'disclosure.board_qr'));
    expect(row).toBeTruthy();
  });
});

describe('the leaders directory', () => {
  it("lists the unit's post holders from the registry; the mobile only with the person's consent", async () => {
    const before = (await get(`/api/v1/portal/openness/units/${village.id}/leaders`)).json();
    expect(before.leaders.map((l: { name: string }) => l.name)).toEqual(['王书记', '李主任', '赵委员']);
    expect(before.leaders.every((l: { mobile: string | null }) => l.mobile === null)).toBe(true);

    const admin = await call(t, s.head, 'GET', `/api/v1/disclosure/leaders?orgId=${village.id}`);
    expect(admin.statusCode, admin.body).toBe(200);
    expect(admin.json().items[0]).toMatchObject({ name: '王书记', mobileMasked: '139****5678', version: 0 });
    const set = (tenureId: number, body: object, who = 'head') =>
      call(t, s[who], 'PUT', `/api/v1/disclosure/leaders/${tenureId}`, body);
    const ok = await set(tenureIds.wang, {
      duties: '主持村党支部全面工作',
      officePhone: '010-6123 4567',
      hours: '工作日 8:30—17:30',
      mobileConsent: true,
      version: 0,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(
      (await set(tenureIds.li, { duties: '主持村委会工作', mobileConsent: false, version: 0 })).statusCode,
    ).toBe(200);
    const stale = await set(tenureIds.wang, { mobileConsent: false, version: 0 });
    expect(stale.statusCode).toBe(409);
    const badPhone = await set(tenureIds.li, { officePhone: 'call me', mobileConsent: false, version: 1 });
    expect(badPhone.statusCode).toBe(400);
    expect(badPhone.json().error.fields).toHaveProperty('officePhone');
    expect((await set(tenureIds.wang, { mobileConsent: false, version: 1 }, 'otherTown')).statusCode).toBe(
      404,
    );
    expect((await set(tenureIds.wang, { mobileConsent: false, version: 1 }, 'committee')).statusCode).toBe(
      403,
    );

    const after = (await get(`/api/v1/portal/openness/units/${village.id}/leaders`)).json();
    expect(after.leaders[0]).toEqual({
      name: '王书记',
      post: '东风村党支部书记',
      duties: '主持村党支部全面工作',
      officePhone: '010-6123 4567',
      mobile: '13912345678',
      hours: '工作日 8:30—17:30',
    });
    expect(after.leaders[1]).toMatchObject({ name: '李主任', duties: '主持村委会工作', mobile: null });
  });

  it('a leaver disappears on the tenure’s end date; a post not yet begun does not show', async () => {
    const names = async () =>
      (await get(`/api/v1/portal/openness/units/${village.id}/leaders`))
        .json()
        .leaders.map((l: { name: string }) => l.name);
    t.clock.advance(2 * 86_400_000); // 4 March: still in post
    expect(await names()).toContain('赵委员');
    t.clock.advance(86_400_000); // 5 March: the tenure's end date
    expect(await names()).toEqual(['王书记', '李主任']);
    const townLeaders = (await get(`/api/v1/portal/openness/units/${town.id}/leaders`)).json();
    expect(townLeaders.leaders).toEqual([]);
  });
});

describe('villagers’ objections 村民异议', () => {
  const objectTo = async (itemId: number, text = '公开的办公费与实际不符，请说明。', key = formKey()) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/portal/openness/items/${itemId}/objections`,
      payload: { text, challenge: await solved(t, '10.7.0.1'), idempotencyKey: key },
      remoteAddress: '10.7.0.1',
    });
  const status = (code: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/portal/openness/objections/status',
      payload: { code },
      remoteAddress: '10.7.0.2',
    });
  const objectionTodos = async (recordType: string) =>
    t.ctx.db
      .select({ orgId: todos.orgId, status: todos.status, role: todos.assigneeRole })
      .from(todos)
      .where(eq(todos.recordType, recordType));
  let code: string;
  let dueOn: string;

  it('an objection to an item not published (a draft, a withdrawn or 依申请 item) is refused in Chinese; nothing written', async () => {
    for (const id of [ids.withdrawn, ids.request, ids.dept + 1, 1]) {
      const res = await objectTo(id);
      expect(res.statusCode, `${id} ${res.body}`).toBe(422);
      expect(res.json().error.message).toBe('该公开事项尚未公开或已撤回，不能提出异议');
    }
    const short = await objectTo(ids.public, '不对');
    expect(short.statusCode).toBe(400);
    expect(short.json().error.fields).toHaveProperty('text');
    expect(await t.ctx.db.select().from(disclosureObjections)).toHaveLength(0);
  });

  it('a villager objects to a published item without an account: a receipt code, the deadline, the unit head’s to-do; a resend is one objection', async () => {
    const key = formKey();
    const res = await objectTo(ids.public, undefined, key);
    expect(res.statusCode, res.body).toBe(200);
    ({ receiptCode: code, dueOn } = res.json());
    expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    expect(dueOn > '2026-03-05').toBe(true);
    const again = await objectTo(ids.public, undefined, key);
    expect(again.json()).toEqual({ duplicate: true, receiptCode: null, dueOn });
    expect(await t.ctx.db.select().from(disclosureObjections)).toHaveLength(1);
    expect(await objectionTodos('disclosure_objection')).toEqual([
      { orgId: village.id, status: 'open', role: 'unit_head' },
    ]);
    const seen = await status(code.toLowerCase());
    expect(seen.statusCode, seen.body).toBe(200);
    expect(seen.json()).toMatchObject({ itemId: ids.public, orgName: '东风村', dueOn, answer: null });
    const wrong = await status('0000-0000-0000-0000');
    expect(wrong.statusCode).toBe(404);
    expect(wrong.json().error.message).toBe('未找到该查询码对应的异议');
  });

  it('unanswered past its deadline it escalates once to the township', async () => {
    await relogin();
    const list = await call(t, s.town, 'GET', '/api/v1/disclosure/objections?state=open');
    expect(list.json().items).toHaveLength(1);
    expect(await sweepOverdueObjections(t.ctx)).toBe(0);
    while (chinaDate(t.clock.now()) <= dueOn) t.clock.advance(86_400_000);
    expect(await sweepOverdueObjections(t.ctx)).toBe(1);
    expect(await sweepOverdueObjections(t.ctx)).toBe(0);
    // the township has no party secretary's account here: the 督办 falls back to its organisation office
    expect(await objectionTodos('disclosure_objection_overdue')).toEqual([
      { orgId: town.id, status: 'open', role: 'org_officer' },
    ]);
    await relogin();
    const overdue = (await call(t, s.head, 'GET', '/api/v1/disclosure/objections?state=overdue')).json();
    expect(overdue.items[0]).toMatchObject({ state: 'overdue', escalatedOn: chinaDate(t.clock.now()) });
  });

  it('the unit answers (late); the villager reads the answer with the receipt code', async () => {
    const [row] = (await call(t, s.head, 'GET', '/api/v1/disclosure/objections')).json().items;
    const answer = (who: string, body: object) =>
      call(t, s[who], 'POST', `/api/v1/disclosure/objections/${row.id}/answer`, body);
    expect((await answer('otherTown', { answer: '答复', version: 1 })).statusCode).toBe(404);
    expect((await answer('committee', { answer: '答复', version: 1 })).statusCode).toBe(403);
    const empty = await answer('head', { answer: ' ', version: 1 });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.fields).toHaveProperty('answer');
    const ok = await answer('head', {
      answer: '经核对，办公费含打印机维修 40 元，票据可来村委会查阅。',
      version: 1,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ state: 'answered_late', version: 2 });
    expect((await answer('head', { answer: '再答', version: 2 })).statusCode).toBe(422);
    expect((await objectionTodos('disclosure_objection')).map((x) => x.status)).toEqual(['done']);
    expect((await objectionTodos('disclosure_objection_overdue')).map((x) => x.status)).toEqual(['done']);
    const seen = (await status(code)).json();
    expect(seen).toMatchObject({
      answer: '经核对，办公费含打印机维修 40 元，票据可来村委会查阅。',
      answeredOn: chinaDate(t.clock.now()),
    });
  });
});

// last: its 520 items would be among what the tests above count
describe('the search at volume', () => {
  it('a common phrase (520 items) pages newest first the same whichever way it is read, never a withdrawn one', async () => {
    // a township of its own, so the other boards keep their items
    const [{ parent }] = rowsOf<{ parent: string }>(
      await t.ctx.db.execute(sql`select parent_id as parent from orgs where id = ${town.id}`),
    );
    const far = await makeOrg(t.ctx, '远山镇', Number(parent));
    const farVillage = await makeOrg(t.ctx, '远山村', far.id, 'village');
    const type = await typeId(village.id, '村级财务收支');
    const tokens = sql`array(select jsonb_array_elements_text(${JSON.stringify(searchTokens('兴修水利工程公示'))}::jsonb))`;
    // 520 published (a few on the same day), one withdrawn with the same words
    await t.ctx.db.execute(sql`
      insert into disclosures (org_id, item_type_id, title, body, issuing_body, status, published_on, index_no, search_tokens)
      select ${farVillage.id}, ${type}, '兴修水利工程公示 ' || g, '正文', '远山村', 'published',
             date '2025-12-31' - least(g, 510 + (g % 10)), 'SL-' || g, ${tokens}
        from generate_series(1, 520) g`);
    await t.ctx.db.execute(sql`
      insert into disclosures (org_id, item_type_id, title, body, issuing_body, status, published_on, withdrawn_on, index_no, search_tokens)
      values (${farVillage.id}, ${type}, '兴修水利工程公示 撤回', '正文', '远山村', 'withdrawn', '2025-12-31', '2026-01-05', 'SL-W', ${tokens})`);
    const expected = rowsOf<{ id: string }>(
      await t.ctx.db.execute(sql`select id from disclosures where index_no like 'SL-%' and status = 'published'
        order by published_on desc, id desc`),
    ).map((r) => Number(r.id));
    const q = encodeURIComponent('兴修水利');
    const read = async (page: number, township?: number) => {
      const res = await get(
        `/api/v1/portal/openness/search?q=${q}&page=${page}${township ? `&township=${township}` : ''}`,
      );
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as {
        total: number;
        totalCapped: boolean;
        items: { id: number; withdrawn: boolean }[];
      };
    };
    const first = await read(1); // read walking the publication order: 20 × 25 ≤ 520
    expect(first.total).toBe(520);
    expect(first.items.map((i) => i.id)).toEqual(expected.slice(0, 20));
    const last = await read(26); // read from the search index and sorted
    expect(last.items.map((i) => i.id)).toEqual(expected.slice(500, 520));
    expect((await read(2)).items.map((i) => i.id)).toEqual(expected.slice(20, 40));
    expect((await read(27)).items).toEqual([]);
    expect((await read(1, far.id)).items.map((i) => i.id)).toEqual(expected.slice(0, 20));
    expect((await read(1, town.id)).total).toBe(0);
    expect(first.totalCapped).toBe(false);

    // 500 more: the first pages count up to 1,000 (“1000 余条”), a far page ten pages past itself
    await t.ctx.db.execute(sql`
      insert into disclosures (org_id, item_type_id, title, body, issuing_body, status, published_on, index_no, search_tokens)
      select ${farVillage.id}, ${type}, '兴修水利工程公示（续）' || g, '正文', '远山村', 'published',
             date '2024-06-30' - g, 'SLX-' || g, ${tokens}
        from generate_series(1, 500) g`);
    const capped = await read(1);
    expect(capped).toMatchObject({ total: 1000, totalCapped: true });
    expect(capped.items.map((i) => i.id)).toEqual(expected.slice(0, 20));
    expect(await read(45)).toMatchObject({ total: 1020, totalCapped: false });
    expect((await read(51)).items).toHaveLength(20);
  });
});
