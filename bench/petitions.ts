import pg from 'pg';
import { totpCode } from '../src/server/platform/auth/totp.js';
import { openDatabase } from '../src/server/platform/db/client.js';
import type { RawDb } from './bulk-insert.js';
import { BENCH_PASSWORD } from './generate-platform.js';
import { type LoadResult, load, loadAndAlone } from './load.js';

/** bench3000…3007 (townships 1–8 of 100) are township heads: petition.read and petition.stats. */
export const HEADS = Array.from({ length: 8 }, (_, i) => `bench${3000 + i}`);
export const DISTRICT_DISCIPLINE = 'benchdiscipline';
export const STATS_YEAR = { from: '2025-01-01', to: '2025-12-31' };
/** This year, as of today: every petition's row is its state (no event is read). */
const THIS_YEAR = { from: `${new Date().getFullYear()}-01-01`, to: `${new Date().getFullYear()}-12-31` };
const RANGES = [
  ['2025-01-01', '2025-06-30'],
  ['2025-07-01', '2025-12-31'],
  ['2026-01-01', '2026-06-30'],
];
const STATUSES = ['concluded', 'investigating', 'registered', 'declined'];
const listFilter = (i: number) => {
  const [from, to] = RANGES[i % RANGES.length];
  return { status: STATUSES[i % STATUSES.length], from, to, page: 1 + (i % 3) };
};

type Session = { cookie: string };
export async function signIn(base: string, username: string): Promise<Session> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: BENCH_PASSWORD }),
  });
  if (!res.ok) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { csrfToken: string; pending: string | null };
  const cookie = String(res.headers.get('set-cookie')).split(';')[0];
  if (body.pending === 'totp_enrol') {
    const headers = { cookie, 'x-csrf-token': body.csrfToken, 'content-type': 'application/json' };
    const setup = (await (
      await fetch(`${base}/api/v1/me/totp/setup`, { method: 'POST', headers, body: '{}' })
    ).json()) as {
      secret: string;
    };
    const r = await fetch(`${base}/api/v1/me/totp/enable`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ code: totpCode(setup.secret, new Date()) }),
    });
    if (!r.ok) throw new Error(`totp enable: ${await r.text()}`);
  } else if (body.pending) throw new Error(`${username} cannot sign in: ${body.pending}`);
  return { cookie };
}

const getOk = async (url: string, s: Session) => {
  const r = await fetch(url, { headers: { cookie: s.cookie } });
  await r.arrayBuffer();
  return r.ok;
};

/** Through the API: a township's filtered list, full-text search (township and district-wide), a township-year's statistics. */
export async function petitionScenarios(name: string, base: string): Promise<LoadResult[]> {
  const heads = await Promise.all(HEADS.map((u) => signIn(base, u)));
  const district = await signIn(base, DISTRICT_DISCIPLINE);
  const opts = { concurrency: 8, requests: 2000, maxSeconds: 30 };
  const q = encodeURIComponent('作风');
  return [
    ...(await loadAndAlone(`${name}: GET /petitions (township, status + received range)`, opts, (i) => {
      const f = listFilter(i);
      return getOk(
        `${base}/api/v1/petitions?status=${f.status}&receivedFrom=${f.from}&receivedTo=${f.to}&page=${f.page}&pageSize=20`,
        heads[i % 8],
      );
    })),
    ...(await loadAndAlone(`${name}: GET /petitions?q=作风 (township)`, opts, (i) =>
      getOk(`${base}/api/v1/petitions?q=${q}&page=${1 + (i % 3)}&pageSize=20`, heads[i % 8]),
    )),
    ...(await loadAndAlone(
      `${name}: GET /petitions?q=作风 (district-wide)`,
      { ...opts, requests: 500 },
      (i) => getOk(`${base}/api/v1/petitions?q=${q}&page=${1 + (i % 3)}&pageSize=20`, district),
    )),
    // last year as of its end (the default for a past period): the cases changed since look their state up
    ...(await loadAndAlone(
      `${name}: GET /petitions/stats (township-year, as of its end)`,
      { ...opts, requests: 500 },
      (i) =>
        getOk(`${base}/api/v1/petitions/stats?from=${STATS_YEAR.from}&to=${STATS_YEAR.to}`, heads[i % 8]),
    )),
    ...(await loadAndAlone(
      `${name}: GET /figures?module=petitions (township, this year as of today)`,
      { ...opts, requests: 500 },
      (i) =>
        getOk(
          `${base}/api/v1/figures?module=petitions&from=${THIS_YEAR.from}&to=${THIS_YEAR.to}`,
          heads[i % 8],
        ),
    )),
    ...(await loadAndAlone(
      `${name}: GET /figures?module=petitions (district-year, as of its end)`,
      { ...opts, concurrency: 2, requests: 40 },
      () =>
        getOk(
          `${base}/api/v1/figures?module=petitions&from=${STATS_YEAR.from}&to=${STATS_YEAR.to}`,
          district,
        ),
    )),
  ];
}

