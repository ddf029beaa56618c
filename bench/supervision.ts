import pg from 'pg';
import { columns, insertUnnest } from './bulk-insert.js';
import { type LoadResult, loadAndAlone, targetReport } from './load.js';
import { DISTRICT_DISCIPLINE, HEADS, signIn } from './petitions.js';

/**
 * Admonitions and the accountability register at the district's scale (issue 11): 100,000 of each
 * across the 100 townships, and one cadre with 50 records (25 admonitions, 25 sanctions in force or
 * ended) whose promotion eligibility is read. `BENCH_SCENARIOS=supervision BENCH_REUSE=1` on a
 * prepared PostgreSQL bench database adds them once (kept for later runs) and measures.
 */
export const SUPERVISION_TARGETS: [string, number][] = [
  ['GET /admonitions (township, page 1)', 50],
  ['GET /admonitions (district, tracking in 2025)', 50],
  ['GET /accountability (township, page 1)', 50],
  ['GET /accountability (district, in force in 2025)', 50],
  ['GET /cadres/:id/eligibility (50 records)', 20],
];

const PER_TOWN = Number(process.env.BENCH_SUPERVISION_PER_TOWN ?? 1000);
const STATUSES = ['tracking', 'released', 'released', 'released', 'measures', 'pending_talk', 'talked'];
const SOURCES = ['组织考察', '民主测评', '信访', '审计', '函询', '动态考核'];
const KINDS = ['work_error', 'selection_oversight', 'inspection_error', 'other'];
const SANCTIONS = ['criticism', 'party_warning', 'government_demerit', 'org_transfer', 'public_review'];
const RECORD_STATUSES = ['in_force', 'in_force', 'in_force', 'draft', 'dismissed'];

const day = (i: number) => {
  const d = new Date(Date.UTC(2024, 0, 1) + (i % 1000) * 86_400_000);
  return d.toISOString().slice(0, 10);
};
const plusMonths = (d: string, m: number) => {
  const x = new Date(`${d}T00:00:00Z`);
  x.setUTCMonth(x.getUTCMonth() + m);
  return x.toISOString().slice(0, 10);
};

