import pg from 'pg';
import { columns, insertUnnest } from './bulk-insert.js';
import { type LoadResult, loadAndAlone, targetReport } from './load.js';
import { DISTRICT_DISCIPLINE, HEADS, signIn } from './petitions.js';

/**
 * The selection case list (选拔任用纪实, issue 12) at the district's scale: 20,000 cases across the
 * 100 townships (200 each, over 2024–2026, every method and step), each about 2 registry cadres.
 * `BENCH_SCENARIOS=appointments BENCH_REUSE=1` on a prepared PostgreSQL bench database adds them
 * once (kept for later runs) and measures the township's and the district's lists.
 */
export const APPOINTMENT_TARGETS: [string, number][] = [
  ['GET /appointments (township, page 1)', 50],
  ['GET /appointments (township, 2025, step)', 50],
  ['GET /appointments (district, page 1..5)', 50],
  ['GET /appointments (district, 2025, competitive)', 50],
];

const PER_TOWN = Number(process.env.BENCH_APPOINTMENTS_PER_TOWN ?? 200);
const METHODS = ['open_selection', 'competitive', 'public_recommendation', 'org_recommendation'];
const STEPS = [
  'proposed',
  'recommended',
  'inspected',
  'decided',
  'noticed',
  'appointed',
  'appointed',
  'stopped',
];

const day = (i: number) =>
  new Date(Date.UTC(2024, 0, 1) + (i % 1090) * 86_400_000).toISOString().slice(0, 10);

/** Adds the cases once (marked by their title). */
export async function prepareAppointments(databaseUrl: string, log: (s: string) => void) {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const marker = '基准选拔任用';
    const found = await db.query(`select 1 from appointment_cases where title like $1 || '%' limit 1`, [
      marker,
    ]);
    if (found.rows.length) return;
    const t0 = performance.now();
    const towns = (await db.query(`select id, path, name from orgs where kind = 'township' order by id`))
      .rows;
    const cols = columns(
      'org_id bigint, code text, year int, seq int, title text, method text, step text, deciding_body text, position_ids text, proposed_on date, subject_cadre_ids text',
    ).map((c) => (c.name.endsWith('_ids') ? { ...c, expr: (v: string) => `${v}::bigint[]` } : c));
    let n = 0;
    for (const [t, town] of towns.entries()) {
      const people = (
        await db.query(
          `select c.id from cadres c join orgs o on o.id = c.org_id
            where o.path like $1 || '%' and c.deleted_at is null order by c.id limit 400`,
          [town.path],
        )
      ).rows.map((r) => String(r.id));
      if (!people.length) continue;
      const seqs = new Map<number, number>();
      const rows = Array.from({ length: PER_TOWN }, (_, k) => {
        const on = day(t * 7 + k * 5);
        const year = Number(on.slice(0, 4));
        const seq = (seqs.get(year) ?? 0) + 1;
        seqs.set(year, seq);
        return [
          town.id,
          `B${town.id}组〔${year}〕${seq}号`,
          year,
          seq,
          `${marker} ${k}`,
          METHODS[k % METHODS.length],
          STEPS[k % STEPS.length],
          'cadre_group',
          '{}',
          on,
          `{${people[(2 * k) % people.length]},${people[(2 * k + 1) % people.length]}}`,
        ];
      });
      await insertUnnest(db, 'appointment_cases', cols, rows);
      n += PER_TOWN;
      if (t % 20 === 19) log(`  appointments: ${n} cases`);
    }
    await db.query('vacuum (analyze) appointment_cases');
    log(`  appointment cases added in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  } finally {
    await db.end();
  }
}

const getOk = async (url: string, cookie: string) => {
  const r = await fetch(url, { headers: { cookie } });
  await r.arrayBuffer();
  return r.ok;
};

export async function appointmentScenarios(name: string, base: string): Promise<LoadResult[]> {
  const heads = await Promise.all(HEADS.map((u) => signIn(base, u)));
  const district = await signIn(base, DISTRICT_DISCIPLINE);
  const opts = { concurrency: 8, requests: 300, maxSeconds: 40 };
  const [a, b, c, d] = APPOINTMENT_TARGETS.map(([s]) => `${name}: ${s}`);
  const list = `${base}/api/v1/appointments`;
  return [
    ...(await loadAndAlone(a, opts, (i) => getOk(`${list}?page=1&pageSize=20`, heads[i % 8].cookie))),
    ...(await loadAndAlone(b, opts, (i) =>
      getOk(`${list}?page=1&pageSize=20&year=2025&step=${STEPS[i % STEPS.length]}`, heads[i % 8].cookie),
    )),
    ...(await loadAndAlone(c, opts, (i) =>
      getOk(`${list}?page=${1 + (i % 5)}&pageSize=20`, district.cookie),
    )),
    ...(await loadAndAlone(d, opts, (i) =>
      getOk(`${list}?page=${1 + (i % 5)}&pageSize=20&year=2025&method=competitive`, district.cookie),
    )),
  ];
}

export const appointmentReport = (all: LoadResult[], backends: string[]) =>
  targetReport(all, backends, APPOINTMENT_TARGETS);
