import { and, count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchTokens } from '../../src/domain/search-tokens.js';
import { registerOpennessJobs } from '../../src/server/modules/openness/jobs.js';
import { latestOfType } from '../../src/server/modules/openness/portal/board.js';
import { disclosureDueItems, disclosures } from '../../src/server/modules/openness/schema.js';
import { auditLog } from '../../src/server/platform/audit/schema.js';
import { rowsOf } from '../../src/server/platform/db/rows.js';
import { registeredJobs } from '../../src/server/platform/jobs/registry.js';
import { todos } from '../../src/server/platform/todos/schema.js';
import { call, makeOrg, makeUser, type Session, signIn } from '../support/factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * 办事程序 as structured fields (依据, 条件, 程序, 时限) from the publisher to the portal; the unit
 * calendar read without writing, its due items written by the hourly job; the board's order with
 * items lacking a date; a returned village item cannot be published without a fresh review. The
 * clock starts on 2026-03-02 (China).
 */
let t: TestApp;
let town: { id: number };
let dept: { id: number };
let village: { id: number };
type Who = 'town' | 'dept' | 'head' | 'committee';
const s = {} as Record<Who, Session>;
const names = {} as Record<Who, string>;
const relogin = async () => {
  for (const k of Object.keys(names) as Who[]) s[k] = await signIn(t, names[k]);
};
let address = 0;
const portal = (url: string) =>
  t.app.inject({ method: 'GET', url, remoteAddress: `10.9.${(++address >> 8) & 255}.${address & 255}` });

beforeAll(async () => {
  t = await createTestApp();
  const district = await makeOrg(t.ctx, '新城区', null, 'district');
  town = await makeOrg(t.ctx, '大兴镇', district.id);
  dept = await makeOrg(t.ctx, '农业服务中心', town.id, 'department');
  village = await makeOrg(t.ctx, '东风村', town.id, 'village');
  const user = async (who: Who, orgId: number, roles: string[], dataScope = 'org') => {
    names[who] = (await makeUser(t.ctx, { orgId, roles, dataScope })).username;
  };
  await user('town', town.id, ['unit_head'], 'subtree');
  await user('dept', dept.id, ['unit_head']);
  await user('head', village.id, ['unit_head']);
  await user('committee', village.id, ['village_supervisor']);
  await relogin();
});
afterAll(() => t?.close());

const typeId = async (orgId: number, name: string) => {
  const res = await call(t, s.town, 'GET', `/api/v1/disclosure/item-types?orgId=${orgId}`);
  const found = res.json().items.find((i: { name: string }) => i.name === name);
  expect(found, name).toBeTruthy();
  return found.id as number;
};
const get = async (id: number) => (await call(t, s.town, 'GET', `/api/v1/disclosures/${id}`)).json();
async function step(who: Who, id: number, action: string, extra: Record<string, unknown> = {}) {
  const { version } = await get(id);
  return call(t, s[who], 'POST', `/api/v1/disclosures/${id}/${action}`, { version, ...extra });
}

const procedure = {
  basis: '《农村土地承包法》第三十六条',
  conditions: '本村集体经济组织成员；承包合同在有效期内',
  steps: '1. 提交流转申请\n2. 村委会审核\n3. 签订流转合同并备案',
  timeLimit: '受理之日起 10 个工作日内办结',
};

