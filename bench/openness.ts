import pg from 'pg';
import { searchTokens } from '../src/domain/search-tokens.js';
import { hashPassword } from '../src/server/platform/auth/passwords.js';
import { openContext } from '../src/server/platform/bootstrap.js';
import { openDatabase } from '../src/server/platform/db/client.js';
import { BENCH_PASSWORD } from './generate-platform.js';
import { type LoadResult, loadAndAlone, targetReport } from './load.js';

/**
 * 政务公开/村务公开 at a district's scale (issue 15), in a database of its own: a district, 50
 * townships and 1,000 units (each township, 5 departments and 14 villages), 500,000 published
 * disclosures (plus withdrawn ones and drafts) and two years of due items with some overdue, all
 * written with generate_series. Read through HTTP: a unit's portal board, its item list (page 1 and a
 * deep page), the portal search, and the district's overdue board (the `disclosure.overdue` figure's
 * records and its breakdown by township, as the dashboard drills down) signed in as a district user.
 */
export const OPENNESS_DB = 'jiandu_bench_openness';
export const OPENNESS_TARGETS: [string, number][] = [
  ['GET /portal/openness/units/:id (unit board)', 50],
  ['GET /portal/openness/units/:id/items (page 1)', 50],
  ['GET /portal/openness/units/:id/items (page 20)', 50],
  ['GET /portal/openness/search (all townships)', 50],
  ['GET /portal/openness/search (one township)', 50],
  ['GET /figures/disclosure.overdue/records (district)', 200],
  ['GET /figures?keys=disclosure.overdue&breakdown=org (district)', 200],
  ['GET /disclosure/due-items (a village calendar, district user)', 200],
];

const PUBLISHED = 500_000;
const WITHDRAWN = 5_000;
const DRAFTS = 10_000;
const DISTRICT_USER = 'benchopenness';
const TOPICS = [
  ['财务收支', '本月村集体财务收支情况公开，收入支出明细如下'],
  ['道路硬化工程', '村组道路硬化工程招标结果及资金使用情况'],
  ['低保对象', '农村最低生活保障对象名单及保障金额公示'],
  ['集体资产', '村集体资产资源承包租赁情况公开'],
  ['惠农补贴', '耕地地力保护补贴发放情况公示'],
  ['重大事项决策', '村民代表会议决定事项及实施结果公开'],
  ['办事程序', '便民服务事项办理条件、程序、时限和办理结果'],
  ['服务承诺', '岗位职责、工作标准和服务承诺公开'],
  ['宅基地审批', '农村宅基地申请审批结果公示'],
  ['扶贫项目', '衔接资金项目安排及实施进度公示'],
] as const;

