import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { searchTokens } from '../../src/domain/search-tokens.js';
import { cadres } from '../../src/server/modules/cadres/schema.js';
import { searchPlan, walkDepth } from '../../src/server/modules/petitions/workflow/list-petitions.js';
import { rowsOf } from '../../src/server/platform/db/rows.js';
import { call, makeOrg, makeUser, type Session, signIn } from '../support/factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * A search with up to 10,000 matches sorts its page from the matches read through the search index;
 * a common one walks the date index newest first, to a bounded depth; a list without a search
 * chooses its page's ids by walking the work-queue index (issue 16, "search whatever the term" and
 * deep pages). Every plan must give the same rows in the same order, page after page, within the
 * reader's scope and without what the reader must recuse from.
 */
let t: TestApp;
let district: Session;
let township: Session;
let recused: Session;
let eastId: number;
let districtId: number;
let cadreId: number;
beforeAll(async () => {
  t = await createTestApp();
  const d = await makeOrg(t.ctx, '计划区', null, 'district');
  districtId = d.id;
  const east = await makeOrg(t.ctx, '东计镇', d.id);
  const west = await makeOrg(t.ctx, '西计镇', d.id);
  eastId = east.id;
  const outside = await makeOrg(t.ctx, '外计镇', (await makeOrg(t.ctx, '外计区', null, 'district')).id);
  const rare = `{${searchTokens('反映稀有事项').join(',')}}`;
  const common = `{${searchTokens('反映常见问题').join(',')}}`;
  // 240 petitions over three orgs: every 20th names the rare term; several share a received date,
  // so the id breaks the ties
  await t.ctx.db.execute(sql`
    insert into petitions (org_id, code, channel, received_on, title, content, search_tokens, status)
    select (array[${east.id}, ${west.id}, ${outside.id}]::bigint[])[1 + i % 3],
      'XF2026-' || lpad(i::text, 5, '0'), 'letter', date '2025-01-01' + (i * 7 % 90),
      case when i % 20 = 0 then '反映稀有事项' else '反映常见问题' end, '内容',
      case when i % 20 = 0 then ${rare}::text[] else ${common}::text[] end,
      case when i % 4 = 0 then 'concluded' when i % 4 = 1 then 'investigating' else 'registered' end
    from generate_series(1, 240) as i`);
  // the work queue's keys vary: urgent cases, due dates (some none), shared due dates
  await t.ctx.db.execute(sql`update petitions set urgent = (id % 7 = 0),
    due_on = case when id % 5 = 0 then null else received_on + (id * 13 % 30)::int end`);
  // every 11th names a cadre the third reader is: they must never see those
  [{ id: cadreId }] = await t.ctx.db
    .insert(cadres)
    .values({ orgId: east.id, name: '回避人', namePinyin: '', nameInitials: '' })
    .returning({ id: cadres.id });
  await t.ctx.db.execute(sql`insert into petition_subjects (petition_id, cadre_id, name)
    select id, ${cadreId}, '回避人' from petitions where id % 11 = 0`);
  await t.ctx.db.execute(sql`analyze petitions`);
  district = await signIn(
    t,
    (await makeUser(t.ctx, { orgId: d.id, roles: ['district_discipline'] })).username,
  );
  township = await signIn(
    t,
    (await makeUser(t.ctx, { orgId: east.id, roles: ['discipline_officer'] })).username,
  );
  recused = await signIn(
    t,
    (await makeUser(t.ctx, { orgId: d.id, roles: ['district_discipline'], cadreId })).username,
  );
});
const defaults = { ...searchPlan };
afterEach(() => {
  Object.assign(searchPlan, defaults);
});
/** Every search walks the date index (the planner's estimate is "common" whatever the term). */
const walkEverySearch = () =>
  Object.assign(searchPlan, { commonAbove: -1, walkedRows: 10_000, walkBudget: 1e9 });
afterAll(async () => t.close());

type Row = { code: string; orgName: string };
type Page = { items: Row[]; total: number; totalCapped: boolean };

async function pages(s: Session, q: string, extra = ''): Promise<Page[]> {
  const out: Page[] = [];
  for (let page = 1; page <= 40; page++) {
    const search = q ? `q=${encodeURIComponent(q)}&` : '';
    const r = await call(t, s, 'GET', `/api/v1/petitions?${search}pageSize=7&page=${page}${extra}`);
    expect(r.statusCode).toBe(200);
    const body = r.json() as Page;
    out.push({
      items: body.items.map((x) => ({ code: x.code, orgName: x.orgName })),
      total: body.total,
      totalCapped: body.totalCapped,
    });
    if (body.items.length < 7) break;
  }
  return out;
}

/** The pages' rows alone: a common word's walk does not count its matches ("more than 10,000"). */
const itemsOf = (ps: Page[]) => ps.map((p) => p.items);

/** The codes the reader should find, newest first (ties: the later id first), straight from the table. */
async function expected(
  orgIds: number[],
  title: string | null,
  order: 'desc' | 'asc' | 'queue' = 'desc',
  recusedFrom?: number,
): Promise<string[]> {
  const by =
    order === 'queue'
      ? sql`(urgent and status not in ('concluded', 'declined')) desc, status not in ('concluded', 'declined') desc,
          due_on asc nulls last, received_on desc, id desc`
      : sql`received_on ${sql.raw(order)}, id desc`;
  const res = await t.ctx.db.execute(sql`
    select code from petitions p where org_id = any(${`{${orgIds.join(',')}}`}::bigint[])
      and (${title}::text is null or title = ${title})
      and not exists (select 1 from petition_subjects s where s.petition_id = p.id and s.cadre_id = ${recusedFrom ?? -1})
    order by ${by}`);
  return rowsOf<{ code: string }>(res).map((r) => r.code);
}