describe('办事程序: 依据, 条件, 程序 and 时限', () => {
  let id: number;
  const base = async () => ({
    orgId: dept.id,
    itemTypeId: await typeId(dept.id, '办事程序'),
    title: '土地经营权流转备案办事程序',
    body: '土地经营权流转合同备案的办理指南。',
    issuingBody: '农业服务中心',
  });

  it('the catalogue has 办事程序 for townships and departments, marked as procedures', async () => {
    for (const orgId of [town.id, dept.id]) {
      const items = (await call(t, s.town, 'GET', `/api/v1/disclosure/item-types?orgId=${orgId}`)).json()
        .items;
      expect(items.find((i: { name: string }) => i.name === '办事程序')).toMatchObject({
        procedure: true,
        timing: 'none',
      });
      expect(items.filter((i: { procedure: boolean }) => i.procedure)).toHaveLength(1);
    }
  });

  it('refuses a procedure without its fields, a blank field, or procedure fields on another type; nothing written', async () => {
    const [{ n: before }] = await t.ctx.db.select({ n: count() }).from(disclosures);
    const missing = await call(t, s.dept, 'POST', '/api/v1/disclosures', await base());
    expect(missing.statusCode).toBe(422);
    expect(missing.json().error.message).toBe('办事程序须填写办事依据、办理条件、办理程序和办理时限');
    expect(missing.json().error.fields).toHaveProperty('procedure');
    const blank = await call(t, s.dept, 'POST', '/api/v1/disclosures', {
      ...(await base()),
      procedure: { ...procedure, conditions: '  ' },
    });
    expect(blank.statusCode).toBe(400);
    expect(blank.body).toContain('请填写办理条件');
    const other = await call(t, s.dept, 'POST', '/api/v1/disclosures', {
      ...(await base()),
      itemTypeId: await typeId(dept.id, '职责范围、办事程序和服务承诺'),
      procedure,
    });
    expect(other.statusCode).toBe(422);
    expect(other.json().error.fields).toHaveProperty('procedure');
    const [{ n: after }] = await t.ctx.db.select({ n: count() }).from(disclosures);
    expect(after).toBe(before);
  });

  it('stored with the draft, edited, published: the portal board and the item show the four fields', async () => {
    const res = await call(t, s.dept, 'POST', '/api/v1/disclosures', { ...(await base()), procedure });
    expect(res.statusCode, res.body).toBe(200);
    id = res.json().id;
    expect(res.json()).toMatchObject({ isProcedure: true, procedure });
    const d = await get(id);
    const edited = await call(t, s.dept, 'PUT', `/api/v1/disclosures/${id}`, {
      title: d.title,
      body: d.body,
      issuingBody: d.issuingBody,
      procedure: { ...procedure, timeLimit: '受理之日起 5 个工作日内办结' },
      version: d.version,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().procedure.timeLimit).toBe('受理之日起 5 个工作日内办结');
    const dropped = await call(t, s.dept, 'PUT', `/api/v1/disclosures/${id}`, {
      title: d.title,
      body: d.body,
      issuingBody: d.issuingBody,
      version: edited.json().version,
    });
    expect(dropped.statusCode).toBe(422);
    expect((await step('dept', id, 'publish')).statusCode).toBe(200);

    const board = (await portal(`/api/v1/portal/openness/units/${dept.id}`)).json();
    const section = board.sections.find((x: { name: string }) => x.name === '办事程序');
    expect(section.latest[0]).toMatchObject({
      id,
      procedure: { ...procedure, timeLimit: '受理之日起 5 个工作日内办结' },
    });
    // other sections' rows carry none
    expect(
      board.sections
        .filter((x: { name: string }) => x.name !== '办事程序')
        .flatMap((x: { latest: { procedure: unknown }[] }) => x.latest)
        .every((r: { procedure: unknown }) => r.procedure === null),
    ).toBe(true);
    const item = (await portal(`/api/v1/portal/openness/items/${id}`)).json();
    expect(item.procedure).toEqual({ ...procedure, timeLimit: '受理之日起 5 个工作日内办结' });
  });

  it('a withdrawn procedure shows only its notice, without the fields', async () => {
    expect((await step('dept', id, 'withdraw', { reason: '办事程序已调整' })).statusCode).toBe(200);
    const item = (await portal(`/api/v1/portal/openness/items/${id}`)).json();
    expect(item).toMatchObject({ withdrawn: true, procedure: null });
    expect(JSON.stringify(item)).not.toContain('土地经营权流转');
  });
});

describe('after a return, a village item is published only after a fresh review', () => {
  it('returned → edited → publish refused; submit → approve → publish', async () => {
    const res = await call(t, s.head, 'POST', '/api/v1/disclosures', {
      orgId: village.id,
      itemTypeId: await typeId(village.id, '村务一般事项'),
      period: '2025-Q4',
      title: '东风村2025年第四季度村务公开',
      body: '低保评定结果。',
      issuingBody: '东风村村民委员会',
    });
    const id = res.json().id as number;
    expect((await step('head', id, 'submit')).statusCode).toBe(200);
    expect((await step('committee', id, 'return', { reason: '缺少评议过程' })).statusCode).toBe(200);
    const d = await get(id);
    const edited = await call(t, s.head, 'PUT', `/api/v1/disclosures/${id}`, {
      title: d.title,
      body: `${d.body}\n补充：另增一户`,
      issuingBody: d.issuingBody,
      version: d.version,
    });
    expect(edited.json().status).toBe('draft');
    const direct = await step('head', id, 'publish');
    expect(direct.statusCode).toBe(422);
    expect(direct.json().error.fields).toHaveProperty('review');
    expect((await step('head', id, 'schedule', { publishAt: '2026-03-03T09:00:00+08:00' })).statusCode).toBe(
      422,
    );
    // an approved item is not edited behind the committee's back either
    expect((await step('head', id, 'submit')).statusCode).toBe(200);
    expect((await step('committee', id, 'approve')).statusCode).toBe(200);
    const late = await get(id);
    const sneak = await call(t, s.head, 'PUT', `/api/v1/disclosures/${id}`, {
      title: late.title,
      body: `${late.body}\n再增一户`,
      issuingBody: late.issuingBody,
      version: late.version,
    });
    expect(sneak.statusCode).toBe(422);
    expect((await step('head', id, 'publish')).json()).toMatchObject({ status: 'published' });
    expect((await get(id)).body).not.toContain('再增一户');
  });
});

describe('the unit calendar is read-only; the hourly job writes the due items', () => {
  const tally = async () => ({
    due: (await t.ctx.db.select({ n: count() }).from(disclosureDueItems))[0].n,
    todos: (await t.ctx.db.select({ n: count() }).from(todos))[0].n,
    audit: (await t.ctx.db.select({ n: count() }).from(auditLog))[0].n,
  });
  const calendar = async () => {
    const res = await call(t, s.head, 'GET', `/api/v1/disclosure/due-items?orgId=${village.id}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { items: { period: string | null; itemTypeName: string; dueOn: string }[] };
  };
  const runScheduleJob = async () => {
    registerOpennessJobs();
    const job = registeredJobs().recurring.find((j) => j.name === 'disclosure.schedule')!;
    await job.run(t.ctx, t.clock.now().toISOString());
  };

  it('two reads write nothing: no due item, to-do or audit record', async () => {
    const before = await tally();
    const first = await calendar();
    await calendar();
    expect(await tally()).toEqual(before);
    // the calendar was not filled by reading it: nothing for February until the job runs
    expect(first.items.filter((i) => i.period === '2026-02')).toEqual([]);
  });

  it('the job writes the period just ended; a new period after the clock moves, again only by the job', async () => {
    await runScheduleJob();
    const feb = (await calendar()).items.find(
      (i) => i.itemTypeName === '村级财务收支' && i.period === '2026-02',
    );
    expect(feb).toMatchObject({ dueOn: '2026-03-10' });
    const [todo] = await t.ctx.db
      .select()
      .from(todos)
      .where(and(eq(todos.recordType, 'disclosure_due'), eq(todos.orgId, village.id)));
    expect(todo).toBeTruthy();

    t.clock.current = new Date('2026-04-02T02:00:00Z');
    await relogin();
    const before = await tally();
    const read = await calendar();
    await calendar();
    expect(read.items.filter((i) => i.period === '2026-03')).toEqual([]);
    expect(await tally()).toEqual(before);

    await runScheduleJob();
    const after = await calendar();
    expect(
      after.items.find((i) => i.itemTypeName === '村级财务收支' && i.period === '2026-03'),
    ).toMatchObject({
      dueOn: '2026-04-10',
    });
    expect(
      after.items.find((i) => i.itemTypeName === '村务一般事项' && i.period === '2026-Q1'),
    ).toMatchObject({
      dueOn: '2026-04-10',
    });
    // the job is idempotent
    const once = await tally();
    await runScheduleJob();
    expect((await tally()).due).toBe(once.due);
  });
});

describe('the board’s order: newest first, items lacking a date last', () => {
  it('the portal index and the board’s query agree on DESC NULLS LAST', async () => {
    const defs = rowsOf<{ indexname: string; indexdef: string }>(
      await t.ctx.db.execute(
        sql`select indexname, indexdef from pg_indexes where indexname in ('disclosures_portal_idx', 'disclosures_published_order_idx')`,
      ),
    );
    expect(defs).toHaveLength(2);
    for (const d of defs)
      expect(d.indexdef, d.indexname).toMatch(/published_on DESC NULLS LAST, id DESC NULLS LAST/);
    // with sorting priced out, a query whose order matches the index reads it in order with no Sort step
    const generalId = await typeId(village.id, '村务一般事项');
    const plan = await t.ctx.db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      await tx.execute(sql`set local enable_sort = off`);
      await tx.execute(sql`set local enable_bitmapscan = off`);
      const q = latestOfType(tx, village.id, generalId, '2026-04-02', 3);
      return rowsOf<{ 'QUERY PLAN': string }>(await tx.execute(sql`explain ${q}`))
        .map((r) => r['QUERY PLAN'])
        .join('\n');
    });
    expect(plan).toContain('disclosures_portal_idx');
    expect(plan).not.toMatch(/\bSort\b/);
  });

  it('items without a publication date come after the dated ones, by number, on the board, its pages and the search', async () => {
    const type = await typeId(dept.id, '职责范围、办事程序和服务承诺');
    const row = (marker: string, publishedOn: string | null) => ({
      orgId: dept.id,
      itemTypeId: type,
      title: `职责范围 ${marker}`,
      body: `排序核对 ${marker}`,
      issuingBody: '农业服务中心',
      status: 'published',
      publishedOn,
      searchTokens: searchTokens(`职责范围 ${marker}`, `排序核对 ${marker}`),
    });
    // inserted undated first, so their numbers are lower than the dated ones'
    const made = await t.ctx.db
      .insert(disclosures)
      .values([
        row('undated-a', null),
        row('undated-b', null),
        row('dated-old', '2026-01-05'),
        row('dated-new', '2026-03-20'),
      ])
      .returning({ id: disclosures.id, title: disclosures.title });
    const byTitle = Object.fromEntries(made.map((m) => [m.title.split(' ')[1], m.id]));
    const expected = [byTitle['dated-new'], byTitle['dated-old'], byTitle['undated-b'], byTitle['undated-a']];

    const page = (await portal(`/api/v1/portal/openness/units/${dept.id}/items?type=${type}`)).json();
    expect(page.items.map((i: { id: number }) => i.id)).toEqual(expected);
    expect(page.items.at(-1)).toMatchObject({ publishedOn: null });
    const board = (await portal(`/api/v1/portal/openness/units/${dept.id}`)).json();
    const section = board.sections.find((x: { typeId: number }) => x.typeId === type);
    expect(section.latest.map((i: { id: number }) => i.id)).toEqual(expected.slice(0, 3));
    // the search reads them in the same order
    const found = (await portal(`/api/v1/portal/openness/search?q=${encodeURIComponent('排序核对')}`)).json();
    expect(found.items.map((i: { id: number }) => i.id)).toEqual(expected);
  });
});
