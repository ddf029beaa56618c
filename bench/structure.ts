/**
 * 素质结构 at district scale: 50,000 cadres in a district of 100 townships (4 departments and
 * 6 villages each), with birth dates, education, gender, ethnicity, political status and tenures
 * (current ones, and ended ones so the years' trend changes); then GET /assessments/structure for
 * the district and for one township, one client, 50 requests each — target p95 < 200 ms. Run with
 * `npx tsx bench/structure.ts` (embedded database) or with TEST_DATABASE_URL set (PostgreSQL).
 */
import { sql } from 'drizzle-orm';
import { chinaDate } from '../src/domain/calendar.js';
import { setStoredStructure } from '../src/server/modules/assessments/structure.js';
import { refreshStructure } from '../src/server/modules/assessments/structure-refresh.js';
import { rowsOf } from '../src/server/platform/db/rows.js';
import { makeOrg, makeUser, signIn } from '../tests/support/factories.js';
import { createTestApp } from '../tests/support/test-app.js';
import { fmt, load, summarize } from './load.js';

const TOWNS = Number(process.env.TOWNS ?? 100);
const PER_TOWN = Number(process.env.PER_TOWN ?? 500);
const REQUESTS = Number(process.env.REQUESTS ?? 50);

const t = await createTestApp();
const db = t.ctx.db;
const today = chinaDate(t.clock.now());
const started = performance.now();
const district = await makeOrg(t.ctx, '基准区', null, 'district');

// 100 townships, each with 4 departments and 6 villages, paths as the orgs module keeps them.
await db.execute(sql`
  insert into orgs (name, kind, parent_id, sort)
  select '基准镇' || g, 'township', ${district.id}, g from generate_series(1, ${TOWNS}) g`);
await db.execute(sql`
  update orgs set path = ${district.path} || id || '/' where parent_id = ${district.id}`);
await db.execute(sql`
  insert into orgs (name, kind, parent_id, sort)
  select case when k <= 4 then (array['党政办','组织办','纪检办','财政所'])[k] else '基准村' || k end,
         case when k <= 4 then 'department' else 'village' end, o.id, k
  from orgs o cross join generate_series(1, 10) k where o.parent_id = ${district.id}`);
await db.execute(sql`
  update orgs c set path = p.path || c.id || '/' from orgs p
  where c.parent_id = p.id and p.parent_id = ${district.id}`);

// 500 cadres per township, spread over the township and its 10 children; attributes by arithmetic.
await db.execute(sql`
  insert into cadres (org_id, name, name_pinyin, name_initials, gender, birth_date, ethnicity,
                      political_status, education, status, source)
  select o.id, '干部' || g, 'ganbu' || g, 'gb',
         case when g % 3 = 0 then '女' else '男' end,
         date '1966-01-01' + ((g * 7919) % 13000),
         case when g % 11 = 0 then '回族' else '汉族' end,
         (array['cpc','cpc','cpc','probationary','league','none'])[1 + g % 6],
         (array['postgraduate','bachelor','bachelor','college','college','secondary','high_school','middle_school'])[1 + (g / 7) % 8],
         'active', 'demo'
  from generate_series(0, ${TOWNS * PER_TOWN - 1}) g,
       (select array_agg(id order by id) ids from orgs
        where path like ${district.path} || '%' and kind <> 'district') a,
       lateral (select a.ids[1 + g % cardinality(a.ids)] as id) o`);

// One current tenure each (started 1995..today), and an ended earlier post for every third cadre;
// every seventh current post started within the last three years, so the trend moves.
await db.execute(sql`
  insert into tenures (cadre_id, org_id, title, level, is_principal, start_date, end_date, source)
  select c.id, c.org_id, '职务', (array['zhengke','fuke','middle_principal','middle_deputy','village'])[1 + c.id % 5],
         c.id % 23 = 0,
         case when c.id % 7 = 0 then ${today}::date - (c.id % 1000)::int
              else date '1995-01-01' + (c.id % 9000)::int end,
         null, 'manual'
  from cadres c join orgs o on o.id = c.org_id where o.path like ${district.path} || '%'`);
await db.execute(sql`
  insert into tenures (cadre_id, org_id, title, level, start_date, end_date, end_reason, source)
  select t.cadre_id, t.org_id, '原职务', t.level, t.start_date - 2000, t.start_date, 'transfer', 'manual'
  from tenures t where t.cadre_id % 3 = 0 and t.end_date is null`);
await db.execute(sql`analyze orgs`);
await db.execute(sql`analyze cadres`);
await db.execute(sql`analyze tenures`);

