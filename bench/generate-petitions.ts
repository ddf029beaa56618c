import { petitionFromPlan } from '../src/cli/demo/petition-from-plan.js';
import { planPetition, seeded } from '../src/cli/demo/petition-plan.js';
import { petitionMatter, pickCategory, reporterOf } from '../src/cli/demo/petition-texts.js';
import { addDays, chinaDate } from '../src/domain/calendar.js';
import { petitionCode } from '../src/domain/petition-intake.js';
import { clockFor } from '../src/domain/petition-workflow.js';
import { searchTokens } from '../src/domain/search-tokens.js';
import { petitionClockRules } from '../src/server/modules/petitions/clock-rules.js';
import { sealReporter } from '../src/server/modules/petitions/reporter-identity.js';
import type { AppContext } from '../src/server/platform/context.js';
import { type Column, insertUnnest, type RawDb, withoutIndexes } from './bulk-insert.js';

const BATCH = 5000;
const FIRST_DAY = '2025-01-01';
const CHANNELS = [
  'letter',
  'letter',
  'visit',
  'visit',
  'phone',
  'online',
  'online',
  'online',
  'assigned',
  'transferred',
];
const VILLAGES = ['东风村', '红旗村', '柳湾村', '青山村', '石桥村', '河口村', '新民村', '团结村'];
const TABLES = ['petitions', 'petition_subjects', 'petition_events', 'petition_documents'];
const TOKEN_SEP = String.fromCharCode(31);

