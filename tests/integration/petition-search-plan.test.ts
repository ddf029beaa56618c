import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { searchTokens } from '../../src/domain/search-tokens.js';
import { searchPlan } from '../../src/server/modules/petitions/workflow/list-petitions.js';
import { rowsOf } from '../../src/server/platform/db/rows.js';
import { call, makeOrg, makeUser, type Session, signIn } from '../support/factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * A search with few matches sorts its page from the matches read through the search index; one with
 * many walks the date index newest first (issue 16, "search whatever the term"). Both plans must give
 * the same rows in the same order, page after page, within the reader's scope.
 */
let t: TestApp;
let district: Session;
let township: Session;
let eastId: number;
let districtId: number;
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
      case when i % 4 = 0 then 'concluded' else 'registered' end
    from generate_series(1, 240) as i`);
  await t.ctx.db.execute(sql`analyze petitions`);
  district = await signIn(
    t,
    (await makeUser(t.ctx, { orgId: d.id, roles: ['district_discipline'] })).username,
  );
  township = await signIn(
    t,
    (await makeUser(t.ctx, { orgId: east.id, roles: ['discipline_officer'] })).username,
  );
});
afterEach(() => {
  searchPlan.rareMatches = 2_000;
});
afterAll(async () => t.close());

type Row = { code: string; orgName: string };
type Page = { items: Row[]; total: number; totalCapped: boolean };

async function pages(s: Session, q: string, extra = ''): Promise<Page[]> {
  const out: Page[] = [];
  for (let page = 1; page <= 40; page++) {
    const r = await call(
      t,
      s,
      'GET',
      `/api/v1/petitions?q=${encodeURIComponent(q)}&pageSize=7&page=${page}${extra}`,
    );
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

/** The codes the reader should find, newest first (ties: the later id first), straight from the table. */
async function expected(orgIds: number[], title: string, order: 'desc' | 'asc' = 'desc'): Promise<string[]> {
  const res = await t.ctx.db.execute(sql`
    select code from petitions where org_id = any(${`{${orgIds.join(',')}}`}::bigint[]) and title = ${title}
    order by received_on ${sql.raw(order)}, id desc`);
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
        searchPlan.rareMatches = 0; // every search walks the date index
        const walked = await pages(s, term);
        expect(sorted).toEqual(walked);
        expect(sorted.flatMap((p) => p.items.map((r) => r.code))).toEqual(want);
        expect(sorted.every((p) => p.total === want.length && !p.totalCapped)).toBe(true);
        expect(sorted.flatMap((p) => p.items).some((r) => r.orgName === '外计镇')).toBe(false);
      });

  it('oldest first too, and an absent term finds nothing on either plan', async () => {
    const want = await expected(await orgsUnder(districtId), '反映稀有事项', 'asc');
    const extra = '&sort=receivedOn&order=asc';
    const sorted = await pages(district, '稀有', extra);
    searchPlan.rareMatches = 0;
    expect(await pages(district, '稀有', extra)).toEqual(sorted);
    expect(sorted.flatMap((p) => p.items.map((r) => r.code))).toEqual(want);
    searchPlan.rareMatches = 2_000;
    const none = await pages(district, '无此');
    expect(none).toEqual([{ items: [], total: 0, totalCapped: false }]);
    searchPlan.rareMatches = 0;
    expect(await pages(district, '无此')).toEqual(none);
  });
});
