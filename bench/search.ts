import pg from 'pg';
import { queryTokens } from '../src/domain/search-tokens.js';
import { type LoadResult, load } from './load.js';
import { DISTRICT_DISCIPLINE, HEADS, STATS_YEAR, signIn } from './petitions.js';

/** A two-character term no generated petition holds. */
export const ABSENT_TERM = '鲸鱼';
export const COMMON_TERM = '作风';

/**
 * Search whatever the term (issue 16): district-wide searches by the district discipline office for
 * an absent two-character term, a cadre's name found in some 60 petitions, and a common word — one
 * client, then 8 — and the township search for the common word at 8 clients; then deep pages (1, 50
 * and 500 of 20) of the district's list and of the common word's search, and the district-year's
 * statistics, one client. `BENCH_SEARCH_PARTS=deep` runs the township search and what follows only.
 */
export async function searchScenarios(
  name: string,
  base: string,
  databaseUrl: string,
): Promise<LoadResult[]> {
  const terms = await pickTerms(databaseUrl);
  const district = await signIn(base, DISTRICT_DISCIPLINE);
  const heads = await Promise.all(HEADS.map((u) => signIn(base, u)));
  const get = async (q: string, page: number, cookie: string) => {
    const r = await fetch(`${base}/api/v1/petitions?q=${encodeURIComponent(q)}&page=${page}&pageSize=20`, {
      headers: { cookie },
    });
    await r.arrayBuffer();
    return r.ok;
  };
  const out: LoadResult[] = [];
  const one = { concurrency: 1, requests: 20, maxSeconds: 60 };
  const eight = { concurrency: 8, requests: 400, maxSeconds: 30 };
  const terms_ =
    process.env.BENCH_SEARCH_PARTS === 'deep'
      ? []
      : ([
          [`absent term ${ABSENT_TERM}`, ABSENT_TERM, terms.absent],
          [`name ${terms.name}`, terms.name, terms.nameMatches],
          [`common term ${COMMON_TERM}`, COMMON_TERM, terms.common],
        ] as const);
  for (const [label, q, n] of terms_) {
    const what = `${name}: district-wide q=${label} (${n.toLocaleString('en')} matches)`;
    out.push(await load(`${what} · 1 client`, one, (i) => get(q, 1 + (i % 3), district.cookie)));
    out.push(await load(`${what} · 8 clients`, eight, (i) => get(q, 1 + (i % 3), district.cookie)));
  }
  out.push(
    await load(`${name}: township q=${COMMON_TERM} · 8 clients`, eight, (i) =>
      get(COMMON_TERM, 1 + (i % 3), heads[i % 8].cookie),
    ),
  );
  // deep pages, one client: a page past what a list pages to is answered 400 (counted as an error)
  const deep = { concurrency: 1, requests: 10, maxSeconds: 40 };
  for (const page of [1, 50, 500]) {
    out.push(
      await load(`${name}: district list (work queue), page ${page} · 1 client`, deep, () =>
        getUrl(`${base}/api/v1/petitions?page=${page}&pageSize=20`, district.cookie),
      ),
    );
    out.push(
      await load(`${name}: district-wide q=${COMMON_TERM}, page ${page} · 1 client`, deep, () =>
        get(COMMON_TERM, page, district.cookie),
      ),
    );
  }
  // the deepest page a common word's search pages to (`pageableRows`, when the server says so)
  const first = (await (
    await fetch(`${base}/api/v1/petitions?q=${encodeURIComponent(COMMON_TERM)}&page=1&pageSize=20`, {
      headers: { cookie: district.cookie },
    })
  ).json()) as { pageableRows?: number };
  if (first.pageableRows) {
    const last = Math.floor(first.pageableRows / 20);
    out.push(
      await load(`${name}: district-wide q=${COMMON_TERM}, page ${last} (the deepest) · 1 client`, deep, () =>
        get(COMMON_TERM, last, district.cookie),
      ),
    );
  }
  // the district-year's statistics, one client; one request first, not counted (it may build the
  // day's stored counts: the dashboard's cold case, bench/results-dashboard.md)
  const stats = `${base}/api/v1/petitions/stats?from=${STATS_YEAR.from}&to=${STATS_YEAR.to}`;
  await getUrl(stats, district.cookie);
  out.push(
    await load(`${name}: GET /petitions/stats (district-year, as of its end) · 1 client`, one, () =>
      getUrl(stats, district.cookie),
    ),
  );
  return out;
}

async function getUrl(url: string, cookie: string) {
  const r = await fetch(url, { headers: { cookie } });
  await r.arrayBuffer();
  return r.ok;
}

/** The name: a cadre's name whose tokens are held by 50 to 70 petitions (the 59). */
async function pickTerms(databaseUrl: string) {
  const c = new pg.Client({ connectionString: databaseUrl });
  await c.connect();
  try {
    const matches = async (q: string) =>
      Number(
        (
          await c.query('select count(*)::int as n from petitions where search_tokens @> $1::text[]', [
            queryTokens(q),
          ])
        ).rows[0].n,
      );
    const { rows } = await c.query(
      `select name from petition_subjects where cadre_id is not null
       group by name having count(*) between 45 and 60 order by name limit 20`,
    );
    let name = rows[0]?.name as string;
    let nameMatches = name ? await matches(name) : 0;
    for (const r of rows) {
      const n = await matches(r.name);
      if (Math.abs(n - 59) < Math.abs(nameMatches - 59)) [name, nameMatches] = [r.name, n];
    }
    return { name, nameMatches, absent: await matches(ABSENT_TERM), common: await matches(COMMON_TERM) };
  } finally {
    await c.end();
  }
}