/** Creates (or, with `reuse`, keeps) the database, migrates it with the app's own code, and seeds it once. */
export async function prepareOpenness(
  adminUrl: string,
  dataDir: string,
  reuse: boolean,
  log: (s: string) => void,
) {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const exists = (await admin.query('select 1 from pg_database where datname = $1', [OPENNESS_DB])).rows
    .length;
  if (!reuse || !exists) {
    await admin.query(`drop database if exists ${OPENNESS_DB} with (force)`);
    await admin.query(`create database ${OPENNESS_DB}`);
  }
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${OPENNESS_DB}`;
  const databaseUrl = url.toString();
  const database = await openDatabase({ databaseUrl });
  const ctx = await openContext({
    config: {
      port: 0,
      host: '127.0.0.1',
      dataDir,
      databaseUrl,
      secureCookies: false,
      scheduler: false,
    } as never,
    database,
  });
  await ctx.database.close();
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const seeded = await db.query(`select 1 from users where username = $1`, [DISTRICT_USER]);
    if (!seeded.rows.length) await seed(db, log);
    await db.query(
      `update users set totp_secret = null, totp_enabled_at = null, totp_last_step = null where username = $1`,
      [DISTRICT_USER],
    );
    const unit = await db.query(
      `select o.id, t.parent_id as district from orgs o join orgs t on t.id = o.parent_id
        where o.kind = 'village' and o.name like '公开基准%' order by o.id limit 1`,
    );
    return { databaseUrl, village: Number(unit.rows[0].id), district: Number(unit.rows[0].district) };
  } finally {
    await db.end();
  }
}

async function seed(db: pg.Client, log: (s: string) => void) {
  const t0 = performance.now();
  const step = async (what: string, q: string, params: unknown[] = []) => {
    const t = performance.now();
    const r = await db.query(q, params);
    log(`  ${what}: ${r.rowCount ?? ''} (${((performance.now() - t) / 1000).toFixed(1)} s)`);
  };
  await db.query('begin');
  const [{ id: district }] = (
    await db.query(`insert into orgs (name, kind) values ('公开基准区', 'district') returning id`)
  ).rows;
  await db.query(`update orgs set path = '/' || id || '/' where id = $1`, [district]);
  await step(
    'townships',
    `insert into orgs (name, kind, parent_id, sort) select '公开基准镇' || g, 'township', $1, g from generate_series(1, 50) g`,
    [district],
  );
  await db.query(`update orgs set path = '/' || $1::bigint || '/' || id || '/' where parent_id = $1`, [
    district,
  ]);
  await step(
    'departments and villages',
    `insert into orgs (name, kind, parent_id, sort)
     select case when g <= 5 then '公开基准站所' || t.sort || '-' || g else '公开基准村' || t.sort || '-' || (g - 5) end,
            case when g <= 5 then 'department' else 'village' end, t.id, g
       from orgs t, generate_series(1, 19) g
      where t.parent_id = $1`,
    [district],
  );
  await db.query(
    `update orgs o set path = t.path || o.id || '/' from orgs t where o.parent_id = t.id and t.parent_id = $1`,
    [district],
  );
  await db.query(`create temp table bench_units as
    select row_number() over (order by o.id) - 1 as k, o.id, o.name, o.kind from orgs o
     where o.name like '公开基准%' and o.kind in ('township', 'department', 'village')`);
  await db.query(`create temp table bench_types as
    select level, array_agg(id order by id) ids, array_agg(id order by id) filter (where timing in ('monthly', 'quarterly')) periodic
      from disclosure_item_types where org_id is null and active and mode = 'active' group by level`);
  await db.query(`create temp table bench_topics (k int, title text, body text, tokens text[])`);
  for (const [k, [title, body]] of TOPICS.entries())
    await db.query(`insert into bench_topics values ($1, $2, $3, $4)`, [
      k,
      title,
      body,
      searchTokens(title, body),
    ]);
  const units = Number((await db.query('select count(*) n from bench_units')).rows[0].n);
  // item g: unit g % units, one of its level's types, published over the last three years
  await step(
    'disclosures',
    `insert into disclosures (org_id, item_type_id, period, title, body, index_no, issuing_body, issued_on, status,
                              published_on, withdrawn_on, withdraw_reason, search_tokens, created_at, updated_at)
     select u.id, t.ids[1 + (g / $1::int) % cardinality(t.ids)],
            to_char(day, 'YYYY-MM'), x.title || '（' || u.name || ' 第' || g || '号）', x.body, 'BENCH-' || g, u.name, day,
            case when g <= $2::int then 'published' when g <= $2::int + $3::int then 'withdrawn' else 'draft' end,
            case when g <= $2::int + $3::int then day end,
            case when g > $2::int and g <= $2::int + $3::int then day + 10 end,
            case when g > $2::int and g <= $2::int + $3::int then '数据有误，更正后重新公开' end,
            case when g <= $2::int then x.tokens || array['第' || g] else '{}' end,
            now(), now()
       from generate_series(1, $2::int + $3::int + $4::int) g
       cross join lateral (select date '2024-01-01' + (g::bigint * 7919 % 1070)::int as day) d
       join bench_units u on u.k = g % $1::int
       join bench_types t on t.level = u.kind
       join bench_topics x on x.k = (g / 7) % 10`,
    [units, PUBLISHED, WITHDRAWN, DRAFTS],
  );
  // two years of periods of each periodic type; 1 in 25 never published (overdue), 1 in 10 published late
  await step(
    'due items',
    `insert into disclosure_due_items (org_id, item_type_id, period, due_on, published_on)
     select u.id, p.type_id, p.period, p.due_on,
            case when (u.k + p.n) % 25 = 0 then null
                 when (u.k + p.n) % 10 = 0 then p.due_on + 12
                 else p.due_on - 3 end
       from bench_units u
       join bench_types t on t.level = u.kind
       cross join lateral (
         select ty.id as type_id, n,
                case when ty.timing = 'monthly' then to_char(m, 'YYYY-MM') else to_char(m, 'YYYY-"Q"Q') end as period,
                (m + case when ty.timing = 'monthly' then interval '1 month' else interval '3 months' end)::date + 9 as due_on
           from disclosure_item_types ty
           cross join lateral generate_series(date '2025-01-01', date '2026-10-01', interval '1 month') with ordinality s(m, n)
          where ty.id = any(t.periodic) and (ty.timing = 'monthly' or extract(month from m)::int % 3 = 1)
       ) p
      where p.due_on < date '2026-12-01'`,
  );
  const [{ id: role }] = (await db.query(`select id from roles where code = 'district_org'`)).rows;
  const [{ id: user }] = (
    await db.query(
      `insert into users (username, display_name, org_id, data_scope, password_hash, must_change_password)
       values ($1, '区政务公开办', $2, 'all', $3, false) returning id`,
      [DISTRICT_USER, district, await hashPassword(BENCH_PASSWORD)],
    )
  ).rows;
  await db.query(`insert into user_roles (user_id, role_id) values ($1, $2)`, [user, role]);
  await db.query('commit');
  const t = performance.now();
  await db.query('vacuum analyze');
  log(`  vacuum analyze (${((performance.now() - t) / 1000).toFixed(1)} s)`);
  log(`  openness seeded in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
}

