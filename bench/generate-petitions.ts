import { seeded } from '../src/cli/demo/petition-plan.js';
import { chinaDate } from '../src/domain/calendar.js';
import { petitionClockRules } from '../src/server/modules/petitions/clock-rules.js';
import type { AppContext } from '../src/server/platform/context.js';
import { type Column, columns, insertUnnest, type RawDb, withoutIndexes } from './bulk-insert.js';
import { FIRST_DAY, type Generation, onePetition, townPeople } from './petition-rows.js';

const BATCH = 5000;
const TABLES = ['petitions', 'petition_subjects', 'petition_events', 'petition_documents'];

const P_COLUMNS: Column[] = [
  ...columns(
    `id bigint, org_id bigint, code text, channel text, visitors int, received_on date, assigned_by text,
    assigned_ref text, assigned_due_on date, transferred_from text, real_name boolean, reporter_enc text,
    title text, content text, category text, status text, disposal text, assigned_unit_org_id bigint,
    accepted_on date, declined_on date, decline_reason text, reported_on date, approved_on date,
    replied_on date, reply text, concluded_on date, due_on date, due_kind text, review_level int,
    review_requested_on date, urgent boolean, report_count int, opinion_count int, last_step_on date`,
  ),
  { name: 'search_tokens', type: 'text', expr: (v) => `string_to_array(${v}, chr(31))` },
];
const E_COLUMNS = columns(
  `petition_id bigint, action text, from_status text, to_status text, occurred_on date, note text,
  due_on date, disposal text, extension_days int`,
);
const D_COLUMNS = columns('petition_id bigint, kind text, content text, occurred_on date');
const S_COLUMNS = columns('petition_id bigint, cadre_id bigint, name text');

/**
 * `count` petitions spread over the townships, received from 2025-01-01 to yesterday, each with the
 * life `planPetition` gives it (events, reports, opinions, replies), sealed identities for the
 * real-name ones, search tokens and the running clock — all computed here and bulk-inserted in
 * batches of 5,000 with the indexes dropped and rebuilt afterwards.
 */
export async function generatePetitions(
  ctx: AppContext,
  raw: RawDb,
  towns: { id: number; path: string }[],
  count: number,
  log: (s: string) => void,
) {
  const t0 = performance.now();
  const today = chinaDate(new Date());
  const gen: Generation = {
    ctx,
    today,
    span: Math.round((Date.parse(today) - Date.parse(FIRST_DAY)) / 86_400_000),
    rules: await petitionClockRules(ctx.rules, today),
    calendar: await ctx.calendar.current(),
    people: await townPeople(raw, towns),
    sequence: new Map(),
    rng: seeded(20260101),
  };
  const rebuild = await withoutIndexes(raw, TABLES, log);
  const { rows: maxRows } = await raw.query('select coalesce(max(id), 0)::bigint as id from petitions');
  let id = Number(maxRows[0].id);
  let events = 0;
  let documents = 0;
  let jsMs = 0;
  let dbMs = 0;
  for (let start = 0; start < count; start += BATCH) {
    const tBatch = performance.now();
    const ps: unknown[][] = [];
    const es: unknown[][] = [];
    const ds: unknown[][] = [];
    const ss: unknown[][] = [];
    for (let k = start; k < Math.min(count, start + BATCH); k++) {
      const r = onePetition(gen, ++id, k, towns[k % towns.length]);
      ps.push(r.petition);
      es.push(...r.events);
      ds.push(...r.documents);
      ss.push(...r.subjects);
    }
    const tInsert = performance.now();
    jsMs += tInsert - tBatch;
    await insertUnnest(raw, 'petitions', P_COLUMNS, ps);
    await insertUnnest(raw, 'petition_events', E_COLUMNS, es);
    await insertUnnest(raw, 'petition_documents', D_COLUMNS, ds);
    await insertUnnest(raw, 'petition_subjects', S_COLUMNS, ss);
    dbMs += performance.now() - tInsert;
    events += es.length;
    documents += ds.length;
    if ((start / BATCH) % 20 === 0) log(`  petitions: ${start + ps.length}`);
  }
  await raw.query(`select setval('petitions_id_seq', greatest(${id}, 1))`);
  log(
    `  ${count} petitions, ${events} events, ${documents} documents inserted (computing ${(jsMs / 1000).toFixed(0)} s, inserting ${(dbMs / 1000).toFixed(0)} s)`,
  );
  await rebuild();
  const seconds = (performance.now() - t0) / 1000;
  log(`  petitions generated in ${seconds.toFixed(0)} s`);
  return { seconds, events, documents };
}
