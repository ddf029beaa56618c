import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { searchTokens } from '../../src/domain/search-tokens.js';
import { petitions } from '../../src/server/modules/petitions/schema.js';
import { COUNT_CAP, countUpToCap, estimatedRows } from '../../src/server/platform/http/capped-count.js';
import { call, makeOrg, makeUser, signIn } from '../support/factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

it('stops counting a broad petition list at the cap and says the total is a lower bound', async () => {
  const town = await makeOrg(t.ctx, '计数镇');
  const officer = await makeUser(t.ctx, { orgId: town.id, roles: ['discipline_officer'] });
  const s = await signIn(t, officer.username);
  const broad = `{${searchTokens('反映干部作风问题').join(',')}}`;
  const narrow = `{${searchTokens('反映村道修建资金').join(',')}}`;
  await t.ctx.db.execute(sql`
    insert into petitions (org_id, code, channel, received_on, title, content, search_tokens, status)
    select ${town.id}, 'XF2026-' || lpad(i::text, 5, '0'), 'letter', date '2026-01-05',
      case when i <= 3 then '反映村道修建资金' else '反映干部作风问题' end, '内容',
      case when i <= 3 then ${narrow}::text[] else ${broad}::text[] end, 'registered'
    from generate_series(1, ${COUNT_CAP + 50}) as i`);

  const all = (await call(t, s, 'GET', '/api/v1/petitions?pageSize=20')).json();
  expect(all.total).toBe(COUNT_CAP);
  expect(all.totalCapped).toBe(true);
  expect(all.items).toHaveLength(20);
  const search = (await call(t, s, 'GET', `/api/v1/petitions?q=${encodeURIComponent('作风')}`)).json();
  expect(search).toMatchObject({ total: COUNT_CAP, totalCapped: true });
  const few = (await call(t, s, 'GET', `/api/v1/petitions?q=${encodeURIComponent('修建')}`)).json();
  expect(few).toMatchObject({ total: 3, totalCapped: false });
  expect(few.items).toHaveLength(3);
});

it('takes the planner’s word for a search twice the cap or more, and counts one near it', async () => {
  const town = await makeOrg(t.ctx, '估算镇');
  const tokens = `{${searchTokens('反映估算检验问题').join(',')}}`;
  await t.ctx.db.execute(sql`
    insert into petitions (org_id, code, channel, received_on, title, content, search_tokens, status)
    select ${town.id}, 'XF2025-' || lpad(i::text, 5, '0'), 'letter', date '2025-01-05', '反映估算检验问题', '内容',
      ${tokens}::text[], 'concluded'
    from generate_series(1, 1000) as i`);
  await t.ctx.db.execute(sql`analyze petitions`);
  // the statistics still say 1,000 after all but ten are gone: only the estimate can say "more"
  await t.ctx.db.execute(sql`delete from petitions where org_id = ${town.id} and code > 'XF2025-00010'`);
  const where = sql`${petitions.searchTokens} @> array['估算']::text[]`;
  expect(await estimatedRows(t.ctx.db, petitions, where)).toBeGreaterThan(500);
  expect(await countUpToCap(t.ctx.db, petitions, where, 100, { estimateFirst: true })).toEqual({
    total: 100,
    totalCapped: true,
  });
  expect(await countUpToCap(t.ctx.db, petitions, where, 100)).toEqual({ total: 10, totalCapped: false });
  // an estimate near the cap is counted
  expect(await countUpToCap(t.ctx.db, petitions, where, 600, { estimateFirst: true })).toEqual({
    total: 10,
    totalCapped: false,
  });
});

it('searches a district-level reader’s whole subtree, and nothing outside it', async () => {
  const district = await makeOrg(t.ctx, '检索区', null, 'district');
  const [east, west] = [
    await makeOrg(t.ctx, '东检镇', district.id),
    await makeOrg(t.ctx, '西检镇', district.id),
  ];
  const elsewhere = await makeOrg(t.ctx, '外区镇', (await makeOrg(t.ctx, '外区', null, 'district')).id);
  const tokens = `{${searchTokens('反映区级检索事项').join(',')}}`;
  for (const [i, org] of [east, west, elsewhere].entries())
    await t.ctx.db.execute(sql`
      insert into petitions (org_id, code, channel, received_on, title, content, search_tokens, status)
      values (${org.id}, ${`XF2026-900${i}`}, 'letter', date '2026-01-05', '反映区级检索事项', '内容', ${tokens}::text[], 'registered')`);
  const reader = await makeUser(t.ctx, { orgId: district.id, roles: ['district_discipline'] });
  const s = await signIn(t, reader.username);
  const found = (await call(t, s, 'GET', `/api/v1/petitions?q=${encodeURIComponent('区级检索')}`)).json();
  expect(found.items.map((r: { orgName: string }) => r.orgName).sort()).toEqual(['东检镇', '西检镇']);
  expect(found).toMatchObject({ total: 2, totalCapped: false });
});