let client = 0;
/** The portal allows 60 requests a minute per address: each request comes from its own (forwarded) address. */
const portalGet = async (url: string) => {
  client++;
  const r = await fetch(url, {
    headers: { 'x-forwarded-for': `127.${(client >> 16) & 255}.${(client >> 8) & 255}.${client & 255}` },
  });
  await r.arrayBuffer();
  return r.ok;
};
const getOk = async (url: string, cookie: string) => {
  const r = await fetch(url, { headers: { cookie } });
  await r.arrayBuffer();
  return r.ok;
};

export async function opennessScenarios(
  name: string,
  base: string,
  seeded: { village: number; district: number },
  signIn: (base: string, username: string) => Promise<{ cookie: string }>,
): Promise<LoadResult[]> {
  const units = (await (await fetch(`${base}/api/v1/portal/openness/units`)).json()) as {
    townships: { id: number; units: { id: number }[] }[];
  };
  const all = units.townships.flatMap((t) => [t.id, ...t.units.map((u) => u.id)]);
  const towns = units.townships.map((t) => t.id);
  if (all.length < 1000) throw new Error(`expected 1,000 units, found ${all.length}`);
  const district = await signIn(base, DISTRICT_USER);
  const districtId = seeded.district;
  const opts = { concurrency: 8, requests: 300, maxSeconds: 40 };
  const s = OPENNESS_TARGETS.map(([x]) => `${name}: ${x}`);
  const portal = `${base}/api/v1/portal/openness`;
  const unit = (i: number) => all[(i * 37) % all.length];
  const figures = `${base}/api/v1/figures`;
  return [
    ...(await loadAndAlone(s[0], opts, (i) => portalGet(`${portal}/units/${unit(i)}`))),
    ...(await loadAndAlone(s[1], opts, (i) => portalGet(`${portal}/units/${unit(i)}/items?page=1`))),
    ...(await loadAndAlone(s[2], opts, (i) => portalGet(`${portal}/units/${unit(i)}/items?page=20`))),
    ...(await loadAndAlone(s[3], opts, (i) =>
      portalGet(`${portal}/search?q=${encodeURIComponent(TOPICS[i % TOPICS.length][0])}`),
    )),
    ...(await loadAndAlone(s[4], opts, (i) =>
      portalGet(
        `${portal}/search?q=${encodeURIComponent(TOPICS[i % TOPICS.length][0])}&township=${towns[i % towns.length]}`,
      ),
    )),
    ...(await loadAndAlone(s[5], opts, (i) =>
      getOk(
        `${figures}/disclosure.overdue/records?orgId=${districtId}&asOf=2026-12-01&page=${1 + (i % 5)}`,
        district.cookie,
      ),
    )),
    ...(await loadAndAlone(s[6], opts, () =>
      getOk(
        `${figures}?keys=disclosure.overdue&breakdown=org&orgId=${districtId}&asOf=2026-12-01`,
        district.cookie,
      ),
    )),
    ...(await loadAndAlone(s[7], opts, () =>
      getOk(`${base}/api/v1/disclosure/due-items?orgId=${seeded.village}`, district.cookie),
    )),
  ];
}

export const opennessReport = (all: LoadResult[], backends: string[]) =>
  targetReport(all, backends, OPENNESS_TARGETS);
