import { type LoadResult, load, loadAndAlone, ONE_CLIENT } from './load.js';
import { DISTRICT_DISCIPLINE, HEADS, STATS_YEAR, signIn } from './petitions.js';

/** The dashboard scenarios: a township's and the district's year as of its end, and this year as of today. */
export const DASHBOARD_TARGETS: [string, number][] = [
  ['GET /dashboard (township-year, as of its end)', 300],
  ['GET /dashboard (district-year, as of its end)', 1000],
  ['GET /dashboard (township, this year as of today)', 300],
  ['GET /dashboard (district, this year as of today)', 1000],
];

/**
 * The first request after the stored counts are gone (a change reached them, or a new day): the
 * request builds the cubes, so it costs what counting from the petitions costs. Measured one
 * client at a time, the cubes dropped before each request. No target: the ratio to the rows
 * above is what changing the petitions costs the next reader.
 */
export const COLD_SCENARIOS = [
  'GET /dashboard (township-year, cubes dropped before each)',
  'GET /dashboard (district-year, cubes dropped before each)',
];

const getOk = async (url: string, cookie: string) => {
  const r = await fetch(url, { headers: { cookie } });
  await r.arrayBuffer();
  return r.ok;
};

/**
 * 领导驾驶舱 through the API: every module's dashboard figures (cards, the trends by month, the
 * comparison by child org, the groups), the late to-dos and the panels, in one request — 8 clients,
 * then one.
 */
export async function dashboardScenarios(
  name: string,
  base: string,
  dropCubes: () => Promise<void>,
): Promise<LoadResult[]> {
  const heads = await Promise.all(HEADS.map((u) => signIn(base, u)));
  const district = await signIn(base, DISTRICT_DISCIPLINE);
  const year = `from=${STATS_YEAR.from}&to=${STATS_YEAR.to}`;
  const township = { concurrency: 8, requests: 300, maxSeconds: 40 };
  const wide = { concurrency: 8, requests: 40, maxSeconds: 60 };
  return [
    ...(await loadAndAlone(`${name}: ${DASHBOARD_TARGETS[0][0]}`, township, (i) =>
      getOk(`${base}/api/v1/dashboard?${year}`, heads[i % 8].cookie),
    )),
    ...(await loadAndAlone(`${name}: ${DASHBOARD_TARGETS[1][0]}`, wide, () =>
      getOk(`${base}/api/v1/dashboard?${year}`, district.cookie),
    )),
    ...(await loadAndAlone(`${name}: ${DASHBOARD_TARGETS[2][0]}`, township, (i) =>
      getOk(`${base}/api/v1/dashboard`, heads[i % 8].cookie),
    )),
    ...(await loadAndAlone(`${name}: ${DASHBOARD_TARGETS[3][0]}`, wide, () =>
      getOk(`${base}/api/v1/dashboard`, district.cookie),
    )),
    await load(
      `${name}: ${COLD_SCENARIOS[0]}`,
      { concurrency: 1, requests: 10, maxSeconds: 120 },
      async (i) => {
        await dropCubes();
        return getOk(`${base}/api/v1/dashboard?${year}`, heads[i % 8].cookie);
      },
    ),
    await load(
      `${name}: ${COLD_SCENARIOS[1]}`,
      { concurrency: 1, requests: 5, maxSeconds: 120 },
      async () => {
        await dropCubes();
        return getOk(`${base}/api/v1/dashboard?${year}`, district.cookie);
      },
    ),
  ];
}

export function dashboardReport(all: LoadResult[], backends: string[]): string[] {
  const lines = [
    '| database | scenario | requests | p50 | p95 | target p95 | met | p50 · 1 client | p95 · 1 client | met · 1 client |',
    '|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const b of backends)
    for (const [api, target] of DASHBOARD_TARGETS) {
      const a = all.find((r) => r.name === `${b}: ${api}`);
      const one = all.find((r) => r.name === `${b}: ${api}${ONE_CLIENT}`);
      if (!a) continue;
      const met = (x: LoadResult) => (x.p95 < target && x.errors === 0 ? 'yes' : 'no');
      lines.push(
        `| ${b} | ${api} | ${a.requests} | ${a.p50.toFixed(1)} | ${a.p95.toFixed(1)} | < ${target} | ${met(a)} | ${one ? one.p50.toFixed(1) : '–'} | ${one ? one.p95.toFixed(1) : '–'} | ${one ? met(one) : '–'} |`,
      );
    }
  lines.push('', '| database | scenario | requests | p50 | p95 | max |', '|---|---|---|---|---|---|');
  for (const b of backends)
    for (const api of COLD_SCENARIOS) {
      const a = all.find((r) => r.name === `${b}: ${api}`);
      if (a)
        lines.push(
          `| ${b} | ${api} | ${a.requests} | ${a.p50.toFixed(1)} | ${a.p95.toFixed(1)} | ${a.p99.toFixed(1)} |`,
        );
    }
  return lines;
}