const VISIBLE = `p.org_id in (select id from orgs where path like $1) and $2::bigint is not null`;
const VISIBLE_WIDE = `(p.org_id + 0) in (select id from orgs where path like $1) and $2::bigint is not null`;
const ORDER = `order by (p.urgent and p.status not in ('concluded', 'declined')) desc,
  p.status not in ('concluded', 'declined') desc, p.due_on asc nulls last, p.received_on desc, p.id desc`;
const COLUMNS = `p.id, p.code, p.org_id, o.name as org_name, p.channel, p.visitors, p.received_on, p.title,
  p.category, p.status, p.due_on, p.due_kind, p.urgent, p.real_name, p.imported`;
const LIST = `select ${COLUMNS} from petitions p join orgs o on o.id = p.org_id
  where ${VISIBLE} and p.status = $3 and p.received_on >= $4 and p.received_on <= $5 ${ORDER} limit 20 offset $6`;
const LIST_COUNT = `select count(*) from (select 1 from petitions p where ${VISIBLE} and p.status = $3 and p.received_on >= $4 and p.received_on <= $5 limit 10001) m`;
// search results newest first; the counts stop at 10,001 as the API's do
const search = (visible: string) => ({
  page: `select ${COLUMNS} from petitions p join orgs o on o.id = p.org_id
  where ${visible} and p.search_tokens @> $3::text[] order by p.received_on desc, p.id desc limit 20 offset $4`,
  // the API asks the planner first and counts only when it expects under 20,000
  estimate: `explain (format json) select 1 from petitions p where ${visible} and p.search_tokens @> $3::text[]`,
  count: `select count(*) from (select 1 from petitions p where ${visible} and p.search_tokens @> $3::text[] limit 10001) m`,
});
const SEARCH = search(VISIBLE);
const SEARCH_WIDE = search(VISIBLE_WIDE);
const SUBJECTS =
  'select petition_id, name from petition_subjects where petition_id = any($1::bigint[]) order by id';
// the figures' as-of rows (src/server/modules/petitions/figures/as-of.ts): $3–$4 the period, $5 the as-of date
const LATER = 'p.last_step_on > $5::date';
const DOCS = (kind: string, column: string) =>
  `case when ${LATER} then (select count(*) from petition_documents pd where pd.petition_id = p.id and pd.kind = '${kind}' and pd.occurred_on <= $5::date)::int else p.${column} end`;
const AS_OF = `(select p.id, p.channel, p.visitors, p.real_name, p.category,
  case when p.accepted_on <= $5::date then p.accepted_on end as accepted_on, p.assigned_due_on,
  case when ${LATER} then coalesce(s.to_status, 'registered') else p.status end as status,
  case when ${LATER} then s.due_on else p.due_on end as due_on,
  case when ${LATER} then s.disposal else p.disposal end as disposal,
  case when ${LATER} then coalesce(s.extension_days, 0) else p.extension_days end as extension_days,
  ${DOCS('report', 'report_count')} as reports, ${DOCS('opinion', 'opinion_count')} as opinions,
  case when p.review_level = 0 then p.concluded_on else (select min(ce.occurred_on) from petition_events ce
    where ce.petition_id = p.id and ce.action = 'conclude') end as first_concluded_on
  from petitions p left join lateral (select e.to_status, e.due_on, e.disposal, e.extension_days from petition_events e
    where ${LATER} and e.petition_id = p.id and e.occurred_on <= $5::date order by e.occurred_on desc, e.id desc limit 1) s on true
  where p.received_on between $3 and least($4::date, $5::date) and ${VISIBLE}) a`;