const orgsUnder = async (id: number) =>
  rowsOf<{ id: number }>(
    await t.ctx.db.execute(
      sql`select id from orgs where path like (select path from orgs where id = ${id}) || '%'`,
    ),
  ).map((r) => Number(r.id));

describe('a search gives the same pages whichever plan finds them', () => {
  for (const [term, title] of [
    ['稀有', '反映稀有事项'],
    ['常见', '反映常见问题'],
  ] as const)
    for (const who of ['district', 'township'] as const)
      it(`${term}, ${who}: rows, order, paging and scope`, async () => {
        const s = who === 'district' ? district : township;
        const want = await expected(await orgsUnder(who === 'district' ? districtId : eastId), title);
        expect(want.length).toBeGreaterThan(0);
        const sorted = await pages(s, term);
        walkEverySearch();
        const walked = await pages(s, term);
        expect(itemsOf(walked)).toEqual(itemsOf(sorted));
        expect(walked.every((p) => p.totalCapped)).toBe(true); // a common word is not counted
        expect(sorted.flatMap((p) => p.items.map((r) => r.code))).toEqual(want);
        expect(sorted.every((p) => p.total === want.length && !p.totalCapped)).toBe(true);
        expect(sorted.flatMap((p) => p.items).some((r) => r.orgName === '外计镇')).toBe(false);
      });

  it('oldest first too, and an absent term finds nothing on either plan', async () => {
    const want = await expected(await orgsUnder(districtId), '反映稀有事项', 'asc');
    const extra = '&sort=receivedOn&order=asc';
    const sorted = await pages(district, '稀有', extra);
    walkEverySearch();
    expect(itemsOf(await pages(district, '稀有', extra))).toEqual(itemsOf(sorted));
    expect(sorted.flatMap((p) => p.items.map((r) => r.code))).toEqual(want);
    Object.assign(searchPlan, defaults);
    const none = await pages(district, '无此');
    expect(none).toEqual([{ items: [], total: 0, totalCapped: false }]);
    walkEverySearch();
    expect(itemsOf(await pages(district, '无此'))).toEqual([[]]);
  });

  it('neither plan shows a recused reader the cases they recuse from', async () => {
    const want = await expected(await orgsUnder(districtId), '反映常见问题', 'desc', cadreId);
    const all = await expected(await orgsUnder(districtId), '反映常见问题');
    expect(want.length).toBeLessThan(all.length);
    const sorted = await pages(recused, '常见');
    walkEverySearch();
    expect(itemsOf(await pages(recused, '常见'))).toEqual(itemsOf(sorted));
    expect(sorted.flatMap((p) => p.items.map((r) => r.code))).toEqual(want);
    expect(sorted[0].total).toBe(want.length);
  });

  it('a page past the last match still says how many there are', async () => {
    const r = await call(
      t,
      district,
      'GET',
      `/api/v1/petitions?q=${encodeURIComponent('稀有')}&pageSize=7&page=9`,
    );
    expect(r.statusCode).toBe(200);
    const want = await expected(await orgsUnder(districtId), '反映稀有事项');
    expect(r.json()).toMatchObject({ items: [], total: want.length, totalCapped: false });
  });
});

describe('deep pages', () => {
  it('a common word walks as deep as its share of the scope allows', () => {
    const plan = { commonAbove: 20_000, walkedRows: 1_000, walkBudget: 3_000 };
    expect(walkDepth(187_375, 1_000_000, plan)).toBe(562); // 作风 across the district: page 28 of 20
    expect(walkDepth(900_000, 1_000_000, plan)).toBe(1_000); // never past walkedRows
    expect(walkDepth(20_001, 1_000_000, plan)).toBe(60); // a 2% word: 3 pages
    expect(walkDepth(30, 1_000_000, plan)).toBe(20); // at least one page
    expect(walkDepth(5, 0, plan)).toBe(1_000);
  });

  for (const who of ['district', 'township', 'recused'] as const)
    it(`the list without a search, ${who}: every page in the work queue's order`, async () => {
      const s = { district, township, recused }[who];
      const orgIds = await orgsUnder(who === 'township' ? eastId : districtId);
      const want = await expected(orgIds, null, 'queue', who === 'recused' ? cadreId : undefined);
      const got = await pages(s, '');
      expect(got.flatMap((p) => p.items.map((r) => r.code))).toEqual(want);
      expect(got.every((p) => p.total === want.length)).toBe(true);
      // by received date, oldest first, too
      const asc = await pages(s, '', '&sort=receivedOn&order=asc');
      expect(asc.flatMap((p) => p.items.map((r) => r.code))).toEqual(
        await expected(orgIds, null, 'asc', who === 'recused' ? cadreId : undefined),
      );
    });

  it('a common word pages only its first rows: past them, a clear 400', async () => {
    walkEverySearch();
    searchPlan.walkedRows = 14;
    const url = (page: number) => `/api/v1/petitions?q=${encodeURIComponent('常见')}&pageSize=7&page=${page}`;
    const second = await call(t, district, 'GET', url(2));
    expect(second.statusCode).toBe(200);
    expect(second.json()).toMatchObject({ totalCapped: true, pageableRows: 14 });
    expect(second.json().items).toHaveLength(7);
    const third = await call(t, district, 'GET', url(3));
    expect(third.statusCode).toBe(400);
    expect(third.json().error.message).toContain('仅显示前 14 件');
    // a term sorted from its matches pages to its end, however deep
    Object.assign(searchPlan, defaults, { walkedRows: 14 });
    const deep = await call(t, district, 'GET', url(5));
    expect(deep.statusCode).toBe(200);
    expect(deep.json().items).toHaveLength(7);
    expect(deep.json().pageableRows).toBeUndefined();
  });
});
