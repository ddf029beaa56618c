import pg from 'pg';
import { type LoadResult, loadAndAlone, targetReport } from './load.js';
import { DISTRICT_DISCIPLINE, HEADS, signIn } from './petitions.js';

/**
 * The findings board of 经济责任审计 at the district's scale (issue 13): 200,000 rectification items
 * across the 100 townships (100 audits of 20 findings each per township, one item per finding, all
 * issued in 2025, due over the two years after), read with the due buckets by township heads and by
 * the district; and a township-year's 审计台帐 (≈ 2,000 items) exported by its audit officer.
 * `BENCH_SCENARIOS=audits BENCH_REUSE=1` on a prepared PostgreSQL bench database adds them once.
 */
export const AUDIT_TARGETS: [string, number][] = [
  ['GET /rectification-items (township, overdue)', 50],
  ['GET /rectification-items (township, within 10 working days)', 50],
  ['GET /rectification-items (district, open, pages 1–5)', 50],
  ['GET /rectification-items (district, overdue)', 50],
  ['GET /rectification-items/ledger.xlsx (township-year)', 3000],
];

const AUDITS_PER_TOWN = 100;
const FINDINGS_PER_AUDIT = 20;

/** Adds the items once (marked by the audits' titles); the first head becomes its township's audit officer too. */
export async function prepareAudits(databaseUrl: string, log: (s: string) => void): Promise<void> {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const found = await db.query(`select 1 from econ_audits where title like 'BENCH-AUD %' limit 1`);
    if (found.rows.length) return;
    const t0 = performance.now();
    await db.query('begin');
    await db.query(
      `insert into econ_audits (org_id, kind, status, title, period_from, period_to, source, reported_on)
       select t.id, 'departure', 'reported', 'BENCH-AUD ' || t.id || '-' || g, '2022-01-01', '2024-12-31', 'import',
              date '2025-01-01' + (g * 3)
         from orgs t, generate_series(1, $1::int) g
        where t.kind = 'township'`,
      [AUDITS_PER_TOWN],
    );
    // each township's findings spread over its own org and its child units
    await db.query(
      `insert into audit_findings (audit_id, unit_org_id, summary, description, basis, problem_type, severity,
                                   recommendation, found_on)
       select a.id, coalesce(k.ids[1 + (g % greatest(1, cardinality(k.ids)))], a.org_id),
              '财务管理不规范，票据不全（' || a.id || '-' || g || '）', '审计发现的问题', '《会计法》', 'finance', 'general',
              '建立健全财务制度', a.reported_on
         from econ_audits a
         left join (select parent_id, array_agg(id order by id) ids from orgs group by parent_id) k
           on k.parent_id = a.org_id
         cross join generate_series(1, $1::int) g
        where a.title like 'BENCH-AUD %'`,
      [FINDINGS_PER_AUDIT],
    );
    await db.query(
      `insert into rectification_items (finding_id, audit_id, org_id, unit_org_id, status, issued_on, due_on,
                                        deadline, closed_on)
       select f.id, f.audit_id, a.org_id, f.unit_org_id,
              (array['issued', 'rectifying', 'applied', 'continuing', 'closed'])[1 + f.id % 5],
              f.found_on,
              case when f.id % 5 = 4 then null else f.found_on + (f.id % 700)::int end,
              f.found_on + (f.id % 700)::int,
              case when f.id % 5 = 4 then f.found_on + (f.id % 300)::int end
         from audit_findings f join econ_audits a on a.id = f.audit_id
        where a.title like 'BENCH-AUD %'`,
    );
    // the first township head also keeps their township's 审计台帐 (econ_audit.manage)
    await db.query(
      `insert into user_roles (user_id, role_id)
       select u.id, r.id from users u, roles r where u.username = $1 and r.code = 'audit_officer'
       on conflict do nothing`,
      [HEADS[0]],
    );
    await db.query('commit');
    await db.query('vacuum analyze econ_audits, audit_findings, rectification_items');
    const [{ n }] = (await db.query(`select count(*) n from rectification_items`)).rows;
    log(`  audits: ${n} rectification items (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  } catch (e) {
    await db.query('rollback').catch(() => {});
    throw e;
  } finally {
    await db.end();
  }
}

const getOk = async (url: string, cookie: string) => {
  const r = await fetch(url, { headers: { cookie } });
  await r.arrayBuffer();
  return r.ok;
};

export async function auditScenarios(name: string, base: string): Promise<LoadResult[]> {
  const heads = await Promise.all(HEADS.map((u) => signIn(base, u)));
  const district = await signIn(base, DISTRICT_DISCIPLINE);
  const opts = { concurrency: 8, requests: 300, maxSeconds: 40 };
  const [a, b, c, d, e] = AUDIT_TARGETS.map(([s]) => `${name}: ${s}`);
  const items = `${base}/api/v1/rectification-items?pageSize=20`;
  return [
    ...(await loadAndAlone(a, opts, (i) => getOk(`${items}&page=1&bucket=overdue`, heads[i % 8].cookie))),
    ...(await loadAndAlone(b, opts, (i) => getOk(`${items}&page=1&bucket=within10`, heads[i % 8].cookie))),
    ...(await loadAndAlone(c, opts, (i) => getOk(`${items}&page=${1 + (i % 5)}&open=true`, district.cookie))),
    ...(await loadAndAlone(d, opts, () => getOk(`${items}&page=1&bucket=overdue`, district.cookie))),
    ...(await loadAndAlone(e, { concurrency: 2, requests: 10, maxSeconds: 120 }, () =>
      getOk(`${base}/api/v1/rectification-items/ledger.xlsx?year=2025`, heads[0].cookie),
    )),
  ];
}

export const auditReport = (all: LoadResult[], backends: string[]) =>
  targetReport(all, backends, AUDIT_TARGETS);