const P_COLUMNS: Column[] = [
  ...(
    [
      ['id', 'bigint'],
      ['org_id', 'bigint'],
      ['code', 'text'],
      ['channel', 'text'],
      ['visitors', 'int'],
      ['received_on', 'date'],
      ['assigned_by', 'text'],
      ['assigned_ref', 'text'],
      ['assigned_due_on', 'date'],
      ['transferred_from', 'text'],
      ['real_name', 'boolean'],
      ['reporter_enc', 'text'],
      ['title', 'text'],
      ['content', 'text'],
      ['category', 'text'],
      ['status', 'text'],
      ['disposal', 'text'],
      ['assigned_unit_org_id', 'bigint'],
      ['accepted_on', 'date'],
      ['declined_on', 'date'],
      ['decline_reason', 'text'],
      ['reported_on', 'date'],
      ['approved_on', 'date'],
      ['replied_on', 'date'],
      ['reply', 'text'],
      ['concluded_on', 'date'],
      ['due_on', 'date'],
      ['due_kind', 'text'],
      ['review_level', 'int'],
      ['review_requested_on', 'date'],
      ['urgent', 'boolean'],
    ] as const
  ).map(([name, type]) => ({ name, type })),
  { name: 'search_tokens', type: 'text', expr: (v) => `string_to_array(${v}, chr(31))` },
];
const E_COLUMNS: Column[] = [
  { name: 'petition_id', type: 'bigint' },
  { name: 'action', type: 'text' },
  { name: 'from_status', type: 'text' },
  { name: 'to_status', type: 'text' },
  { name: 'occurred_on', type: 'date' },
  { name: 'note', type: 'text' },
];
const D_COLUMNS: Column[] = [
  { name: 'petition_id', type: 'bigint' },
  { name: 'kind', type: 'text' },
  { name: 'content', type: 'text' },
  { name: 'occurred_on', type: 'date' },
];
const S_COLUMNS: Column[] = [
  { name: 'petition_id', type: 'bigint' },
  { name: 'cadre_id', type: 'bigint' },
  { name: 'name', type: 'text' },
];

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
  const span = Math.round((Date.parse(today) - Date.parse(FIRST_DAY)) / 86_400_000);
  const rules = await petitionClockRules(ctx.rules, today);
  const calendar = await ctx.calendar.current();
  const people = await townPeople(raw, towns);
  const rebuild = await withoutIndexes(raw, TABLES, log);
  const { rows: maxRows } = await raw.query('select coalesce(max(id), 0)::bigint as id from petitions');
  let id = Number(maxRows[0].id);
  const sequence = new Map<string, number>();
  const rng = seeded(20260101);
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
      const town = towns[k % towns.length];
      const staff = people.get(town.id)!;
      const receivedOn = addDays(FIRST_DAY, Math.floor(rng() * span));
      const seqKey = `${town.id}/${receivedOn.slice(0, 4)}`;
      const seq = (sequence.get(seqKey) ?? 0) + 1;
      sequence.set(seqKey, seq);
      const channel = CHANNELS[Math.floor(rng() * CHANNELS.length)];
      const category = pickCategory(rng());
      const named = rng() < 0.5 ? (staff.cadres[Math.floor(rng() * staff.cadres.length)] ?? null) : null;
      const place = VILLAGES[Math.floor(rng() * VILLAGES.length)];
      const matter = petitionMatter(category, Math.floor(rng() * 8), named?.name ?? null, place);
      const realName = rng() < 0.4;
      const plan = planPetition(rng, receivedOn, addDays(today, -1));
      const assignedDueOn = channel === 'assigned' ? addDays(receivedOn, 30 + Math.floor(rng() * 30)) : null;
      const life = petitionFromPlan(plan, {
        unitOrgId: staff.units[Math.floor(rng() * staff.units.length)] ?? null,
      });
      const p = { ...life.columns, receivedOn, realName, assignedDueOn, extensionDays: 0 };
      const clock = clockFor({ ...p, status: life.status }, rules, calendar);
      id++;
      ps.push([
        id,
        town.id,
        petitionCode(Number(receivedOn.slice(0, 4)), seq),
        channel,
        channel === 'visit' ? 1 + Math.floor(rng() * 5) : null,
        receivedOn,
        channel === 'assigned' ? '区纪委' : null,
        channel === 'assigned' ? `区纪信交〔${receivedOn.slice(0, 4)}〕${seq}号` : null,
        assignedDueOn,
        channel === 'transferred' ? '区信访局' : null,
        realName,
        realName ? sealReporter(ctx.crypto, reporterOf(k)) : null,
        matter.title,
        matter.content,
        category,
        life.status,
        p.disposal,
        p.assignedUnitOrgId,
        p.acceptedOn,
        p.declinedOn,
        p.declineReason,
        p.reportedOn,
        p.approvedOn,
        p.repliedOn,
        p.reply,
        p.concludedOn,
        clock?.dueOn ?? null,
        clock?.kind ?? null,
        p.reviewLevel,
        p.reviewRequestedOn,
        named !== null && rng() < 0.002,
        searchTokens(matter.title, matter.content, p.reply).join(TOKEN_SEP),
      ]);
      es.push([id, 'register', null, 'registered', receivedOn, null]);
      for (const e of life.events) es.push([id, e.action, e.from, e.to, e.on, e.note]);
      for (const d of life.documents) ds.push([id, d.kind, d.content, d.on]);
      if (named) ss.push([id, named.id, named.name]);
      else if (rng() < 0.3) ss.push([id, null, `${place}干部`]);
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

/** Each township's cadres (to be named) and departments (to be handed cases). */
async function townPeople(raw: RawDb, towns: { id: number; path: string }[]) {
  const out = new Map(
    towns.map((t) => [t.id, { cadres: [] as { id: number; name: string }[], units: [] as number[] }]),
  );
  const townOf = (path: string) => Number(path.split('/')[2]);
  const { rows: cadres } = await raw.query(
    `select c.id, c.name, o.path from cadres c join orgs o on o.id = c.org_id where c.deleted_at is null`,
  );
  for (const c of cadres) out.get(townOf(c.path))?.cadres.push({ id: Number(c.id), name: c.name });
  const { rows: units } = await raw.query(`select id, path from orgs where kind = 'department'`);
  for (const u of units) out.get(townOf(u.path))?.units.push(Number(u.id));
  return out;
}