const DONE = `a.status in ('concluded', 'reviewing')`;
// the statistics' one statement: the figures and the count by category, grouping sets over the as-of rows
const STATS = `select count(*)::int as received,
  ${['letter', 'visit', 'phone', 'online', 'assigned', 'transferred'].map((c) => `count(*) filter (where a.channel = '${c}')::int as ${c}`).join(', ')},
  coalesce(sum(a.visitors) filter (where a.channel = 'visit'), 0)::int as visitors,
  count(*) filter (where a.channel = 'assigned' and ${DONE} and a.first_concluded_on <= a.assigned_due_on)::int as assigned_on_time,
  count(*) filter (where a.real_name)::int as real_name, count(*) filter (where not a.real_name)::int as anonymous,
  count(*) filter (where a.accepted_on <= $5::date)::int as accepted,
  count(*) filter (where a.status = 'declined')::int as declined,
  count(*) filter (where ${DONE})::int as concluded,
  count(*) filter (where a.accepted_on <= $5::date and not ${DONE})::int as open,
  count(*) filter (where a.status not in ('concluded', 'declined') and a.due_on < $5::date)::int as overdue,
  count(*) filter (where a.extension_days > 0)::int as extended,
  coalesce(sum(a.reports), 0)::int as reports, coalesce(sum(a.opinions), 0)::int as opinions,
  a.category, grouping(a.category)::int
  from ${AS_OF} group by grouping sets ((), (a.category))`;

/** The same questions straight through the driver, in the API's order, for the API/raw ratios. */
export async function rawPetitionScenarios(
  name: string,
  db: RawDb,
  concurrency: number,
  /** Where the statistics run: as the API runs them, without JIT (see readFigures). */
  statsDb: RawDb = db,
): Promise<LoadResult[]> {
  const { rows: heads } = await db.query(
    `select u.id, o.path from users u join orgs o on o.id = u.org_id where u.username = any($1::text[]) order by u.username`,
    [HEADS],
  );
  const { rows: districts } = await db.query(
    `select u.id, o.path from users u join orgs o on o.id = u.org_id where u.username = $1`,
    [DISTRICT_DISCIPLINE],
  );
  const scope = (i: number) => [`${heads[i % 8].path}%`, heads[i % 8].id];
  // the API sends a request's queries together; PGlite's one connection takes them in turn
  const run = async (parallel: (() => Promise<unknown>)[]) => {
    if (concurrency > 1) await Promise.all(parallel.map((f) => f()));
    else for (const f of parallel) await f();
  };
  const withSubjects = async (list: Promise<{ rows: { id: number }[] }>) => {
    const { rows } = await list;
    await db.query(SUBJECTS, [rows.map((r) => r.id)]);
  };
  const opts = { concurrency, requests: 2000, maxSeconds: 30 };
  const searchOf = (q: typeof SEARCH) => (s: unknown[], i: number) =>
    run([
      () => withSubjects(db.query(q.page, [...s, ['作风'], (i % 3) * 20])),
      async () => {
        const { rows } = await db.query(q.estimate, [...s, ['作风']]);
        const plan = Object.values(rows[0])[0];
        const parsed = (typeof plan === 'string' ? JSON.parse(plan) : plan) as {
          Plan: { 'Plan Rows': number };
        }[];
        if (parsed[0].Plan['Plan Rows'] <= 20_000) await db.query(q.count, [...s, ['作风']]);
      },
    ]).then(() => true);
  const search = searchOf(SEARCH);
  return [
    await load(`${name}: raw SQL petition list (township)`, opts, async (i) => {
      const f = listFilter(i);
      const p = [...scope(i), f.status, f.from, f.to];
      await run([
        () => withSubjects(db.query(LIST, [...p, (f.page - 1) * 20])),
        () => db.query(LIST_COUNT, p),
      ]);
      return true;
    }),
    await load(`${name}: raw SQL search 作风 (township)`, opts, (i) => search(scope(i), i)),
    await load(`${name}: raw SQL search 作风 (district-wide)`, { ...opts, requests: 500 }, (i) =>
      searchOf(SEARCH_WIDE)([`${districts[0].path}%`, districts[0].id], i),
    ),
    await load(
      `${name}: raw SQL stats (township-year, as of its end)`,
      { ...opts, requests: 500 },
      async (i) => {
        const p = [...scope(i), STATS_YEAR.from, STATS_YEAR.to, STATS_YEAR.to];
        await statsDb.query(STATS, p);
        return true;
      },
    ),
  ];
}

/** The raw scenarios on a backend: a pool of 8 on PostgreSQL, the one PGlite connection in turn. */
export async function rawPetitions(b: { name: string; databaseUrl?: string; dataDir: string }) {
  if (b.databaseUrl) {
    const pool = new pg.Pool({ connectionString: b.databaseUrl, max: 8 });
    const noJit = new pg.Pool({ connectionString: b.databaseUrl, max: 8, options: '-c jit=off' });
    try {
      return await rawPetitionScenarios(b.name, pool, 8, noJit);
    } finally {
      await pool.end();
      await noJit.end();
    }
  }
  const database = await openDatabase({ dataDir: b.dataDir });
  try {
    return await rawPetitionScenarios(b.name, database.pglite!, 1);
  } finally {
    await database.close();
  }
}