/** Adds the records once; returns the cadre with 50 records. */
export async function prepareSupervision(databaseUrl: string, log: (s: string) => void): Promise<number> {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const marker = 'BENCH-50';
    const found = await db.query(`select cadre_id from admonitions where code like $1 || '%' limit 1`, [
      marker,
    ]);
    if (found.rows.length) return Number(found.rows[0].cadre_id);
    const t0 = performance.now();
    const towns = (await db.query(`select id, path from orgs where kind = 'township' order by id`)).rows;
    const cadresOf = async (path: string) =>
      (
        await db.query(
          `select c.id, c.org_id, c.name from cadres c join orgs o on o.id = c.org_id
            where o.path like $1 || '%' and c.deleted_at is null order by c.id limit 500`,
          [path],
        )
      ).rows as { id: string; org_id: string; name: string }[];
    // array columns travel as array literals ('{a,b}'): unnest would flatten arrays of arrays
    const admCols = columns(
      'org_id bigint, cadre_id bigint, code text, kind text, status text, source_kind text, reason text, opened_on date, talk_on date, talkers text, tracking_ends_on date, check_in_dates text, report_dates text, check_ins_done int, next_check_in_on date, decide_by date, released_on date, measure_kind text, measure_on date',
    ).map((c) =>
      c.name === 'talkers'
        ? { ...c, expr: (v: string) => `${v}::text[]` }
        : c.name.endsWith('_dates')
          ? { ...c, expr: (v: string) => `${v}::date[]` }
          : c,
    );
    const literal = (xs: string[]) => `{${xs.join(',')}}`;
    const admonitionRow = (c: { id: string; org_id: string }, i: number, status: string, code: string) => {
      const opened = day(i * 7);
      const talked = status === 'pending_talk' ? null : opened;
      const ends = talked ? plusMonths(talked, 6) : null;
      const checkIns =
        talked && status !== 'talked' ? [1, 2, 3, 4, 5, 6].map((m) => plusMonths(talked, m)) : [];
      return [
        c.org_id,
        c.id,
        code,
        status === 'talked' ? 'reminder' : 'admonition',
        status,
        SOURCES[i % SOURCES.length],
        '工作作风问题，群众反映较多',
        opened,
        talked,
        literal(talked ? ['张书记', '刘委员'] : []),
        status === 'talked' ? null : ends,
        literal(checkIns),
        literal(talked && status !== 'talked' ? [plusMonths(talked, 3), plusMonths(talked, 6)] : []),
        status === 'tracking' ? i % 6 : status === 'pending_talk' ? 0 : checkIns.length,
        status === 'tracking' ? (checkIns[i % 6] ?? null) : null,
        status === 'tracking' && ends ? plusMonths(ends, 1) : null,
        status === 'released' ? ends : null,
        status === 'measures' ? 'transfer' : null,
        status === 'measures' ? ends : null,
      ];
    };
    let n = 0;
    for (const [t, town] of towns.entries()) {
      const people = await cadresOf(town.path);
      if (!people.length) continue;
      const rows = Array.from({ length: PER_TOWN }, (_, k) =>
        admonitionRow(
          people[k % people.length],
          t * PER_TOWN + k,
          STATUSES[k % STATUSES.length],
          `B${town.id}-JM-${k}`,
        ),
      );
      await insertUnnest(db, 'admonitions', admCols, rows);
      await addRecords(db, people, PER_TOWN, t * PER_TOWN, `B${town.id}`);
      n += PER_TOWN;
      if (t % 10 === 9) log(`  supervision: ${n} admonitions and as many register records`);
    }
    // the cadre with 50 records: 25 admonitions, 25 register records with a sanction each
    const [first] = await cadresOf(towns[0].path);
    await insertUnnest(
      db,
      'admonitions',
      admCols,
      Array.from({ length: 25 }, (_, k) =>
        admonitionRow(first, k * 13, k % 2 ? 'released' : 'tracking', `${marker}-${k}`),
      ),
    );
    await addRecords(db, [first], 25, 0, marker);
    for (const table of [
      'admonitions',
      'accountability_records',
      'accountability_persons',
      'accountability_sanctions',
    ])
      await db.query(`vacuum (analyze) ${table}`);
    log(`  supervision records added in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
    return Number(first.id);
  } finally {
    await db.end();
  }
}

/** `count` register records over `people`, each with its person and one sanction. */
async function addRecords(
  db: pg.Client,
  people: { id: string; org_id: string; name: string }[],
  count: number,
  offset: number,
  tag: string,
) {
  const recs = await db.query(
    `insert into accountability_records (org_id, kind, title, facts, basis, deciding_body, decided_on, status, closed_on, source, source_ref, subject_cadre_ids)
     select u.porg, u.kind, u.title, '基本事实', '大兴镇工作失误追究制', '镇党委', u.decided, u.status,
            case when u.status = 'draft' then null else u.decided end, 'import', u.ref, array[u.pid]
       from unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[], $5::date[], $6::text[], $7::text[])
            as u(pid, porg, kind, title, decided, status, ref)
     returning id, subject_cadre_ids[1] as cadre_id, decided_on, status`,
    [
      Array.from({ length: count }, (_, k) => people[k % people.length].id),
      Array.from({ length: count }, (_, k) => people[k % people.length].org_id),
      Array.from({ length: count }, (_, k) => KINDS[k % KINDS.length]),
      Array.from({ length: count }, (_, k) => `工作失误追究 ${tag}-${k}`),
      Array.from({ length: count }, (_, k) => day((offset + k) * 3)),
      Array.from({ length: count }, (_, k) => RECORD_STATUSES[k % RECORD_STATUSES.length]),
      Array.from({ length: count }, (_, k) => `${tag}-${k}`),
    ],
  );
  const nameOf = new Map(people.map((p) => [String(p.id), p.name]));
  const persons = await db.query(
    `insert into accountability_persons (record_id, cadre_id, name, role)
     select r, c, n, '责任人' from unnest($1::bigint[], $2::bigint[], $3::text[]) as u(r, c, n)
     returning id, record_id`,
    [
      recs.rows.map((r) => r.id),
      recs.rows.map((r) => r.cadre_id),
      recs.rows.map((r) => nameOf.get(String(r.cadre_id)) ?? '干部'),
    ],
  );
  const recOf = new Map(recs.rows.map((r) => [String(r.id), r]));
  const sanctions = persons.rows.map((p, k) => {
    const r = recOf.get(String(p.record_id))!;
    const kind = SANCTIONS[k % SANCTIONS.length];
    const rule = kind.startsWith('party_')
      ? `sanction.party.${kind.slice(6)}`
      : kind.startsWith('government_')
        ? `sanction.government.${kind.slice(11)}`
        : kind.startsWith('org_')
          ? `org_measure.${kind.slice(4)}`
          : `accountability.effect.${kind}`;
    const ended = k % 4 === 3;
    return [
      p.record_id,
      p.id,
      kind,
      r.status === 'draft' ? null : r.decided_on,
      rule,
      ended ? 'lifted' : 'in_force',
      ended ? r.decided_on : null,
    ];
  });
  await insertUnnest(
    db,
    'accountability_sanctions',
    columns(
      'record_id bigint, person_id bigint, kind text, effective_from date, rule_key text, status text, ended_on date',
    ),
    sanctions,
  );
}

const getOk = async (url: string, cookie: string) => {
  const r = await fetch(url, { headers: { cookie } });
  await r.arrayBuffer();
  return r.ok;
};

export async function supervisionScenarios(
  name: string,
  base: string,
  cadreId: number,
): Promise<LoadResult[]> {
  const heads = await Promise.all(HEADS.map((u) => signIn(base, u)));
  const district = await signIn(base, DISTRICT_DISCIPLINE);
  const opts = { concurrency: 8, requests: 300, maxSeconds: 40 };
  const [a, b, c, d, e] = SUPERVISION_TARGETS.map(([s]) => `${name}: ${s}`);
  return [
    ...(await loadAndAlone(a, opts, (i) =>
      getOk(`${base}/api/v1/admonitions?page=1&pageSize=20`, heads[i % 8].cookie),
    )),
    ...(await loadAndAlone(b, opts, (i) =>
      getOk(
        `${base}/api/v1/admonitions?page=${1 + (i % 5)}&pageSize=20&status=tracking&year=2025`,
        district.cookie,
      ),
    )),
    ...(await loadAndAlone(c, opts, (i) =>
      getOk(`${base}/api/v1/accountability?page=1&pageSize=20`, heads[i % 8].cookie),
    )),
    ...(await loadAndAlone(d, opts, (i) =>
      getOk(
        `${base}/api/v1/accountability?page=${1 + (i % 5)}&pageSize=20&status=in_force&year=2025`,
        district.cookie,
      ),
    )),
    ...(await loadAndAlone(e, opts, () =>
      getOk(`${base}/api/v1/cadres/${cadreId}/eligibility`, district.cookie),
    )),
  ];
}

export const supervisionReport = (all: LoadResult[], backends: string[]) =>
  targetReport(all, backends, SUPERVISION_TARGETS);