const [{ n: cadreCount }] = rowsOf<any>(await db.execute(sql`select count(*)::int as n from cadres`));
const [{ n: tenureCount }] = rowsOf<any>(await db.execute(sql`select count(*)::int as n from tenures`));
const [town] = rowsOf<any>(
  await db.execute(sql`select id from orgs where parent_id = ${district.id} order by id limit 1`),
);
console.log(
  `seeded ${cadreCount} cadres, ${tenureCount} tenures in ${TOWNS} townships in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);

if (process.env.HOLD_SECONDS)
  await new Promise((r) => setTimeout(r, Number(process.env.HOLD_SECONDS) * 1000));
const u = await makeUser(t.ctx, { orgId: district.id, roles: ['org_officer'] });
const s = await signIn(t, u.username);
const seen = new Map<string, string>();
const get = async (orgId: number, label?: string) => {
  const r = await t.app.inject({
    method: 'GET',
    url: `/api/v1/assessments/structure?orgId=${orgId}`,
    headers: { cookie: s.cookie },
  });
  if (r.statusCode !== 200) throw new Error(`${r.statusCode} ${r.body}`);
  if (label && !seen.has(label)) {
    const body = r.json();
    seen.set(label, JSON.stringify(body));
    console.log(
      `district structure (${label}): ${body.total} cadres in post on ${body.on}, trend ${body.trend.map((y: any) => y.total).join(' / ')}`,
    );
  }
  return true;
};

// The scenarios after a change: each request follows one write (not timed) that drops stored rows.
// A post ended today and restored reaches today only; a start moved within 2024 reaches its year-end on.
const [post] = rowsOf<{ id: number; start: string }>(
  await db.execute(sql`select t.id, t.start_date::text as start from tenures t join orgs o on o.id = t.org_id
    where o.path like ${district.path} || '%' and t.end_date is null and t.start_date < '2024-01-01'
    order by t.id limit 1`),
);
let flip = false;
const endToday = async () => {
  flip = !flip;
  await db.execute(sql`update tenures set end_date = ${flip ? today : null} where id = ${post.id}`);
};
const correct2024 = async () => {
  flip = !flip;
  await db.execute(
    sql`update tenures set start_date = ${flip ? '2024-03-01' : '2024-04-01'} where id = ${post.id}`,
  );
};
async function afterEach(name: string, n: number, write: () => Promise<void>) {
  const latencies: number[] = [];
  const started = performance.now();
  for (let i = 0; i < n; i++) {
    await write();
    const t0 = performance.now();
    await get(district.id);
    latencies.push(performance.now() - t0);
  }
  return summarize(name, latencies, 0, (performance.now() - started) / 1000);
}

/** The same, with the refresh job's run between the write and the view (its time on a row of its own). */
async function afterRefresh(name: string, n: number, write: () => Promise<void>) {
  const latencies: number[] = [];
  const refreshes: number[] = [];
  const started = performance.now();
  for (let i = 0; i < n; i++) {
    await write();
    const r0 = performance.now();
    const { left } = await refreshStructure(t.ctx);
    if (left) throw new Error(`the refresh left ${left} stale`);
    refreshes.push(performance.now() - r0);
    const t0 = performance.now();
    await get(district.id);
    latencies.push(performance.now() - t0);
  }
  const seconds = (performance.now() - started) / 1000;
  return [
    summarize(`${name}: the refresh job's run (not a request)`, refreshes, 0, seconds),
    summarize(`${name}: the view after it`, latencies, 0, seconds),
  ];
}

const opts = { concurrency: 1, requests: REQUESTS, maxSeconds: 300 };
const few = { concurrency: 1, requests: Math.min(REQUESTS, 20), maxSeconds: 300 };
const results = [];
// the first request counts everything and stores it: the cold district
const t0 = performance.now();
await get(district.id, 'first, stored');
results.push(
  summarize('district, first request (counts and stores) · 1 client', [performance.now() - t0], 0, 1),
);
results.push(
  await load('GET /assessments/structure (district, 50,000 cadres, stored) · 1 client', opts, () =>
    get(district.id, 'stored'),
  ),
);
results.push(
  await load('GET /assessments/structure (one township, 500 cadres, stored) · 1 client', opts, () =>
    get(town.id),
  ),
);
results.push(
  await afterEach('district after a post ended today (today recounted) · 1 client', few.requests, endToday),
);
results.push(
  await afterEach(
    'district after a 2024 start corrected (2024-12-31 on recounted) · 1 client',
    few.requests,
    correct2024,
  ),
);
results.push(...(await afterRefresh('district after a post ended today', few.requests, endToday)));
results.push(...(await afterRefresh('district after a 2024 start corrected', few.requests, correct2024)));
await db.execute(sql`update tenures set start_date = ${post.start}, end_date = null where id = ${post.id}`);
// the same requests counted from the tenures every time, as before the stored counts
setStoredStructure(false);
results.push(
  await load('GET /assessments/structure (district, counted live) · 1 client', few, () =>
    get(district.id, 'live'),
  ),
);
results.push(
  await load('GET /assessments/structure (one township, counted live) · 1 client', opts, () => get(town.id)),
);
setStoredStructure(true);
console.log('| scenario | requests | errors | rps | p50 ms | p95 ms | p99 ms |');
for (const r of results) console.log(fmt(r));
const [stored, live] = [seen.get('stored'), seen.get('live')];
console.log(`stored and live answers equal: ${stored === live}`);
await t.close();
process.exit(0);
